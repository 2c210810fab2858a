import { version as esbuildVersion } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { esbuildOptionsFor } from './esbuild-options';
import { sha256Hex } from './hashes';
import { BUILD_CODE_DIR, CACHE_FILE, posixRelative } from './paths';
import { ZIP_COMPRESSION_LEVEL, ZIP_FILE_MODE } from './deterministic-zip';
import { writeFileAtomic } from './write-file-atomic';
import type { HandlerEntry } from './types';

/** Bump when the build changes in a way the hashed options do not show. */
const CACHE_FORMAT = 1;

export interface CacheEntry {
  /** Hash of everything the function's zip depends on. */
  readonly key: string;
  /** The esbuild metafile inputs of the last build, relative to the root directory. */
  readonly inputs: readonly string[];
  /** SHA-256 of the zip that build produced. */
  readonly zipSha256: string;
}

export interface BuildCache {
  readonly format: number;
  readonly functions: Record<string, CacheEntry>;
}

export function cachePath(outDir: string): string {
  return path.join(outDir, CACHE_FILE);
}

/** The cache of the last build in `outDir`; empty when absent, unreadable or of another format. */
export function loadCache(outDir: string): BuildCache {
  const empty: BuildCache = { format: CACHE_FORMAT, functions: {} };
  try {
    const raw = JSON.parse(readFileSync(cachePath(outDir), 'utf8')) as Partial<BuildCache>;
    return raw.format === CACHE_FORMAT && raw.functions && typeof raw.functions === 'object' ? { format: CACHE_FORMAT, functions: raw.functions } : empty;
  } catch {
    return empty;
  }
}

export function saveCache(outDir: string, cache: BuildCache): void {
  writeFileAtomic(cachePath(outDir), `${JSON.stringify(cache, null, 2)}\n`);
}

function fileHash(file: string): string {
  return existsSync(file) ? sha256Hex(readFileSync(file)) : 'missing';
}

/** The build code itself (this directory): a change to bundling or zipping invalidates every entry. */
function buildCodeHash(): string {
  const files = readdirSync(BUILD_CODE_DIR).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort();
  return sha256Hex(files.map((f) => `${f}:${fileHash(path.join(BUILD_CODE_DIR, f))}`).join('\n'));
}

/**
 * Hash of the build inputs: esbuild's version, its options (with paths made relative
 * to the root), the build code, tsconfig.json, and every input file's content.
 */
export function computeCacheKey(handler: HandlerEntry, rootDir: string, inputs: readonly string[]): string {
  const options = esbuildOptionsFor(handler.entry, handler.name, rootDir);
  // Relative paths, so the same sources give the same key in any checkout location.
  const portable = JSON.stringify(options, (_key, value: unknown) =>
    typeof value === 'string' && path.isAbsolute(value) ? posixRelative(rootDir, value) : value,
  );
  return sha256Hex(
    JSON.stringify({
      format: CACHE_FORMAT,
      esbuildVersion,
      options: portable,
      entry: posixRelative(rootDir, handler.entry),
      zip: { mode: ZIP_FILE_MODE, level: ZIP_COMPRESSION_LEVEL },
      buildCode: buildCodeHash(),
      tsconfig: fileHash(path.join(rootDir, 'tsconfig.json')),
      inputs: [...inputs].sort().map((input) => [input, fileHash(path.resolve(rootDir, input))]),
    }),
  );
}
