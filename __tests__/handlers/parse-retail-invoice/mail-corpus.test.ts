import { join } from 'node:path';
import { extractReceipt } from '../../../handlers/parse-retail-invoice/core/extract-receipt';
import { parseRetailInvoiceKey } from '../../../handlers/shared/s3-keys';
import { RETAIL_SUB_TYPE_NAMES } from '../../../contract/sub-types';
import { accuracy, type FieldResult, scoreBase, scoreDetails } from '../../support/receipt-field-score';
import { loadFixtures } from '../../support/retail-fixtures';

/**
 * The corpus made like real mail (tools/fixtures/receipts): MJML, Foundation,
 * Shopify and Stripe markup, Gmail and Outlook forwards, quoted-printable, media
 * queries, five languages. Per-field assertions, plus the accuracy the issue asks
 * for: base fields ≥ 98%, detail fields ≥ 85%, and no confidently wrong total.
 */
const fixtures = loadFixtures(join(__dirname, '..', '..', 'fixtures', 'parse-retail-invoice-mail'));

function extract(html: Buffer, key: string) {
  const parsed = parseRetailInvoiceKey(key);
  return extractReceipt(html, { subType: parsed.subType, vendorSlug: parsed.vendor, fallbackDate: parsed.date });
}

const results = fixtures.map((f) => {
  const { base, extras } = extract(f.html, f.key);
  return { name: f.name, base: scoreBase(f.base, { ...base }), details: scoreDetails(f.extras, { ...extras }) };
});

const failures = (rs: readonly FieldResult[]) => rs.filter((r) => !r.ok).map((r) => `${r.field}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.actual)}`);

describe('the receipt corpus made like real mail', () => {
  it('has every sub_type at least three times and all five languages', () => {
    for (const subType of RETAIL_SUB_TYPE_NAMES) {
      expect(fixtures.filter((f) => parseRetailInvoiceKey(f.key).subType === subType).length).toBeGreaterThanOrEqual(3);
    }
    const langs = new Set(fixtures.map((f) => /<[^>]+\blang=3?D?"([a-z]{2})"/i.exec(f.html.toString('utf8'))?.[1]));
    expect([...langs].sort()).toEqual(['da', 'de', 'en', 'nb', 'sv']);
  });

  it('reaches 98% of base fields and 85% of detail fields', () => {
    const base = accuracy(results.flatMap((r) => r.base));
    const details = accuracy(results.flatMap((r) => r.details));
    const report = results.flatMap((r) => [...failures(r.base), ...failures(r.details)].map((f) => `${r.name} ${f}`));
    expect({ base: base >= 0.98, details: details >= 0.85, report }).toEqual({ base: true, details: true, report: expect.any(Array) });
  });

  it('never returns a total that differs from the one the receipt shows (null is allowed)', () => {
    const wrong = results.flatMap((r) => r.base.filter((f) => f.field === 'total_amount' && !f.ok && f.actual !== null).map((f) => `${r.name}: ${f.actual}`));
    expect(wrong).toEqual([]);
  });

  it.each(results.map((r) => [r.name, r] as const))('%s: base fields', (_name, r) => {
    expect(failures(r.base)).toEqual([]);
  });
});
