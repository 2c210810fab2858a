import type { BuildOptions } from 'esbuild';
import * as path from 'node:path';
import { BUNDLE_FILE } from './paths';
import { pdfjsPatchPlugin } from './pdfjs-patch-plugin';
import { staticSdkImportsPlugin } from './static-sdk-imports-plugin';
import { lambdaCredentialsPlugin } from './lambda-credentials-plugin';
import { lambdaSharedConfigPlugin } from './lambda-shared-config-plugin';
import { pureEntitiesTablesPlugin } from './pure-entities-tables-plugin';
import { pureSdkSchemasPlugin } from './pure-sdk-schemas-plugin';
import { nativeBase64EntitiesPlugin } from './native-base64-entities-plugin';

/**
 * Native or optional packages that some dependencies `require` inside try/catch
 * (pdf.js probes for a canvas polyfill). They are not installed and not needed for
 * text extraction, so they stay unresolved requires that fail softly at run time.
 */
export const OPTIONAL_NATIVE_MODULES: readonly string[] = ['canvas', '@napi-rs/canvas'];

/**
 * The esbuild options for one handler. Everything that shapes the output is here, so
 * the incremental cache can hash it.
 *
 * `outfile` is a fixed location under `<rootDir>/dist/<fn>/` whatever the real output
 * directory: nothing is written by esbuild (`write: false`), but the source map's
 * `sources` are relative to it, so they are the same in every checkout and every outDir.
 */
export function esbuildOptionsFor(entry: string, functionName: string, rootDir: string): BuildOptions {
  return {
    entryPoints: [entry],
    absWorkingDir: rootDir,
    outfile: path.join(rootDir, 'dist', functionName, BUNDLE_FILE),
    write: false,
    metafile: true,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // Every dependency is bundled, the AWS SDK v3 included: the zip has no node_modules.
    external: [...OPTIONAL_NATIVE_MODULES],
    // ES module builds first: the SDK's dist-es can be tree-shaken to the commands and
    // middleware the handlers use, where its dist-cjs index files pull in every command
    // and wrap each module for lazy init. Cold-start module init falls by about a third
    // (issue 16).
    mainFields: ['module', 'main'],
    // pdf.js's worker and display layer are patched as they are inlined
    // (handlers/parse-invoice/core/pdfjs-{worker,display}-patch.ts: fixes, unused viewer code left out);
    // for cold start (issue 16) the SDK's unused operation schemas and the unused HTML
    // entity tables can be tree-shaken, the SDK's dynamic imports become static (no lazy
    // module wrappers), its credential chain is the environment only (Lambda's), its
    // settings come from the environment and defaults (Lambda has no ~/.aws files) and
    // htmlparser2's entity tree is base64-decoded natively.
    plugins: [
      pdfjsPatchPlugin(),
      pureSdkSchemasPlugin(),
      pureEntitiesTablesPlugin(),
      staticSdkImportsPlugin(),
      lambdaCredentialsPlugin(),
      lambdaSharedConfigPlugin(),
      nativeBase64EntitiesPlugin(),
    ],
    // A separate .map file plus the `//# sourceMappingURL` comment that Node's
    // --enable-source-maps follows (esbuild's 'external' mode leaves the comment out).
    sourcemap: 'linked',
    // Stack traces only need the mappings; the sources would double the zip.
    sourcesContent: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  };
}
