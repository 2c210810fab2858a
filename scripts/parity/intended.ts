import { existsSync } from 'node:fs';
import { ParityInputError } from './errors';
import { readJsonFile } from './json-file';
import { isObject, type AttributeDiff, type Row, type Val } from './model';

/** One intended difference: a path of an address, optionally pinned to its old and new values. */
export interface IntendedPath {
  readonly path: string;
  readonly old?: Val;
  readonly new?: Val;
}

export interface IntendedEntry {
  readonly address: string;
  /** The comparisons the entry applies to. @default both */
  readonly against?: ReadonlyArray<Row['against']>;
  readonly paths: readonly IntendedPath[];
  readonly reason: string;
}

/** `parity-intended.json`: the checked-in intended differences and owned addresses. */
export interface IntendedFile {
  /** Address patterns the stack owns even where it no longer manages them (see scope.ts). */
  readonly owned: readonly string[];
  readonly intended: readonly IntendedEntry[];
}

export interface StaleEntry {
  readonly address: string;
  readonly path: string;
  readonly reason: string;
}

export const EMPTY_INTENDED: IntendedFile = { owned: [], intended: [] };

export function readIntendedFile(path: string, required: boolean): IntendedFile {
  if (!required && !existsSync(path)) return EMPTY_INTENDED;
  return parseIntended(readJsonFile(path, 'intended-differences file'), path);
}

export function parseIntended(raw: unknown, path = 'parity-intended.json'): IntendedFile {
  const problems: string[] = [];
  if (!isObject(raw)) throw new ParityInputError(`${path}: expected an object with "intended" (and optionally "owned")`);
  const owned = raw.owned ?? [];
  if (!Array.isArray(owned) || !owned.every((o) => typeof o === 'string')) problems.push('"owned" must be a list of address patterns');
  const list = raw.intended ?? [];
  if (!Array.isArray(list)) problems.push('"intended" must be a list');
  const intended: IntendedEntry[] = [];
  for (const [i, entry] of (Array.isArray(list) ? list : []).entries()) {
    const where = `intended[${i}]`;
    if (!isObject(entry) || typeof entry.address !== 'string' || typeof entry.reason !== 'string' || !entry.reason.trim() || !Array.isArray(entry.paths)) {
      problems.push(`${where} needs "address", a non-empty "reason" and "paths"`);
      continue;
    }
    const paths: IntendedPath[] = [];
    for (const p of entry.paths) {
      if (typeof p === 'string') paths.push({ path: p });
      else if (isObject(p) && typeof p.path === 'string') paths.push({ path: p.path, ...('old' in p ? { old: p.old } : {}), ...('new' in p ? { new: p.new } : {}) });
      else problems.push(`${where}.paths: each path is a string or {"path", "old"?, "new"?}`);
    }
    const against = entry.against;
    if (against !== undefined && !(Array.isArray(against) && against.every((a) => a === 'hcl' || a === 'state'))) {
      problems.push(`${where}.against must be a list of "hcl" and/or "state"`);
      continue;
    }
    intended.push({ address: entry.address, paths, reason: entry.reason, ...(against ? { against: against as Array<Row['against']> } : {}) });
  }
  if (problems.length) throw new ParityInputError(`${path}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { owned: owned as string[], intended };
}

/** `runtime` covers `runtime`; `layers` covers `layers[0]`; `*` stands for one path segment. */
function pathMatches(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.\\[]+')}(?:$|[.[])`);
  return regex.test(path);
}

function valueMatches(expected: Val | undefined, actual: Val | undefined, present: boolean): boolean {
  return !present || JSON.stringify(expected ?? null) === JSON.stringify(actual ?? null);
}

/**
 * Marks the diffs an entry covers as intended, and a row whose every diff is covered
 * as intended with the entries' reasons. Returns the entry paths that matched nothing.
 */
export function applyIntended(rows: Row[], file: IntendedFile, ran: ReadonlySet<Row['against']>): StaleEntry[] {
  const used = new Set<string>();
  for (const row of rows) {
    if (row.diffs.length === 0) continue;
    const reasons = new Set<string>();
    for (const diff of row.diffs) {
      for (const [e, entry] of file.intended.entries()) {
        if (entry.address !== row.address && entry.address !== row.from) continue;
        if (entry.against && !entry.against.includes(row.against)) continue;
        const hit = entry.paths.findIndex((p) => pathMatches(p.path, diff.path) && covers(p, diff));
        if (hit < 0) continue;
        diff.intended = true;
        reasons.add(entry.reason);
        used.add(`${e}:${hit}`);
      }
    }
    if (row.diffs.every((d) => d.intended)) {
      row.intended = true;
      row.reason = [...reasons].join('; ');
    } else if (reasons.size) row.reason = [...reasons].join('; ');
  }
  return file.intended.flatMap((entry, e) =>
    entry.against && !entry.against.some((a) => ran.has(a))
      ? []
      : entry.paths.flatMap((p, i) => (used.has(`${e}:${i}`) ? [] : [{ address: entry.address, path: p.path, reason: entry.reason }])),
  );
}

function covers(p: IntendedPath, diff: AttributeDiff): boolean {
  return valueMatches(p.old, diff.old, 'old' in p) && valueMatches(p.new, diff.new, 'new' in p);
}
