import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';

const ENTITIES_TABLE_FILE = /[\\/]node_modules[\\/]entities[\\/]lib[\\/]esm[\\/](?:generated[\\/][\w-]+|decode)\.js$/;
const DEFAULT_EXPORT = /^export default (new [\s\S]*\));$/m;
// decode.js builds a decoder over each table at load; unused, it kept the tables alive.
const DECODER = /^const (\w+Decoder) = getDecoder\(/gm;

/**
 * Lets esbuild drop the HTML entity tables (and their decoders) that the bundle never reads.
 *
 * dom-serializer (bundled through htmlparser2's domutils) imports only the escaping functions of `entities` (v4), but its
 * index also loads the generated decode and encode tables, each built by a call at
 * module load (`new Uint16Array("…".split("").map(…))`, `new Map(restoreDiff([…]))`):
 * about 50 KB to parse and a few ms to run at every cold start of parse_retail_invoice.
 * htmlparser2 decodes with its own copy of `entities`. Wrapping each table in a
 * `@__PURE__` arrow call keeps its value and makes an unused one removable.
 */
export function pureEntitiesTablesPlugin(): Plugin {
  return {
    name: 'pure-entities-tables',
    setup(build) {
      build.onLoad({ filter: ENTITIES_TABLE_FILE }, async (args) => ({ contents: markTablePure(await readFile(args.path, 'utf8')), loader: 'js' }));
    },
  };
}

export function markTablePure(source: string): string {
  return source
    .replace(DEFAULT_EXPORT, (_all, value: string) => `export default /* @__PURE__ */ (() => ${value})();`)
    .replace(DECODER, (_all, name: string) => `const ${name} = /* @__PURE__ */ getDecoder(`);
}
