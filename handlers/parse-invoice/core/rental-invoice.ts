import { rentalInvoiceId } from '../../shared/invoice-ids';
import { parseRentalInvoiceKey, type RentalInvoiceKey } from '../../shared/s3-keys';
import { parseHyresavi } from './hyresavi';
import { toRentalInvoiceRecord, type RentalInvoiceRecord } from './rental-record';
import { extractPdfText } from './pdf-text';

/** The RentalInvoices item for a Hyresavi PDF stored under `key`. Pure apart from reading the PDF. */
export async function rentalInvoiceRecord(body: Uint8Array, key: RentalInvoiceKey): Promise<RentalInvoiceRecord> {
  const invoice = parseHyresavi(await extractPdfText(body));
  return toRentalInvoiceRecord(invoice, { userId: key.userId, invoiceId: rentalInvoiceId(invoice.ocr), filename: key.stem });
}

/** Parses a decoded object key that must name a rental invoice (`InvalidKeyError` otherwise). */
export function rentalKey(key: string): RentalInvoiceKey {
  return parseRentalInvoiceKey(key);
}
