import { appendFileSync, cpSync, existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildHandlers } from '../../../tools/build/build-handlers';
import { discoverHandlers } from '../../../tools/build/discover-handlers';
import { sha256Base64, sha256Hex } from '../../../tools/build/hashes';
import { BudgetExceededError } from '../../../tools/build/size-budgets';
import { REPO_ROOT } from '../../../tools/build/paths';
import type { BuildManifest } from '../../../tools/build/types';
import { makeRepoScratchDir, removeDir } from '../../support/clean-dir';
import { readZip } from '../../support/unzip';

const HANDLER_NAMES = discoverHandlers(path.join(REPO_ROOT, 'handlers')).map((h) => h.name);

/** Builds with the log captured, so tests can see which functions were rebuilt. */
async function build(options: Parameters<typeof buildHandlers>[0]): Promise<{ manifest: BuildManifest; lines: string[] }> {
  const lines: string[] = [];
  const manifest = await buildHandlers({ ...options, log: (line) => lines.push(line) });
  return { manifest, lines };
}

function statusOf(lines: readonly string[], name: string): string | undefined {
  return lines.find((l) => l.startsWith(`${name} `))?.trim().split(/\s+/).pop();
}

function readZipOf(manifest: BuildManifest, name: string): Buffer {
  return readFileSync(path.resolve(REPO_ROOT, manifest.functions[name].zip));
}

