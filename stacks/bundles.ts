/**
 * What the stack needs of a built handler zip (tools/build/cli.ts writes them; app/bundles.ts reads them).
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
