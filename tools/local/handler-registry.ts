import { discoverHandlers } from '../build/discover-handlers';
import { DEFAULT_HANDLERS_DIR } from '../build/paths';
import type { HandlerDeps, S3EventHandler } from '../../handlers/shared/handler-deps';
import { installPatchedPdfjs } from '../pdfjs/install-patched-pdfjs';

/** Plain node (a launcher bundle, app/launch.cjs) has no TypeScript loader; jest and tsx do. Read before tsx registers one below. */
const PLAIN_NODE = '.js' in require.extensions && !('.ts' in require.extensions);

type RequireTypeScript = (id: string, fromFile: string) => unknown;

/** Imports a TypeScript source file: through the running loader, or in plain node through tsx for this call only. */
async function importSource(entry: string): Promise<{ createHandler?: unknown }> {
  if (!PLAIN_NODE) return import(entry);
  const { require: requireTypeScript } = require('tsx/cjs/api') as { require: RequireTypeScript };
  return requireTypeScript(entry, __filename) as { createHandler?: unknown };
}

export type HandlerFactory = (deps: HandlerDeps) => S3EventHandler;

/** Loads a function's `createHandler`, by function name. */
export type HandlerLoader = (functionName: string) => Promise<HandlerFactory | undefined>;

/**
 * The handler sources in this repository, found the way the build finds them
 * (handlers/<dir>/index.ts → function name), imported on first use and run in-process.
 */
export function sourceHandlers(handlersDir: string = DEFAULT_HANDLERS_DIR): HandlerLoader {
  const entries = new Map(discoverHandlers(handlersDir).map((h) => [h.name, h.entry]));
  // Handlers run from source here, not from their bundle: pdf.js must be the patched build.
  installPatchedPdfjs();
  return async (functionName) => {
    const entry = entries.get(functionName);
    if (!entry) return undefined;
    const module = await importSource(entry);
    if (typeof module.createHandler !== 'function') throw new Error(`${entry} exports no createHandler(deps)`);
    return module.createHandler as HandlerFactory;
  };
}
