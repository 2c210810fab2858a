import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { launcher } from '../support/launcher';

/**
 * The synth app (app/run.cjs) runs main.ts as one bundle in dist/launch/, and main.ts
 * builds the handlers from there. Build code that finds its own files through
 * `__dirname` would look in dist/ and fail on a clean checkout, while every test that
 * imports the build code from source passes. This builds the handlers the way the
 * synth app does: from a bundle the launcher made, in dist/.
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

  it('builds every handler zip from a bundle in dist/', async () => {
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
    await launcher.buildBundle(relative(ROOT, entry), bundle, launcher.SYNTH_APP.options);
    const built = JSON.parse(execFileSync(process.execPath, [bundle, outDir], { cwd: ROOT, encoding: 'utf8' })) as string[];
    expect(built.sort()).toEqual(['parse_invoice', 'parse_retail_invoice']);
    for (const fn of built) expect(existsSync(join(outDir, `${fn}.zip`))).toBe(true);
  }, 120_000);
});
