/** Where the stack gets its handler zips: the build's (dist/manifest.json) or placeholders. */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BundleSource } from '../stacks/bundles';
import { readManifest } from '../tools/build/manifest';
import { MANIFEST_FILE, REPO_ROOT } from '../tools/build/paths';


/** The part of the build manifest (dist/manifest.json) the stack reads. */
export interface BundleManifest {
  readonly functions: Readonly<Record<string, { readonly zip: string; readonly sha256: string }>>;
}

/** Bundles from a build manifest whose zip paths are relative to `rootDir`. */
export function bundlesFromManifest(manifest: BundleManifest, rootDir: string): BundleSource {
  return (functionName) => {
    const entry = manifest.functions[functionName];
    if (!entry) {
      throw new Error(`No built bundle for ${functionName} in the handler build manifest. Run \`npm run build:handlers\`.`);
    }
    return { path: resolve(rootDir, entry.zip), sha256: entry.sha256 };
  };
}

/** The built zips of dist/manifest.json (throws, naming `npm run build:handlers`, when there is no build). */
export function builtBundles(rootDir: string = REPO_ROOT): BundleSource {
  return bundlesFromManifest(readManifest(join(rootDir, 'dist', MANIFEST_FILE), { rootDir }), rootDir);
}

/**
 * Stand-ins for the handler zips, for tools that read the synthesized JSON but never
 * deploy it (the local pipeline runs handlers from source). Only the zip objects'
 * `source` and `source_hash` depend on them.
 */
export function placeholderBundles(dir: string): BundleSource {
  mkdirSync(dir, { recursive: true });
  return (functionName) => {
    const content = `placeholder for ${functionName}: not a deployable bundle`;
    const path = join(dir, `${functionName}.placeholder.zip`);
    writeFileSync(path, content);
    return { path, sha256: createHash('sha256').update(content).digest('hex') };
  };
}

/**
 * The built zip of each function where the build has one, a placeholder otherwise,
 * with a note naming the functions that fell back (for tools that only compare JSON).
 */
export function builtOrPlaceholderBundles(placeholderDir: string, rootDir: string = REPO_ROOT): { bundles: BundleSource; fellBack: Set<string> } {
  const fellBack = new Set<string>();
  const placeholder = placeholderBundles(placeholderDir);
  let built: BundleSource | undefined;
  try {
    built = builtBundles(rootDir);
  } catch {
    built = undefined;
  }
  const bundles: BundleSource = (functionName) => {
    try {
      if (built) return built(functionName);
    } catch {
      // Not in this build: fall through to the placeholder.
    }
    fellBack.add(functionName);
    return placeholder(functionName);
  };
  return { bundles, fellBack };
}
