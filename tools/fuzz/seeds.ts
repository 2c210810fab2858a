import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_FIXTURE, hyresaviPdf } from '../fixtures/hyresavi-pdf';
import { encryptedPdf, imageOnlyPdf } from '../fixtures/malformed-pdf';

const FIXTURES = join(__dirname, '..', '..', '__tests__', 'fixtures');
/** Seeds stay small so thousands of mutated cases run in minutes. */
const MAX_SEED_BYTES = 16 * 1024;

function smallFiles(dir: string, extension: string): Uint8Array[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(extension))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(dir, f))))
    .filter((b) => b.byteLength > 0 && b.byteLength <= MAX_SEED_BYTES);
}

/** A real Hyresavi (and two variants of it) plus the bad corpus's PDFs. */
export async function pdfSeeds(): Promise<Uint8Array[]> {
  const built = await Promise.all([
    hyresaviPdf(BASE_FIXTURE),
    hyresaviPdf({ ...BASE_FIXTURE, order: 'columns', totalPlacement: 'beside' }),
    encryptedPdf(),
    imageOnlyPdf(),
  ]);
  const [invoice, variant, ...others] = built.map((b) => new Uint8Array(b));
  // Readable invoices are listed thrice: their mutations get past pdf.js into the Hyresavi reader.
  return [invoice, invoice, invoice, variant, variant, variant, ...others, ...smallFiles(join(FIXTURES, 'bad'), '.pdf')];
}

/** The receipt fixtures of every sub_type plus the bad corpus's HTML. */
export function htmlSeeds(): Uint8Array[] {
  return [...smallFiles(join(FIXTURES, 'parse-retail-invoice'), '.html'), ...smallFiles(join(FIXTURES, 'bad'), '.html')];
}
