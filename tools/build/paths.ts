import * as path from 'node:path';

/** The repository root (tools/build/ is two levels below it; bundles see the source directory, app/launch.cjs). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The build code itself, hashed into every cache key (by path: this module may run from a bundle). */
export const BUILD_CODE_DIR = path.join(REPO_ROOT, 'tools', 'build');

export const DEFAULT_HANDLERS_DIR = path.join(REPO_ROOT, 'handlers');
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, 'dist');
export const MANIFEST_FILE = 'manifest.json';
export const CACHE_FILE = '.build-cache.json';
export const BUNDLE_FILE = 'index.js';
export const SOURCE_MAP_FILE = 'index.js.map';

/** `to` relative to `from`, with forward slashes on every platform. */
export function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}
