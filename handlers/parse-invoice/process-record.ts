import type { RecordSuccess } from '../shared/s3-batch';
import type { S3ObjectRef } from '../shared/s3-event';
import type { RecordContext } from '../shared/s3-handler';
import { fetchObject } from '../shared/s3-object';
import type { RentalWriteOutcome } from '../shared/write-outcome';
import type { ParseInvoiceConfig } from './config';
import { rentalInvoiceRecord, rentalKey } from './core/rental-invoice';
import { putRentalInvoice } from './store';

export interface RentalRecordResult extends RecordSuccess {
  readonly outcome: RentalWriteOutcome;
  readonly invoiceId: string;
  readonly filename: string;
}

/** One S3 record: key → PDF (size capped) → Hyresavi record → conditional put. */
export async function processRecord(ref: S3ObjectRef, { clients, config }: RecordContext<ParseInvoiceConfig>): Promise<RentalRecordResult> {
  const key = rentalKey(ref.key);
  const object = await fetchObject(clients.s3, ref, config.maxObjectBytes);
  const record = await rentalInvoiceRecord(object.body, key);
  const outcome = await putRentalInvoice(clients.ddb, config.table, record);
  return { outcome, invoiceId: record.InvoiceID, filename: key.fileName };
}
