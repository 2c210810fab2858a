import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { HandlerEntry } from './types';

/** Shared code, not a Lambda entry, even if it ever gets an index.ts. */
const NOT_HANDLERS = new Set(['shared']);

/** handlers/parse-invoice -> parse_invoice. */
export function functionNameFor(dirName: string): string {
  return dirName.replace(/-/g, '_');
}

/** Every handlers/<dir>/ with an index.ts, except handlers/shared, sorted by function name. */
export function discoverHandlers(handlersDir: string): HandlerEntry[] {
  if (!existsSync(handlersDir)) throw new Error(`Handlers directory not found: ${handlersDir}`);
  return readdirSync(handlersDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_HANDLERS.has(d.name))
    .map((d) => ({ name: functionNameFor(d.name), dir: path.join(handlersDir, d.name), entry: path.join(handlersDir, d.name, 'index.ts') }))
    .filter((h) => existsSync(h.entry))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
