import { parseRetailInvoiceKey } from '../../../handlers/shared/s3-keys';
import { RETAIL_SUB_TYPE_NAMES } from '../../../contract/sub-types';
import { extractReceipt } from '../../../handlers/parse-retail-invoice/core/extract-receipt';
import { loadFixtures } from '../../support/retail-fixtures';

const fixtures = loadFixtures();

function extract(html: Buffer | string, key: string) {
  const parsed = parseRetailInvoiceKey(key);
  return extractReceipt(html, { subType: parsed.subType, vendorSlug: parsed.vendor, fallbackDate: parsed.date });
}

describe('extractReceipt on the receipt fixtures', () => {
  it('has at least 24 receipts, at least 3 per sub_type', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(24);
    for (const subType of RETAIL_SUB_TYPE_NAMES) {
      expect(fixtures.filter((f) => parseRetailInvoiceKey(f.key).subType === subType).length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: every base field', (_name, fixture) => {
    expect(extract(fixture.html, fixture.key).base).toEqual(fixture.base);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: the sub_type extra fields', (_name, fixture) => {
    expect(extract(fixture.html, fixture.key).extras).toEqual(fixture.extras);
  });

  it('gives the same answer every time', () => {
    const f = fixtures[0];
    expect(extract(f.html, f.key)).toEqual(extract(f.html, f.key));
  });
});

describe('extractReceipt picks the amount actually paid', () => {
  const byName = (name: string) => fixtures.find((f) => f.name === name) as (typeof fixtures)[number];

  it('takes "Totalt att betala" over the subtotal, delivery fee, discount and VAT (foodbolt)', () => {
    const { base, extras } = extract(byName('foodbolt').html, byName('foodbolt').key);
    expect(base.total_amount).toBe(212);
    expect(extras).toMatchObject({ delivery_fee: 29, discount: 20 });
  });

  it('ignores the hidden preheader total and the one in a script block (datorbolaget)', () => {
    expect(extract(byName('datorbolaget').html, byName('datorbolaget').key).base.total_amount).toBe(4499);
  });

  it('ignores a card number next to "Amount charged" and the item-table "Total" column (urbanthread)', () => {
    expect(extract(byName('urbanthread').html, byName('urbanthread').key).base).toMatchObject({ total_amount: 120.5, currency: 'USD' });
  });

  it('repairs quoted-printable leftovers (hungrig)', () => {
    const { base } = extract(byName('hungrig').html, byName('hungrig').key);
    expect(base).toMatchObject({ total_amount: 212, order_id: 'HG55021', invoice_date: '2025-02-03' });
  });

  it('reads a label column beside a value column split by <br> (gadgetgrove)', () => {
    expect(extract(byName('gadgetgrove').html, byName('gadgetgrove').key).base).toMatchObject({ total_amount: 76.44, order_id: 'GG-77310', invoice_date: '2025-03-14' });
  });

  it('reads text that is not HTML (stadsmarket)', () => {
    expect(extract(byName('stadsmarket').html, byName('stadsmarket').key).base).toMatchObject({ total_amount: 141.7, currency: 'SEK' });
  });

  it('finds the vendor display name for a slug with "&" (knit&purl → Knit & Purl)', () => {
    expect(extract(byName('knit-and-purl').html, byName('knit-and-purl').key).base.vendor_name).toBe('Knit & Purl');
  });
});

const KEY = 'invoices/u1/retail/miscellaneous/acme_2025-03-14_abcd1234.html';
const page = (body: string) => `<html><head><title>Acme receipt</title></head><body>${body}</body></html>`;

describe('extractReceipt, precision over recall', () => {
  it('returns a null total when only a subtotal is shown', () => {
    const { base } = extract(page('<table><tr><td>Subtotal</td><td>199,00 kr</td></tr><tr><td>Moms</td><td>39,80 kr</td></tr></table>'), KEY);
    expect(base.total_amount).toBeNull();
  });

  it('returns a null total for a receipt with no amounts at all', () => {
    expect(extract(page('<p>Thanks for signing up!</p>'), KEY).base.total_amount).toBeNull();
  });

  it('prefers "Att betala" to a generic "Totalt" when a gift card was used', () => {
    const html = page('<table><tr><td>Totalt</td><td>500 kr</td></tr><tr><td>Presentkort</td><td>-100 kr</td></tr><tr><td>Att betala</td><td>400 kr</td></tr></table>');
    expect(extract(html, KEY).base.total_amount).toBe(400);
  });

  it('of several equal-strength totals takes the last (the summary at the end)', () => {
    const html = page('<div>Total: 80 kr</div><div>Total: 95 kr</div>');
    expect(extract(html, KEY).base.total_amount).toBe(95);
  });

  it('never reads "Total exkl. moms" or "Totalt antal artiklar" as the total', () => {
    const html = page('<table><tr><td>Totalt antal artiklar</td><td>3</td></tr><tr><td>Total exkl. moms</td><td>80 kr</td></tr></table>');
    expect(extract(html, KEY).base.total_amount).toBeNull();
  });

  it('reports a zero total as 0 (the handler rejects it)', () => {
    expect(extract(page('<p>Att betala: 0,00 kr</p>'), KEY).base.total_amount).toBe(0);
  });

  it('falls back to the key date and the key vendor slug', () => {
    const { base } = extract('<p>Totalt 10 kr</p>', KEY);
    expect(base).toMatchObject({ invoice_date: '2025-03-14', vendor_name: 'acme' });
  });

  it('does not take a delivery date for the purchase date', () => {
    const html = page('<p>Leveransdatum: 2025-03-12</p><p>Totalt 10 kr</p>');
    expect(extract(html, KEY).base.invoice_date).toBe('2025-03-14');
  });
});
