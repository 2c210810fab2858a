import { readFileSync } from 'node:fs';
import { ToolInputError } from '../terraform/errors';
import type { AttributeDiff } from './attribute-diff';

/**
 * A declared, intended change to an existing resource (parity-intended.json). A path
 * covers the attribute and everything under it, in plan terms: `runtime`, `layers`,
 * `environment[0].variables.GEMINI_API_KEY`. `old`/`new`, when given, must equal the
 * planned values (`new: null` = the attribute goes away).
 */
export interface IntendedPath {
  readonly path: string;
  readonly old?: unknown;
  readonly new?: unknown;
}

export interface IntendedChange {
  readonly address: string;
  readonly paths: readonly IntendedPath[];
  readonly reason: string;
}

interface IntendedFile {
  readonly intended?: ReadonlyArray<{ address?: unknown; paths?: unknown; reason?: unknown }>;
}

/** Reads the intended-change declarations; throws `ToolInputError` on a malformed file. */
export function readIntendedChanges(path: string): IntendedChange[] {
  let file: IntendedFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as IntendedFile;
  } catch (cause) {
    throw new ToolInputError(`cannot read intended changes ${path}: ${(cause as Error).message}`, { cause });
  }
  return (file.intended ?? []).map((entry, i) => {
    const where = `${path}: intended[${i}]`;
    if (typeof entry.address !== 'string' || typeof entry.reason !== 'string' || !entry.reason.trim() || !Array.isArray(entry.paths)) {
      throw new ToolInputError(`${where} needs an address, a non-empty reason and a list of paths`);
    }
    const paths = entry.paths.map((p: unknown): IntendedPath => {
      if (typeof p === 'string') return { path: p };
      if (p && typeof p === 'object' && typeof (p as IntendedPath).path === 'string') return p as IntendedPath;
      throw new ToolInputError(`${where} has a path that is neither a string nor { path, old?, new? }`);
    });
    return { address: entry.address, paths, reason: entry.reason };
  });
}

const covers = (declared: string, actual: string) =>
  actual === declared || actual.startsWith(`${declared}.`) || actual.startsWith(`${declared}[`);

/** Equality where a missing/null/empty value is "unset", as the plan treats it. */
function sameValue(declared: unknown, actual: unknown): boolean {
  const unset = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
  if (unset(declared) && unset(actual)) return true;
  return JSON.stringify(declared) === JSON.stringify(actual);
}

/** The declaration that covers this diff on this address, if any. */
export function matchIntended(address: string, diff: AttributeDiff, declared: readonly IntendedChange[]): IntendedChange | undefined {
  return declared.find(
    (change) =>
      change.address === address &&
      change.paths.some((p) => {
        if (!covers(p.path, diff.path)) return false;
        // Values are checked when declared for exactly this attribute (a whole list or a leaf).
        if (p.path !== diff.path) return !('new' in p) || (p.new === null && (diff.after === null || diff.after === undefined) && !diff.unknown);
        if ('old' in p && !sameValue(p.old, diff.before)) return false;
        if ('new' in p && (diff.unknown || !sameValue(p.new, diff.after))) return false;
        return true;
      }),
  );
}
