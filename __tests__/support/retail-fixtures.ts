import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'parse-retail-invoice');

export interface ReceiptFixture {
  readonly name: string;
  readonly html: Buffer;
  readonly key: string;
  readonly base: Record<string, unknown>;
  readonly extras: Record<string, unknown>;
}

/** Every `<name>.html` with its `<name>.expected.json` (key, base fields, extra fields). */
export function loadFixtures(dir = FIXTURE_DIR): ReceiptFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.html'.length);
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
      return { name, html: readFileSync(join(dir, f)), ...expected };
    });
}
