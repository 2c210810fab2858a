import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';

const SDK_SCHEMA_FILE = /[\\/]node_modules[\\/]@aws-sdk[\\/][^\\/]+[\\/]dist-es[\\/](?:submodules[\\/][^\\/]+[\\/])?schemas[\\/]schemas_\d+\.js$/;
const SCHEMA_DECLARATION = /^export var ([\w$]+) = (\[[\s\S]*?\]);$/gm;

/**
 * Lets esbuild drop the schemas of the SDK operations the handlers never call.
 *
 * A client's schemas file declares every operation and shape of the service as
 * `export var X$ = [3, n0, _X, { [_xN]: _Y }, ...]`. The computed keys make esbuild
 * treat each declaration as possibly having side effects, so all of them (S3: about
 * 500) stayed in the bundle, to be parsed and evaluated at every cold start. Wrapping
 * each array in a `@__PURE__` arrow call keeps its value and evaluation order, and
 * makes an unreferenced one removable.
 */
export function pureSdkSchemasPlugin(): Plugin {
  return {
    name: 'pure-sdk-schemas',
    setup(build) {
      build.onLoad({ filter: SDK_SCHEMA_FILE }, async (args) => ({ contents: markSchemasPure(await readFile(args.path, 'utf8')), loader: 'js' }));
    },
  };
}

export function markSchemasPure(source: string): string {
  return source.replace(SCHEMA_DECLARATION, (_all, name: string, value: string) => `export var ${name} = /* @__PURE__ */ (() => ${value})();`);
}
