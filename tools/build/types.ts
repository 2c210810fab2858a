/** A Lambda handler found under the handlers directory. */
export interface HandlerEntry {
  /** Function name: the directory name with '-' replaced by '_' (parse-invoice -> parse_invoice). */
  readonly name: string;
  /** Absolute path of the handler directory. */
  readonly dir: string;
  /** Absolute path of its index.ts. */
  readonly entry: string;
}

/** One function's built artifact, as recorded in dist/manifest.json. Paths are relative to the repo root. */
export interface FunctionArtifact {
  /** Handler source directory, e.g. `handlers/parse-invoice`. */
  readonly sourceDir: string;
  /** The esbuild bundle, e.g. `dist/parse_invoice/index.js`. */
  readonly bundle: string;
  /** The deployable zip, e.g. `dist/parse_invoice.zip`. */
  readonly zip: string;
  /** Hex SHA-256 of the zip. */
  readonly sha256: string;
  /** Base64 SHA-256 of the zip, as Terraform's `filebase64sha256` gives it. */
  readonly base64sha256: string;
  /** Zip size in bytes. */
  readonly size: number;
}

export interface BuildManifest {
  readonly functions: Readonly<Record<string, FunctionArtifact>>;
}

import type { SizeBudget } from './size-budgets';

export type LogFn = (line: string) => void;

export interface BuildHandlersOptions {
  /** Directory holding one sub-directory per handler. @default <repo root>/handlers */
  readonly handlersDir?: string;
  /** Where bundles, zips, the manifest and the build cache go. @default <repo root>/dist */
  readonly outDir?: string;
  /**
   * Directory that manifest paths are relative to, and esbuild's working directory
   * (node_modules are resolved from the handler files upwards). @default the repo root
   */
  readonly rootDir?: string;
  /** Build only these functions (by function name); the others keep their previous manifest entries. @default all */
  readonly only?: readonly string[];
  /** Receives one line per function and a summary. @default console.log */
  readonly log?: LogFn;
  /** Zip size budgets by function name. @default SIZE_BUDGETS */
  readonly budgets?: Readonly<Record<string, SizeBudget>>;
  /** Ignore the incremental cache and rebuild every selected function. @default false */
  readonly force?: boolean;
}
