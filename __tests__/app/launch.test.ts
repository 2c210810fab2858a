import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchCommand } from '../../app/launch-command';
import { launcher } from '../support/launcher';

/**
 * app/launch.cjs runs a repository entry point from a prebuilt bundle: argv passes
 * through, `__dirname` is the source file's directory, the bundle is rebuilt only when
 * a source changed, and a missing entry is a usage error.
 */
const ROOT = join(__dirname, '..', '..');

describe('node app/launch.cjs <entry.ts>', () => {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const probeDir = mkdtempSync(join(ROOT, 'dist', 'launch-probe-'));
  const entry = relative(ROOT, join(probeDir, 'entry.ts'));
  const helper = join(probeDir, 'helper.ts');
  const bundle = launcher.bundlePath(entry);
  afterAll(() => {
    rmSync(probeDir, { recursive: true, force: true });
    rmSync(join(bundle, '..'), { recursive: true, force: true });
  });

  const run = (...args: string[]) => {
    const [node, ...launch] = launchCommand(entry);
    return JSON.parse(execFileSync(node, [...launch, ...args], { cwd: ROOT, encoding: 'utf8' })) as { dirname: string; argv: string[]; word: string; zip: string };
  };
  const builtAt = () => (JSON.parse(readFileSync(`${bundle}.inputs.json`, 'utf8')) as { builtAt: number }).builtAt;

  writeFileSync(helper, "export const word: string = 'first';\n");
  writeFileSync(
    join(probeDir, 'entry.ts'),
    "import { word } from './helper';\nimport { ZipFile } from 'yazl';\nprocess.stdout.write(JSON.stringify({ dirname: __dirname, argv: process.argv.slice(2), word, zip: typeof ZipFile }));\n",
  );

  it('passes the arguments through and keeps __dirname as the source directory', () => {
    expect(run('--state', 'a b.tfstate')).toEqual({ dirname: probeDir, argv: ['--state', 'a b.tfstate'], word: 'first', zip: 'function' });
  });

  it('bundles our sources but loads packages from node_modules', () => {
    const code = readFileSync(bundle, 'utf8');
    expect(code).toContain('"first"');
    expect(code).toMatch(/require\("yazl"\)/);
  });

  it('reuses the bundle while no source changed, and rebuilds it when an imported file did', () => {
    const first = builtAt();
    run();
    expect(builtAt()).toBe(first);
    writeFileSync(helper, "export const word: string = 'second';\n");
    // Newer than the bundle even on a filesystem with coarse timestamps.
    const later = new Date(first + 2000);
    utimesSync(helper, later, later);
    expect(run().word).toBe('second');
    expect(builtAt()).toBeGreaterThan(first);
  });

  it('exits 2 with a usage error for an entry that does not exist', () => {
    const [node, ...launch] = launchCommand('tools/no-such-tool/cli.ts');
    const result = spawnSync(node, launch, { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: USAGE: no such entry point: tools\/no-such-tool\/cli\.ts\nUsage: node app\/launch\.cjs/);
  });
});
