'use strict';
/**
 * Runs a TypeScript entry point of this repository (main.ts, tools/<name>/cli.ts) as
 * one prebuilt CommonJS bundle under dist/launch/, so a command pays no TypeScript
 * transpile and no loader hooks: `node app/launch.cjs tools/plan/cli.ts --state s.tfstate`.
 * A bundle is rebuilt with esbuild only when one of its source files (or the installed
 * packages) changed since it was built: an mtime check, no hashing.
 * Plain JavaScript on purpose: it runs before anything is compiled.
 */
const { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT_ROOT = path.join(ROOT, 'dist', 'launch');
// Stands for every file under node_modules: an install rewrites it.
const LOCKFILE = 'package-lock.json';
const SELF = path.relative(ROOT, __filename);

/** Where the bundle of `entry` (relative to the repository root, e.g. `tools/plan/cli.ts`) is kept. */
function bundlePath(entry) {
  return path.join(OUT_ROOT, entry.replace(/\.ts$/, '.js'));
}

function inputsPath(entry) {
  return `${bundlePath(entry)}.inputs.json`;
}

function mtimeMs(file) {
  try {
    return statSync(path.join(ROOT, file)).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function upToDate(entry) {
  if (!existsSync(bundlePath(entry)) || !existsSync(inputsPath(entry))) return false;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(inputsPath(entry), 'utf8'));
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

/**
 * `__dirname` in a bundle is the bundle's directory, not the source file's: code that
 * finds files beside itself (the DynamoDB launcher's .java file, fixtures, the fuzz
 * worker) would look in dist/. This rewrites `__dirname` in our own sources to the
 * source directory, relative to the bundle so the checkout can move.
 */
function sourceDirnamePlugin(outfile) {
  return {
    name: 'source-dirname',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('__dirname')) return undefined;
        const fromBundle = path.relative(path.dirname(outfile), path.dirname(args.path)).split(path.sep).join('/');
        const dir = `require("node:path").join(__dirname, ${JSON.stringify(fromBundle)})`;
        return { contents: source.replace(/\b__dirname\b/g, dir), loader: 'ts' };
      });
    },
  };
}

/**
 * Builds the bundle of `entry` at `outfile`; returns the repository files it was made
 * from. Packages stay external (loaded from node_modules as usual) unless
 * `bundlePackages`, which the synth app uses: one file loads faster than cdktf's many.
 */
async function buildBundle(entry, outfile, { bundlePackages = false } = {}) {
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    absWorkingDir: ROOT,
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // esbuild finds its native binary relative to its own package; the handler build loads it lazily.
    external: ['esbuild'],
    packages: bundlePackages ? undefined : 'external',
    plugins: [sourceDirnamePlugin(outfile)],
    metafile: true,
    write: false,
    // Linked, not inline: a command reads no map unless run with --enable-source-maps.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'error',
  });
  mkdirSync(path.dirname(outfile), { recursive: true });
  // Atomic: another process may be running the bundle right now.
  for (const file of result.outputFiles) writeAtomic(file.path, file.contents);
  return Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
}

/** Builds the bundle of `entry` and records what it was made from; resolves to its path. */
async function rebuild(entry, options) {
  const bundle = bundlePath(entry);
  const builtAt = Date.now();
  const sources = await buildBundle(entry, bundle, options);
  writeAtomic(inputsPath(entry), `${JSON.stringify({ builtAt, inputs: [...sources, LOCKFILE, SELF] }, null, 2)}\n`);
  return bundle;
}

/** Builds the bundle of `entry` unless it is up to date; resolves to its path. */
async function ensureBundle(entry, options) {
  return upToDate(entry) ? bundlePath(entry) : rebuild(entry, options);
}

/** Runs `entry` from its bundle in this process, with `process.argv` as if node had run the bundle. */
function launch(entry, options) {
  // Up to date (the usual case): no promise, no esbuild, straight to the bundle.
  const ready = upToDate(entry) ? bundlePath(entry) : rebuild(entry, options);
  const run = (bundle) => {
    process.argv[1] = bundle;
    require(bundle);
  };
  if (typeof ready === 'string') return run(ready);
  ready.then(run, (err) => {
    process.stderr.write(`error: INTERNAL_SERVER_ERROR: could not bundle ${entry}: ${err && err.message ? err.message.split('\n')[0] : String(err)}\n`);
    process.exit(1);
  });
}

/** The synth app (cdktf.json `app` → run.cjs): packages bundled in, since one file loads faster than cdktf's many. */
const SYNTH_APP = { entry: 'main.ts', options: { bundlePackages: true } };

/** Every entry package.json's scripts launch, with its options: what a test run builds once up front. */
function scriptEntries() {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const entries = Object.values(scripts)
    .map((script) => /^node app\/launch\.cjs (\S+\.ts)\b/.exec(script))
    .filter(Boolean)
    .map((match) => ({ entry: match[1], options: {} }));
  return [SYNTH_APP, ...entries];
}

module.exports = { SYNTH_APP, buildBundle, bundlePath, ensureBundle, launch, scriptEntries };

if (require.main === module) {
  const entry = process.argv[2];
  if (!entry || !existsSync(path.join(ROOT, entry))) {
    process.stderr.write(`error: USAGE: ${entry ? `no such entry point: ${entry}` : 'name an entry point'}\nUsage: node app/launch.cjs <file.ts relative to the repository root> [arguments]\n`);
    process.exit(2);
  }
  process.argv.splice(2, 1);
  launch(entry);
}
