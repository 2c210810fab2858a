import { buildHandlers } from '../tools/build/build-handlers';

/**
 * Brings dist/ up to date before a synth, in-process: a function whose inputs did not
 * change is a cache hit (a hash check, no esbuild run), so an unchanged tree costs
 * little. Rebuilt functions are reported on stderr; cache hits are silent.
 */
export async function ensureHandlerBuild(): Promise<void> {
  await buildHandlers({
    log: (line) => {
      if (/\brebuilt$/.test(line)) process.stderr.write(`build: ${line.trim()}\n`);
    },
  });
}
