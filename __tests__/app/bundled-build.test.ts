import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The synth app (app/run.cjs) runs main.ts as one bundle in dist/app/, and main.ts
 * builds the handlers from there. Build code that finds its own files through
 * `__dirname` then looks in dist/app/ and fails on a clean checkout, while every
 * test that imports the build code from source passes. This builds the handlers the
 * way the synth app does: from a bundle in dist/.
 */
const ROOT = join(__dirname, '..', '..');

describe('the handler build, bundled as the synth app runs it', () => {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const probeDir = mkdtempSync(join(ROOT, 'dist', 'app-probe-'));
  const outDir = mkdtempSync(join(tmpdir(), 'paypulse-bundled-build-'));
  afterAll(() => {
    rmSync(probeDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('builds every handler zip from a bundle in dist/', () => {
    const entry = join(probeDir, 'entry.ts');
    writeFileSync(
      entry,
      `import { buildHandlers } from '${join(ROOT, 'tools', 'build', 'build-handlers')}';\n` +
        'buildHandlers({ outDir: process.argv[2], force: true, log: () => undefined }).then(\n' +
        '  (manifest) => process.stdout.write(JSON.stringify(Object.keys(manifest.functions))),\n' +
        '  (err) => { process.stderr.write(String(err && err.message)); process.exit(1); },\n' +
        ');\n',
    );
    const bundle = join(probeDir, 'main.js');
    // The same shape as app/run.cjs's bundle.
    buildSync({ entryPoints: [entry], absWorkingDir: ROOT, outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['esbuild'], logLevel: 'error' });
    const built = JSON.parse(execFileSync(process.execPath, [bundle, outDir], { cwd: ROOT, encoding: 'utf8' })) as string[];
    expect(built.sort()).toEqual(['parse_invoice', 'parse_retail_invoice']);
    for (const fn of built) expect(existsSync(join(outDir, `${fn}.zip`))).toBe(true);
  }, 120_000);
});
