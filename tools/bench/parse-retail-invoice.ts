/** Receipts per second through the pure extraction core (no AWS), one process, over the fixture receipts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReceipt } from '../../handlers/parse-retail-invoice/core/extract-receipt';
import { parseRetailInvoiceKey } from '../../handlers/shared/s3-keys';
import { throughput, type BenchFigure } from './measure';

const FIXTURES = join(__dirname, '..', '..', '__tests__', 'fixtures', 'parse-retail-invoice');

export async function benchParseRetailInvoice(): Promise<BenchFigure> {
  const receipts = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const { key } = JSON.parse(readFileSync(join(FIXTURES, f.replace(/\.html$/, '.expected.json')), 'utf8')) as { key: string };
      const parsed = parseRetailInvoiceKey(key);
      return { body: readFileSync(join(FIXTURES, f)), context: { subType: parsed.subType, vendorSlug: parsed.vendor, fallbackDate: parsed.date } };
    });
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
