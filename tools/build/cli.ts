/**
 * `npm run build:handlers [-- [--force] [fn ...]]`: bundles the handlers into dist/
 * and writes dist/manifest.json. Exits 1 on a build error or a blown size budget.
 */
import { parseCliArgs, runCli, UsageError } from '../../app/run-cli';
import { buildHandlers } from './build-handlers';
import { discoverHandlers } from './discover-handlers';
import { DEFAULT_HANDLERS_DIR } from './paths';

const USAGE = `Usage: npm run build:handlers [-- [--force] [function ...]]

Bundles every handler under handlers/ (or only the named functions) with esbuild into
a deterministic zip in dist/, and writes dist/manifest.json. Functions whose inputs
did not change are not rebuilt.

Options:
  --force       rebuild even when the cache says a function is up to date
  --out <dir>   write the zips and manifest.json there (default: dist/)
  --help        show this help`;

interface BuildArgs {
  readonly force: boolean;
  readonly only?: readonly string[];
  readonly outDir?: string;
}

function parseBuildArgs(argv: readonly string[]): BuildArgs {
  const { values, positionals } = parseCliArgs({ force: { type: 'boolean' }, out: { type: 'string' } }, argv, true);
  const known = discoverHandlers(DEFAULT_HANDLERS_DIR).map((h) => h.name);
  const unknown = positionals.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown function(s): ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return {
    force: values.force === true,
    ...(positionals.length > 0 ? { only: positionals } : {}),
    ...(typeof values.out === 'string' ? { outDir: values.out } : {}),
  };
}

runCli({
  usage: USAGE,
  parse: parseBuildArgs,
  run: async ({ force, only, outDir }) => {
    await buildHandlers({ force, ...(only ? { only } : {}), ...(outDir ? { outDir } : {}) });
  },
});
