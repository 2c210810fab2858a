import { decodeBody } from './decode-body';
import { findCurrency } from './fields/currency';
import { findInvoiceDate } from './fields/invoice-date';
import { findOrderId } from './fields/order-id';
import { findTotal } from './fields/total';
import { findVendorName } from './fields/vendor-name';
import { detectLanguage } from './language';
import { SCHEMAS } from './schema';
import { readTextDocument } from './text-lines';
import type { BaseFields, ExtractContext, ExtractedReceipt } from './types';

/**
 * Receipt e-mail HTML → base fields and the sub_type's extra fields, with no I/O
 * and the same answer every time. Throws `ObjectTooLargeError` or
 * `InvoiceParseError` for bodies it refuses (oversized, binary); a receipt with no
 * trustworthy total comes back with `total_amount: null` for the caller to reject.
 */
export function extractReceipt(body: Buffer | string, context: ExtractContext): ExtractedReceipt {
  const doc = readTextDocument(decodeBody(body));
  const total = findTotal(doc.lines);
  const language = detectLanguage(doc.lines.map((l) => l.text).join('\n'), doc.lang);
  const base: BaseFields = {
    vendor_name: findVendorName(doc, context.vendorSlug),
    total_amount: total?.amount ?? null,
    currency: findCurrency(doc.lines, total, language),
    invoice_date: findInvoiceDate(doc.lines, context.fallbackDate, context.lastModifiedDate),
    order_id: findOrderId(doc.lines, doc.title),
  };
  return { base, extras: SCHEMAS[context.subType]({ lines: doc.lines, base }) };
}
