import { build, type Message } from 'esbuild';
import * as path from 'node:path';
import { esbuildOptionsFor } from './esbuild-options';
import { BUNDLE_FILE, SOURCE_MAP_FILE } from './paths';
import { trimSourceMap, type RawSourceMap } from './trim-source-map';
import type { HandlerEntry } from './types';

export interface HandlerBundle {
  /** The minified CommonJS bundle. */
  readonly code: Buffer;
  /** Its external source map. */
  readonly sourceMap: Buffer;
  /** Every input file esbuild read, relative to the root directory, sorted. */
  readonly inputs: readonly string[];
}

/**
 * Whether a source map source is the project's own code. Dependencies (node_modules,
 * and the `webpack://` sources of prebuilt packages like pdf.js) are left unmapped:
 * their mappings were over half of each zip, and stack frames worth reading are ours.
 */
export function isProjectSource(source: string): boolean {
  return !/(^|\/)node_modules\//.test(source) && !/^[a-z][a-z0-9+.-]*:/i.test(source);
}

export class BundleError extends Error {
  readonly code = 'BUILD_ERROR';
  constructor(
    readonly functionName: string,
    readonly errors: readonly Message[],
    options?: { cause?: unknown },
  ) {
    super(`esbuild failed for ${functionName}:\n${errors.map(formatMessage).join('\n')}`, options);
    this.name = 'BundleError';
  }
}

function formatMessage(m: Message): string {
  const where = m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : '';
  return `  ${where}${m.text}`;
}

function isEsbuildFailure(err: unknown): err is { errors: Message[] } {
  return typeof err === 'object' && err !== null && Array.isArray((err as { errors?: unknown }).errors);
}

/** Bundles one handler in memory. */
export async function bundleHandler(handler: HandlerEntry, rootDir: string): Promise<HandlerBundle> {
  const options = esbuildOptionsFor(handler.entry, handler.name, rootDir);
  let result;
  try {
    result = await build(options);
  } catch (err) {
    if (isEsbuildFailure(err)) throw new BundleError(handler.name, err.errors, { cause: err });
    throw err;
  }
  const file = (name: string): Buffer => {
    const out = result.outputFiles?.find((f) => path.basename(f.path) === name);
    if (!out) throw new Error(`esbuild produced no ${name} for ${handler.name}`);
    return Buffer.from(out.contents);
  };
  return {
    code: file(BUNDLE_FILE),
    sourceMap: Buffer.from(JSON.stringify(trimSourceMap(JSON.parse(file(SOURCE_MAP_FILE).toString('utf8')) as RawSourceMap, isProjectSource))),
    inputs: Object.keys(result.metafile?.inputs ?? {}).sort(),
  };
}
