import type { RetailRecords } from '../../../handlers/parse-retail-invoice/core/records';
import { decideAgainst } from '../../../handlers/parse-retail-invoice/store';

const PATH = 'invoices/u/retail/grocery/ica_2025-03-14_a1.html';
const OTHER = 'invoices/u/retail/grocery/ica_2025-03-14_b2.html';

function receipt(fields: { s3_path?: string; invoice_date?: string; total_amount?: number; currency?: string | null }): RetailRecords {
  const base = { InvoiceID: 'retail_invoice_x', order_id: 'A-1', s3_path: PATH, invoice_date: '2025-03-14', total_amount: 212, currency: 'SEK', ...fields };
  return { base, detail: { InvoiceID: 'retail_invoice_x' }, detailTable: 'GroceryInvoices' } as unknown as RetailRecords;
}

const stored = { s3_path: PATH, invoice_date: '2025-03-14', total_amount: 212, currency: 'SEK', sub_type: 'grocery' };

describe('decideAgainst: what a receipt does to the stored row of its order', () => {
  it.each([
    ['the same object again', receipt({}), { outcome: 'duplicate_skipped' }],
    ['a new version of the same object', receipt({ total_amount: 250 }), { outcome: 'updated' }],
    ['another e-mail, later date', receipt({ s3_path: OTHER, invoice_date: '2025-03-20', total_amount: 999 }), { outcome: 'updated' }],
    ['another e-mail, same date, same total', receipt({ s3_path: OTHER }), { outcome: 'duplicate_skipped' }],
    ['another e-mail, earlier date', receipt({ s3_path: OTHER, invoice_date: '2025-03-01', total_amount: 999 }), { outcome: 'duplicate_skipped' }],
  ])('%s → %j', (_what, records, expected) => {
    expect(decideAgainst(stored, records)).toEqual(expected);
  });

  it.each([
    ['a different total', receipt({ s3_path: OTHER, total_amount: 999 })],
    ['a different currency', receipt({ s3_path: OTHER, currency: 'EUR' })],
  ])('another e-mail, same date, %s → conflict naming both documents', (_what, records) => {
    const decision = decideAgainst(stored, records);
    expect(decision).toEqual({ conflict: expect.stringContaining(`already stored from '${PATH}'`) });
    expect(decision).toEqual({ conflict: expect.stringContaining(`'${OTHER}'`) });
  });
});
