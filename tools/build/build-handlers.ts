import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { computeCacheKey, loadCache, saveCache, type BuildCache, type CacheEntry } from './build-cache';
import { bundleHandler } from './bundle-handler';
import { createDeterministicZip } from './deterministic-zip';
import { discoverHandlers } from './discover-handlers';
import { sha256Base64, sha256Hex } from './hashes';
import { parseManifest, writeManifest } from './manifest';
import { BUNDLE_FILE, MANIFEST_FILE, REPO_ROOT, SOURCE_MAP_FILE, posixRelative } from './paths';
import { assertWithinBudgets, formatKb } from './size-budgets';
import { writeFileAtomic } from './write-file-atomic';
import type { BuildHandlersOptions, BuildManifest, FunctionArtifact, HandlerEntry } from './types';
import { artifactKey } from '../../contract/artifacts';

interface Layout {
  readonly rootDir: string;
  readonly outDir: string;
}

interface FunctionResult {
  readonly name: string;
  readonly artifact: FunctionArtifact;
  readonly cacheEntry: CacheEntry;
  readonly rebuilt: boolean;
}

function zipPathFor(outDir: string, name: string): string {
  return path.join(outDir, artifactKey(name));
}

function artifactFor(handler: HandlerEntry, layout: Layout, zip: Buffer): FunctionArtifact {
  const rel = (p: string): string => posixRelative(layout.rootDir, p);
  return {
    sourceDir: rel(handler.dir),
    bundle: rel(path.join(layout.outDir, handler.name, BUNDLE_FILE)),
    zip: rel(zipPathFor(layout.outDir, handler.name)),
    sha256: sha256Hex(zip),
    base64sha256: sha256Base64(zip),
    size: zip.byteLength,
  };
}

/** The previous build's zip if it is still on disk, unchanged, with its bundle, and its inputs are unchanged. */
function cachedZip(handler: HandlerEntry, layout: Layout, entry: CacheEntry | undefined): Buffer | undefined {
  if (!entry) return undefined;
  const zipPath = zipPathFor(layout.outDir, handler.name);
  const bundleDir = path.join(layout.outDir, handler.name);
  if (![zipPath, path.join(bundleDir, BUNDLE_FILE), path.join(bundleDir, SOURCE_MAP_FILE)].every((f) => existsSync(f))) return undefined;
  const zip = readFileSync(zipPath);
  if (sha256Hex(zip) !== entry.zipSha256) return undefined;
  return computeCacheKey(handler, layout.rootDir, entry.inputs) === entry.key ? zip : undefined;
}

async function buildFunction(handler: HandlerEntry, layout: Layout, cache: BuildCache, force: boolean): Promise<FunctionResult> {
  const previous = cache.functions[handler.name];
  const cached = force ? undefined : cachedZip(handler, layout, previous);
  if (cached && previous) {
    return { name: handler.name, artifact: artifactFor(handler, layout, cached), cacheEntry: previous, rebuilt: false };
  }
  const bundle = await bundleHandler(handler, layout.rootDir);
  const zip = await createDeterministicZip([
    { name: BUNDLE_FILE, data: bundle.code },
    { name: SOURCE_MAP_FILE, data: bundle.sourceMap },
  ]);
  const bundleDir = path.join(layout.outDir, handler.name);
  mkdirSync(bundleDir, { recursive: true });
  writeFileAtomic(path.join(bundleDir, BUNDLE_FILE), bundle.code);
  writeFileAtomic(path.join(bundleDir, SOURCE_MAP_FILE), bundle.sourceMap);
  writeFileAtomic(zipPathFor(layout.outDir, handler.name), zip);
  const cacheEntry: CacheEntry = { key: computeCacheKey(handler, layout.rootDir, bundle.inputs), inputs: bundle.inputs, zipSha256: sha256Hex(zip) };
  return { name: handler.name, artifact: artifactFor(handler, layout, zip), cacheEntry, rebuilt: true };
}

/** Entries of the existing manifest for functions that were not selected but still exist, with their zip. */
function keptArtifacts(manifestPath: string, layout: Layout, names: readonly string[]): Record<string, FunctionArtifact> {
  if (names.length === 0 || !existsSync(manifestPath)) return {};
  let previous: BuildManifest;
  try {
    previous = parseManifest(readFileSync(manifestPath, 'utf8'));
  } catch {
    return {};
  }
  const kept: Record<string, FunctionArtifact> = {};
  for (const name of names) {
    const artifact = previous.functions[name];
    if (artifact && existsSync(path.resolve(layout.rootDir, artifact.zip))) kept[name] = artifact;
  }
  return kept;
}

function selectHandlers(handlers: readonly HandlerEntry[], only: readonly string[] | undefined): HandlerEntry[] {
  if (!only) return [...handlers];
  const known = new Set(handlers.map((h) => h.name));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown function(s): ${unknown.join(', ')}. Known: ${[...known].join(', ') || '(none)'}`);
  }
  return handlers.filter((h) => only.includes(h.name));
}

/**
 * Bundles every handler (or `only` some) with esbuild, packs each into a deterministic
 * zip, writes `<outDir>/manifest.json` and returns the manifest. Functions whose inputs
 * did not change since the last build in `outDir` are not rebuilt.
 *
 * Throws `BundleError` when esbuild fails and `BudgetExceededError` when a zip is over
 * its size budget; in the latter case the manifest is removed so nothing deploys it.
 */
export async function buildHandlers(options: BuildHandlersOptions = {}): Promise<BuildManifest> {
  const rootDir = path.resolve(options.rootDir ?? REPO_ROOT);
  const handlersDir = path.resolve(options.handlersDir ?? path.join(rootDir, 'handlers'));
  const layout: Layout = { rootDir, outDir: path.resolve(options.outDir ?? path.join(rootDir, 'dist')) };
  const log = options.log ?? ((line: string) => console.log(line));

  const handlers = discoverHandlers(handlersDir);
  const selected = selectHandlers(handlers, options.only);
  mkdirSync(layout.outDir, { recursive: true });
  const manifestPath = path.join(layout.outDir, MANIFEST_FILE);

  const cache = loadCache(layout.outDir);
  const results = await Promise.all(selected.map((h) => buildFunction(h, layout, cache, options.force ?? false)));
  for (const r of results) cache.functions[r.name] = r.cacheEntry;
  saveCache(layout.outDir, cache);

  const selectedNames = new Set(selected.map((h) => h.name));
  const functions: Record<string, FunctionArtifact> = keptArtifacts(
    manifestPath,
    layout,
    handlers.map((h) => h.name).filter((name) => !selectedNames.has(name)),
  );
  const width = Math.max(0, ...results.map((r) => r.name.length));
  for (const r of results) {
    functions[r.name] = r.artifact;
    log(`${r.name.padEnd(width)}  ${formatKb(r.artifact.size).padStart(10)}  ${r.rebuilt ? 'rebuilt' : 'cached'}`);
  }
  const manifest: BuildManifest = { functions };

  try {
    assertWithinBudgets(Object.fromEntries(results.map((r) => [r.name, r.artifact.size])), options.budgets);
  } catch (err) {
    rmSync(manifestPath, { force: true });
    throw err;
  }
  writeManifest(manifestPath, manifest);
  log(`wrote ${posixRelative(rootDir, manifestPath)} (${Object.keys(functions).length} functions)`);
  return manifest;
}
