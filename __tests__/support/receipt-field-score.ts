import { isDeepStrictEqual } from 'node:util';

/** One compared field: where, what was expected, what came out, and whether they agree. */
export interface FieldResult {
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly ok: boolean;
}

// Fields every schema sets to null by construction: scoring them would only pad the detail score.
const CONSTANT_FIELDS = new Set(['notes', 'category']);

/** The five base fields, one result each. */
export function scoreBase(expected: Record<string, unknown>, actual: Record<string, unknown>): FieldResult[] {
  return Object.keys(expected).map((field) => ({ field, expected: expected[field], actual: actual[field], ok: isDeepStrictEqual(expected[field], actual[field]) }));
}

/**
 * Detail fields: a scalar is one result; a list gives one result per expected
 * element (equal at the same position) plus one failed result per surplus element,
 * so a list that is too long or too short costs what it gets wrong.
 */
export function scoreDetails(expected: Record<string, unknown>, actual: Record<string, unknown>): FieldResult[] {
  const results: FieldResult[] = [];
  for (const field of Object.keys(expected)) {
    if (CONSTANT_FIELDS.has(field)) continue;
    const want = expected[field];
    const got = actual[field];
    if (!Array.isArray(want)) {
      results.push({ field, expected: want, actual: got, ok: isDeepStrictEqual(want, got) });
      continue;
    }
    const list = Array.isArray(got) ? got : [];
    for (let i = 0; i < Math.max(want.length, list.length); i++) {
      results.push({ field: `${field}[${i}]`, expected: want[i], actual: list[i], ok: i < want.length && isDeepStrictEqual(want[i], list[i]) });
    }
  }
  return results;
}

export function accuracy(results: readonly FieldResult[]): number {
  return results.length === 0 ? 1 : results.filter((r) => r.ok).length / results.length;
}
