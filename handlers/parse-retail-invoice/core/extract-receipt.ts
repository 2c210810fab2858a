import { EmptyDocumentError, InvoiceParseError } from '../../shared/errors';
import { decodeBody } from './decode-body';
import { findCurrency } from './fields/currency';
import { findInvoiceDate } from './fields/invoice-date';
import { findOrderId } from './fields/order-id';
import { findTotal } from './fields/total';
import { findVendorName } from './fields/vendor-name';
import { detectLanguage } from './language';
import { SCHEMAS } from './schema';
import { MAX_NODES, readTextDocument } from './text-lines';
import type { BaseFields, ExtractContext, ExtractedReceipt } from './types';

/**
 * Receipt e-mail HTML → base fields and the sub_type's extra fields, with no I/O
 * and the same answer every time. Throws `ObjectTooLargeError` or
 * `InvoiceParseError` for bodies it refuses (oversized, binary, too many elements to
 * read whole) and `EmptyDocumentError` for one with no visible text; a readable receipt
 * with no trustworthy total comes back with `total_amount: null` for the caller to reject.
 */
export function extractReceipt(body: Buffer | string, context: ExtractContext): ExtractedReceipt {
  const size = typeof body === 'string' ? body.length : body.byteLength;
  if (size === 0) throw new EmptyDocumentError('The receipt is empty (0 bytes)');
  const html = decodeBody(body);
  const doc = readTextDocument(html);
  if (doc.lines.length === 0) throw new EmptyDocumentError(`The receipt has no visible text (${size} bytes)`);
  const total = findTotal(doc.lines);
  // The reader stops after MAX_NODES nodes; a total past that point must not read as "no total".
  if (!total && roughNodeCount(html) >= MAX_NODES) {
    throw new InvoiceParseError(`The receipt has more than ${MAX_NODES} elements and no total within them; it cannot be read completely`);
  }
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

/** An upper bound on the nodes htmlparser2 makes: each tag, plus the text between tags. */
function roughNodeCount(html: string): number {
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) tags++;
  return tags * 2;
}
