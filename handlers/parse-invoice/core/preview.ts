import { basename } from 'node:path';
import { INVOICES_PREFIX } from '../../../contract/keys';
import type { RentalInvoiceRecord } from './rental-record';
import { rentalInvoiceRecord, rentalKey } from './rental-invoice';

/** The user id of records previewed without an S3 key. */
export const LOCAL_USER_ID = 'local';

/**
 * The record parse_invoice would write for `body`, without AWS. Without a key the
 * file name stands in for one, under user `local`
 * (`invoices/local/rental/<file name>`, spaces as `_` as the uploader writes them).
 */
export async function preview(body: Buffer, key: string | undefined, fileName = 'invoice.pdf'): Promise<RentalInvoiceRecord> {
  const objectKey = key ?? `${INVOICES_PREFIX}${LOCAL_USER_ID}/rental/${basename(fileName).replace(/ /g, '_')}`;
  return rentalInvoiceRecord(body, rentalKey(objectKey));
}
