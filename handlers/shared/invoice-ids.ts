import { createHash } from 'node:crypto';

/**
 * The InvoiceID rules of both invoice tables. Both are deterministic, so a
 * re-delivered S3 event or a copy of a document finds the item it already wrote.
 */

/**
 * The rental InvoiceID: `Invoice_` + the document's own 10-digit OCR number. The id
 * belongs to the invoice, not to the file name, so a copy or a renamed upload cannot
 * claim another invoice's id (the original took the last `_` segment of the file name).
 */
export function rentalInvoiceId(ocr: string): string {
  return `Invoice_${ocr}`;
}

export interface RetailInvoiceIdentity {
  readonly userId: string;
  /**
   * The vendor's name reduced to its comparable letters and digits (`normalizeVendor`
   * in the retail core: `Jack & Jones` → `jackjones`), so spellings of one vendor agree.
   */
  readonly vendorKey: string;
  readonly orderId: string | null;
  /** The decoded object key. */
  readonly objectKey: string;
}

/**
 * The retail InvoiceID (the original used uuid4, so every S3 redelivery inserted a
 * duplicate). With an order id, the same order from the same vendor is one invoice
 * whichever e-mail brought it; without one, the e-mail (its key) is.
 */
export function retailInvoiceId({ userId, vendorKey, orderId, objectKey }: RetailInvoiceIdentity): string {
  const identity = orderId ? `order\u0000${userId}\u0000${vendorKey}\u0000${orderId.toUpperCase()}` : `key\u0000${objectKey}`;
  return `retail_invoice_${createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, 32)}`;
}