describe('buildHandlers on the real handlers', () => {
  let scratch: string;
  let first: { manifest: BuildManifest; lines: string[] };
  let second: { manifest: BuildManifest; lines: string[] };

  beforeAll(async () => {
    scratch = makeRepoScratchDir(REPO_ROOT, 'determinism');
    first = await build({ outDir: path.join(scratch, 'out-a') });
    second = await build({ outDir: path.join(scratch, 'out-b') });
  }, 120_000);
  afterAll(() => removeDir(scratch));

  it('finds at least the parse_invoice handler', () => {
    expect(HANDLER_NAMES).toContain('parse_invoice');
  });

  it('lists every handler in the manifest with repo-relative paths', () => {
    expect(Object.keys(first.manifest.functions)).toEqual(HANDLER_NAMES);
    const rel = path.relative(REPO_ROOT, scratch).split(path.sep).join('/');
    for (const name of HANDLER_NAMES) {
      const artifact = first.manifest.functions[name];
      expect(artifact.sourceDir).toBe(`handlers/${name.replace(/_/g, '-')}`);
      expect(artifact.bundle).toBe(`${rel}/out-a/${name}/index.js`);
      expect(artifact.zip).toBe(`${rel}/out-a/${name}.zip`);
    }
  });

  it('records the zip size, hex SHA-256 and base64 SHA-256 of the zip on disk', () => {
    for (const name of HANDLER_NAMES) {
      const zip = readZipOf(first.manifest, name);
      expect(first.manifest.functions[name]).toMatchObject({ size: zip.byteLength, sha256: sha256Hex(zip), base64sha256: sha256Base64(zip) });
    }
  });

  it('writes the same manifest to disk, keys sorted', () => {
    const onDisk = readFileSync(path.join(scratch, 'out-a', 'manifest.json'), 'utf8');
    expect(JSON.parse(onDisk)).toEqual(first.manifest);
    expect(Object.keys(JSON.parse(onDisk).functions)).toEqual([...HANDLER_NAMES].sort());
  });

  it('gives byte-identical zips from two builds of the same source', () => {
    for (const name of HANDLER_NAMES) {
      expect(readZipOf(second.manifest, name).equals(readZipOf(first.manifest, name))).toBe(true);
      expect(second.manifest.functions[name].sha256).toBe(first.manifest.functions[name].sha256);
    }
  });

  it('puts exactly index.js and index.js.map at the zip root, matching the bundle on disk', async () => {
    for (const name of HANDLER_NAMES) {
      const records = await readZip(readZipOf(first.manifest, name));
      expect(records.map((r) => r.name)).toEqual(['index.js', 'index.js.map']);
      const bundle = readFileSync(path.resolve(REPO_ROOT, first.manifest.functions[name].bundle));
      expect(records[0].data.equals(bundle)).toBe(true);
      expect(bundle.toString('utf8').slice(-200)).toMatch(/\/\/# sourceMappingURL=index\.js\.map\s*$/);
    }
  });

  it('leaves no absolute or checkout-specific path in the bundle or its source map', () => {
    const forbidden = [REPO_ROOT, os.tmpdir(), scratch, os.homedir()].filter((p) => p.length > 1);
    for (const name of HANDLER_NAMES) {
      const dir = path.join(scratch, 'out-a', name);
      const code = readFileSync(path.join(dir, 'index.js'), 'utf8');
      const mapText = readFileSync(path.join(dir, 'index.js.map'), 'utf8');
      for (const p of forbidden) {
        expect(code.includes(p)).toBe(false);
        expect(mapText.includes(p)).toBe(false);
      }
      const map = JSON.parse(mapText) as { sources: string[]; sourcesContent?: unknown };
      expect(map.sources.filter((s) => path.isAbsolute(s) || s.includes('.scratch-build-'))).toEqual([]);
      expect(map.sources).toContain(`../../handlers/${name.replace(/_/g, '-')}/index.ts`);
    }
  });

  it('reuses unchanged functions on the next build into the same outDir, and still writes the manifest', async () => {
    const again = await build({ outDir: path.join(scratch, 'out-a') });
    for (const name of HANDLER_NAMES) expect(statusOf(again.lines, name)).toBe('cached');
    expect(again.manifest).toEqual(first.manifest);
    expect(again.lines.some((l) => /^wrote .*manifest\.json/.test(l))).toBe(true);
  });

  it('prints one line per function with its zip size in KB and rebuilt or cached', () => {
    for (const name of HANDLER_NAMES) {
      const kb = (first.manifest.functions[name].size / 1024).toFixed(1);
      expect(first.lines).toContainEqual(expect.stringMatching(new RegExp(`^${name}\\s+${kb.replace('.', '\\.')} KB\\s+rebuilt$`)));
    }
  });

  it('rebuilds everything with force', async () => {
    const forced = await build({ outDir: path.join(scratch, 'out-a'), force: true });
    for (const name of HANDLER_NAMES) expect(statusOf(forced.lines, name)).toBe('rebuilt');
    expect(forced.manifest).toEqual(first.manifest);
  });

  it('fails the build and removes the manifest when a zip is over its budget', async () => {
    const outDir = path.join(scratch, 'out-b');
    const budgets = { parse_invoice: { maxZipBytes: 1024, reason: 'test budget' } };
    const failure = await build({ outDir, budgets }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(BudgetExceededError);
    expect((failure as Error).message).toMatch(/parse_invoice: .* > budget 1\.0 KB \(1024 bytes\): test budget/);
    expect(existsSync(path.join(outDir, 'manifest.json'))).toBe(false);
  });

  it('rejects an unknown function in only', async () => {
    await expect(build({ outDir: path.join(scratch, 'out-a'), only: ['no_such_fn'] })).rejects.toThrow(/Unknown function\(s\): no_such_fn/);
  });
});

describe('buildHandlers after a source change', () => {
  let scratch: string;
  let before: BuildManifest;
  let after: { manifest: BuildManifest; lines: string[] };
  let changed: string;
  let others: string[];

  beforeAll(async () => {
    // A copy of handlers/ inside the repo, so node_modules still resolve.
    scratch = makeRepoScratchDir(REPO_ROOT, 'change');
    const handlersDir = path.join(scratch, 'handlers');
    cpSync(path.join(REPO_ROOT, 'handlers'), handlersDir, { recursive: true });
    // Handlers import contract/ (one level above handlers/).
    cpSync(path.join(REPO_ROOT, 'contract'), path.join(scratch, 'contract'), { recursive: true });
    const handlers = discoverHandlers(handlersDir);
    changed = handlers[handlers.length - 1].name;
    others = handlers.map((h) => h.name).filter((n) => n !== changed);
    const outDir = path.join(scratch, 'out');
    before = (await build({ handlersDir, outDir })).manifest;
    appendFileSync(handlers[handlers.length - 1].entry, `\nexport const buildProbe = ${JSON.stringify(`changed ${scratch}`)};\n`);
    after = await build({ handlersDir, outDir });
  }, 120_000);
  afterAll(() => removeDir(scratch));

  it('changes the hash of the changed function only', () => {
    expect(after.manifest.functions[changed].sha256).not.toBe(before.functions[changed].sha256);
    for (const name of others) expect(after.manifest.functions[name]).toEqual(before.functions[name]);
  });

  it('rebuilds the changed function only', () => {
    expect(statusOf(after.lines, changed)).toBe('rebuilt');
    for (const name of others) expect(statusOf(after.lines, name)).toBe('cached');
  });
});
