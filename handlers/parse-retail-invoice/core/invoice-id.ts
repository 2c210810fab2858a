import { createHash } from 'node:crypto';
import { normalizeVendor } from './fields/vendor-name';

export interface InvoiceIdentity {
  readonly userId: string;
  readonly vendorName: string;
  readonly orderId: string | null;
  /** The decoded object key. */
  readonly objectKey: string;
}

/**
 * A deterministic InvoiceID (the original used uuid4, so every S3 redelivery
 * inserted a duplicate). With an order id, the same order from the same vendor is
 * one invoice whichever e-mail brought it; without one, the e-mail (its key) is.
 */
export function retailInvoiceId({ userId, vendorName, orderId, objectKey }: InvoiceIdentity): string {
  const identity = orderId ? `order\u0000${userId}\u0000${normalizeVendor(vendorName)}\u0000${orderId.toUpperCase()}` : `key\u0000${objectKey}`;
  return `retail_invoice_${createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, 32)}`;
}
