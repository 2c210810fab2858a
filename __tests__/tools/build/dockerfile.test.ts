import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildHandlers } from '../../../tools/build/build-handlers';
import { REPO_ROOT } from '../../../tools/build/paths';
import { makeCleanDir, removeDir, runProbe } from '../../support/clean-dir';

const DOCKERFILE = path.join(REPO_ROOT, 'docker', 'parse-invoice', 'Dockerfile');

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** Dockerfile instructions, with comments dropped and `\` continuations joined. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [keyword, ...rest] = l.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

function copies(list: readonly Instruction[]): { sources: string[]; dest: string }[] {
  return list
    .filter((i) => i.keyword === 'COPY')
    .map((i) => {
      const parts = i.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      return { sources: parts.slice(0, -1), dest: parts[parts.length - 1] };
    });
}

describe('docker/parse-invoice/Dockerfile', () => {
  const list = instructions(readFileSync(DOCKERFILE, 'utf8'));
  let cleanDir: string;

  beforeAll(async () => {
    // The Dockerfile's context is the repo root, so this builds into the real dist/.
    await buildHandlers({ only: ['parse_invoice'], log: () => undefined });
    cleanDir = makeCleanDir('docker-task-root');
  }, 120_000);
  afterAll(() => removeDir(cleanDir));

  it('builds on the AWS Lambda Node.js 22 base image', () => {
    expect(list[0]).toEqual({ keyword: 'FROM', args: 'public.ecr.aws/lambda/nodejs:22' });
  });

  it('copies only the parse_invoice bundle and its map, into the task root', () => {
    const all = copies(list);
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) {
      expect(c.dest).toMatch(/^\$\{?LAMBDA_TASK_ROOT\}?\/?$/);
      for (const source of c.sources) expect(source).toMatch(/^dist\/parse_invoice\/index\.js(\.map)?$/);
    }
  });

  it('has every COPY source present after a build', () => {
    const missing = copies(list)
      .flatMap((c) => c.sources)
      .filter((source) => !existsSync(path.join(REPO_ROOT, source)));
    expect(missing).toEqual([]);
  });

  it('has a CMD naming a function the copied bundle exports', () => {
    const cmd = list.filter((i) => i.keyword === 'CMD').pop();
    expect(cmd).toBeDefined();
    const [handlerString] = JSON.parse(cmd!.args) as string[];
    const match = /^(.+)\.([A-Za-z_$][\w$]*)$/.exec(handlerString);
    expect(match).not.toBeNull();
    const [, moduleName, exportName] = match!;
    // Lay out the task root as the image would have it, then load the module from there.
    const copied = copies(list).flatMap((c) => c.sources);
    expect(copied.map((s) => path.basename(s))).toContain(`${moduleName}.js`);
    for (const source of copied) copyFileSync(path.join(REPO_ROOT, source), path.join(cleanDir, path.basename(source)));
    const result = runProbe<{ exportTypes: Record<string, string> }>(cleanDir, 'load-bundle.probe.cjs', [moduleName]);
    expect(result.exportTypes[exportName]).toBe('function');
  });
});
