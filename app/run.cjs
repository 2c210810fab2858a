'use strict';
/**
 * The synth app's launcher (cdktf.json `app`, `npm run synth`): runs main.ts as one
 * prebuilt CommonJS bundle, so a synth pays no TypeScript transpile and no npx.
 * The bundle is rebuilt with esbuild only when one of its source files (or the
 * installed packages) changed since it was built: an mtime check, no hashing.
 * Plain JavaScript on purpose: it runs before anything is compiled.
 */
const { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'dist', 'app');
const BUNDLE = path.join(OUT_DIR, 'main.js');
const INPUTS = path.join(OUT_DIR, 'inputs.json');
// Stands for every file under node_modules: an install rewrites it.
const LOCKFILE = 'package-lock.json';

function mtimeMs(file) {
  try {
    return statSync(path.join(ROOT, file)).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function upToDate() {
  if (!existsSync(BUNDLE) || !existsSync(INPUTS)) return false;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(INPUTS, 'utf8'));
    return inputs.every((file) => mtimeMs(file) <= builtAt);
  } catch {
    return false;
  }
}

function writeAtomic(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

function build() {
  const esbuild = require('esbuild');
  const builtAt = Date.now();
  const result = esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'main.ts')],
    absWorkingDir: ROOT,
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // esbuild finds its native binary relative to its own package; the handler build loads it lazily.
    external: ['esbuild'],
    metafile: true,
    write: false,
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'error',
  });
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  mkdirSync(OUT_DIR, { recursive: true });
  // Atomic: another synth may be reading the bundle right now.
  writeAtomic(BUNDLE, result.outputFiles[0].contents);
  writeAtomic(INPUTS, `${JSON.stringify({ builtAt, inputs: [...sources, LOCKFILE, 'app/run.cjs'] }, null, 2)}\n`);
}

if (!upToDate()) {
  try {
    build();
  } catch (err) {
    process.stderr.write(`error: INTERNAL_SERVER_ERROR: could not bundle the synth app: ${err && err.message ? err.message.split('\n')[0] : String(err)}\n`);
    process.exit(1);
  }
}
require(BUNDLE);
