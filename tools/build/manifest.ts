import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_OUT_DIR, MANIFEST_FILE, REPO_ROOT } from './paths';
import { writeFileAtomic } from './write-file-atomic';
import type { BuildManifest, FunctionArtifact } from './types';

export const DEFAULT_MANIFEST_PATH = path.join(DEFAULT_OUT_DIR, MANIFEST_FILE);

const BUILD_HINT = 'Run `npm run build:handlers` to build the handler bundles.';

/** The manifest or one of the zips it lists is missing or unreadable. */
export class ManifestError extends Error {
  readonly code = 'BUILD_ERROR';
  constructor(message: string, options?: { cause?: unknown }) {
    super(`${message}\n${BUILD_HINT}`, options);
    this.name = 'ManifestError';
  }
}

export interface ReadManifestOptions {
  /** Directory the manifest's paths are relative to. @default the repo root */
  readonly rootDir?: string;
  /** Also check that every listed zip exists. @default true */
  readonly checkZips?: boolean;
}

/** Keys in alphabetical order at every level, so the file diffs cleanly. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, sortKeys(obj[k])]));
  }
  return value;
}

export function serializeManifest(manifest: BuildManifest): string {
  return `${JSON.stringify(sortKeys(manifest), null, 2)}\n`;
}

export function writeManifest(manifestPath: string, manifest: BuildManifest): void {
  writeFileAtomic(manifestPath, serializeManifest(manifest));
}

const STRING_FIELDS = ['sourceDir', 'bundle', 'zip', 'sha256', 'base64sha256'] as const;

function validateArtifact(name: string, value: unknown): FunctionArtifact {
  const problems: string[] = [];
  if (value === null || typeof value !== 'object') throw new Error(`functions.${name} is not an object`);
  const v = value as Record<string, unknown>;
  for (const field of STRING_FIELDS) if (typeof v[field] !== 'string') problems.push(`functions.${name}.${field} must be a string`);
  if (typeof v.size !== 'number') problems.push(`functions.${name}.size must be a number`);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return v as unknown as FunctionArtifact;
}

export function parseManifest(text: string): BuildManifest {
  const raw: unknown = JSON.parse(text);
  const functions = (raw as { functions?: unknown } | null)?.functions;
  if (functions === null || typeof functions !== 'object') throw new Error('missing "functions" object');
  const entries = Object.entries(functions as Record<string, unknown>).map(([name, value]) => [name, validateArtifact(name, value)] as const);
  return { functions: Object.fromEntries(entries) };
}

/**
 * Reads dist/manifest.json (or `manifestPath`). Throws `ManifestError`, naming
 * `npm run build:handlers`, when the manifest or any zip it lists is missing.
 */
export function readManifest(manifestPath: string = DEFAULT_MANIFEST_PATH, options: ReadManifestOptions = {}): BuildManifest {
  const rootDir = options.rootDir ?? REPO_ROOT;
  if (!existsSync(manifestPath)) throw new ManifestError(`Handler build manifest not found: ${manifestPath}.`);
  let manifest: BuildManifest;
  try {
    manifest = parseManifest(readFileSync(manifestPath, 'utf8'));
  } catch (err) {
    throw new ManifestError(`Handler build manifest ${manifestPath} is invalid: ${err instanceof Error ? err.message : String(err)}.`, { cause: err });
  }
  if (options.checkZips ?? true) {
    const missing = Object.entries(manifest.functions)
      .filter(([, artifact]) => !existsSync(path.resolve(rootDir, artifact.zip)))
      .map(([name, artifact]) => `${name} (${artifact.zip})`);
    if (missing.length > 0) throw new ManifestError(`Handler zips listed in ${manifestPath} are missing: ${missing.join(', ')}.`);
  }
  return manifest;
}
