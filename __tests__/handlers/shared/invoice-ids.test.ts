import { rentalInvoiceId, retailInvoiceId } from '../../../handlers/shared/invoice-ids';
import { normalizeVendor } from '../../../handlers/parse-retail-invoice/core/text-normalize';

describe('invoice ids: both InvoiceID rules', () => {
  it('names a rental invoice by its OCR number', () => {
    expect(rentalInvoiceId('1297534008')).toBe('Invoice_1297534008');
  });

  // Pinned values: a changed rule would give stored invoices a second id.
  it('names a retail order by user, vendor and order id, whatever the spelling of vendor or order id', () => {
    const id = retailInvoiceId({ userId: 'user-1', vendorKey: normalizeVendor('Jack & Jones'), orderId: 'ab-123', objectKey: 'k' });
    expect(id).toBe('retail_invoice_0b8d62e4db16158ffdcefeed09628034');
    expect(retailInvoiceId({ userId: 'user-1', vendorKey: normalizeVendor('JACK and JONES'), orderId: 'AB-123', objectKey: 'other' })).toBe(id);
    expect(retailInvoiceId({ userId: 'user-2', vendorKey: 'jackjones', orderId: 'AB-123', objectKey: 'k' })).not.toBe(id);
  });

  it('names a retail receipt without an order id by its object key', () => {
    const objectKey = 'invoices/user-1/retail/clothing/jackjones_2025-03-14_abc.html';
    expect(retailInvoiceId({ userId: 'user-1', vendorKey: 'jackjones', orderId: null, objectKey })).toBe('retail_invoice_1a090038eb6503cff5cea6d35415e487');
    expect(retailInvoiceId({ userId: 'user-1', vendorKey: 'jackjones', orderId: null, objectKey: `${objectKey}x` })).not.toBe(
      'retail_invoice_1a090038eb6503cff5cea6d35415e487',
    );
  });
});
