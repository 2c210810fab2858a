/** Receipts per second through the pure extraction core (no AWS), one process, over the fixture receipts and the corpus made like real mail. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReceipt } from '../../handlers/parse-retail-invoice/core/extract-receipt';
import { parseRetailInvoiceKey } from '../../handlers/shared/s3-keys';
import { throughput, type BenchFigure } from './measure';

const FIXTURE_DIRS = ['parse-retail-invoice', 'parse-retail-invoice-mail'].map((d) => join(__dirname, '..', '..', '__tests__', 'fixtures', d));

export async function benchParseRetailInvoice(): Promise<BenchFigure> {
  const receipts = FIXTURE_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => {
        const { key } = JSON.parse(readFileSync(join(dir, f.replace(/\.html$/, '.expected.json')), 'utf8')) as { key: string };
        const parsed = parseRetailInvoiceKey(key);
        return { body: readFileSync(join(dir, f)), context: { subType: parsed.subType, vendorSlug: parsed.vendor, fallbackDate: parsed.date } };
      }),
  );
  return throughput(
    'parse_retail_invoice receipts/s',
    'receipts/s',
    (i) => {
      const r = receipts[i % receipts.length];
      return extractReceipt(r.body, r.context);
    },
    { batch: receipts.length * 10, warmup: receipts.length * 2 },
  );
}
