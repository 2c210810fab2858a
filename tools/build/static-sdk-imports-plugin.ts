import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

const SDK_ES_FILE = /[\\/]node_modules[\\/]@(?:aws-sdk|smithy)[\\/].*[\\/]dist-es[\\/].*\.js$/;
const DYNAMIC_IMPORT = /\bimport\((["'])([^"'\s]+)\1\)/g;

/**
 * Rewrites the AWS SDK's `import("x")` of bundled modules (the credential providers,
 * nested STS/SSO clients, event streams) into static imports.
 *
 * Why: esbuild can only honour a dynamic import inside one CommonJS file by wrapping
 * the imported module, and every module it depends on, in a lazy `__esm` initialiser.
 * Those few imports pulled in @smithy/core and nearly the whole SDK, about 480
 * wrapped modules: V8 then pre-parses each module's code at load and parses it again
 * when its initialiser runs, which was most of the handlers' cold-start time. Static
 * imports keep the bundle flat; the modules they add only define functions and
 * classes at load. Node built-ins (`node:http`) stay dynamic: they are not bundled.
 */
export function staticSdkImportsPlugin(): Plugin {
  return {
    name: 'static-sdk-imports',
    setup(build) {
      build.onLoad({ filter: SDK_ES_FILE }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import(')) return undefined;
        const rewritten = rewriteDynamicImports(source);
        return rewritten === source ? undefined : { contents: rewritten, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/** Each bundled `import("x")` becomes `Promise.resolve(ns)` over a hoisted `import * as ns from "x"`. */
export function rewriteDynamicImports(source: string): string {
  const hoisted = new Map<string, string>();
  const body = source.replace(DYNAMIC_IMPORT, (call, _quote: string, specifier: string) => {
    if (specifier.startsWith('node:')) return call;
    let name = hoisted.get(specifier);
    if (!name) {
      name = `__staticImport${hoisted.size}`;
      hoisted.set(specifier, name);
    }
    return `Promise.resolve(${name})`;
  });
  if (hoisted.size === 0) return source;
  const imports = [...hoisted].map(([specifier, name]) => `import * as ${name} from ${JSON.stringify(specifier)};`).join('\n');
  return `${imports}\n${body}`;
}
