import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The committed Hyresavi corpus made by real producers (see its README). */
export const CORPUS_DIR = join(__dirname, '../fixtures/hyresavi-corpus');

export type ExpectedFields = Record<string, string | number>;

export interface CorpusDocument {
  readonly name: string;
  readonly pdf: Buffer;
  readonly expected: ExpectedFields;
}

export function loadCorpus(dir = CORPUS_DIR): CorpusDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.pdf'.length);
      return { name, pdf: readFileSync(join(dir, f)), expected: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as ExpectedFields };
    });
}

export interface FieldScore {
  readonly correct: number;
  readonly total: number;
  /** `field: expected → actual` for every field that is wrong, missing or extra. */
  readonly wrong: readonly string[];
}

const IDENTITY = new Set(['UserID', 'InvoiceID', 'Filename']);

/**
 * Field-level score of a record against the expected fields: every expected field
 * counts once, and so does every field the record has that was not expected. A
 * rejected document (`actual` undefined) scores 0 of its expected fields.
 */
export function scoreFields(expected: ExpectedFields, actual: Readonly<Record<string, unknown>> | undefined): FieldScore {
  const wrong: string[] = [];
  let correct = 0;
  for (const [field, value] of Object.entries(expected)) {
    if (actual?.[field] === value) correct++;
    else wrong.push(`${field}: ${JSON.stringify(value)} → ${JSON.stringify(actual?.[field])}`);
  }
  const extra = Object.keys(actual ?? {}).filter((k) => !IDENTITY.has(k) && !(k in expected));
  for (const field of extra) wrong.push(`${field}: (none) → ${JSON.stringify(actual?.[field])}`);
  return { correct, total: Object.keys(expected).length + extra.length, wrong };
}
