import { resolve } from 'node:path';

/**
 * What the stack needs of a built handler zip (tools/build/cli.ts writes them).
 * The stack asks for a path and a hash, and never runs the bundler itself, so stack
 * tests can pass fake bundles.
 */
export interface BuiltZip {
  /** Path of the zip, absolute or relative to the working directory. */
  readonly path: string;
  /** SHA-256 of the zip, hex. */
  readonly sha256: string;
}

export type BundleSource = (functionName: string) => BuiltZip;

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
