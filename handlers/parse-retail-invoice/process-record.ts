import { isRetailSubType } from '../../contract/sub-types';
import type { RecordSuccess } from '../shared/s3-batch';
import type { S3ObjectRef } from '../shared/s3-event';
import type { RecordContext } from '../shared/s3-handler';
import { parseRetailInvoiceKey } from '../shared/s3-keys';
import { fetchObject } from '../shared/s3-object';
import type { NotWrittenOutcome, RetailWriteOutcome } from '../shared/write-outcome';
import type { ParseRetailInvoiceConfig } from './config';
import { extractReceipt } from './core/extract-receipt';
import { buildRecords, discoverySourceOf } from './core/records';
import { writeRetailInvoice } from './store';

/** The success data of the original: `{invoice_id, sub_type, vendor_name (from the key), outcome}`. */
export interface RetailRecordResult extends RecordSuccess {
  readonly outcome: RetailWriteOutcome | NotWrittenOutcome;
  readonly invoice_id: string | null;
  readonly sub_type: string;
  readonly vendor_name: string;
}

const isoDay = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : undefined);

/** One S3 record: key → e-mail (size capped) → extraction → atomic write. */
export async function processRecord(ref: S3ObjectRef, { clients, config }: RecordContext<ParseRetailInvoiceConfig>): Promise<RetailRecordResult> {
  const key = parseRetailInvoiceKey(ref.key);
  const object = await fetchObject(clients.s3, ref, config.maxBytes);
  const extracted = extractReceipt(object.body, {
    subType: key.subType,
    vendorSlug: key.vendor,
    fallbackDate: key.date,
    lastModifiedDate: isoDay(object.lastModified),
  });
  const summary = { sub_type: key.subType, vendor_name: key.vendor };
  if (!extracted.base.total_amount) return { outcome: 'rejected_zero_amount', invoice_id: null, ...summary };

  const discoverySource = discoverySourceOf(object.metadata);
  const records = buildRecords({
    key,
    objectKey: ref.key,
    extracted,
    discoverySource,
    detailTable: config.detailTables[key.subType],
    now: new Date(),
  });
  const ledger = discoverySource === 'sweep' ? { messageId: object.metadata.message_id } : undefined;
  const tables = {
    retailTable: config.retailTable,
    ledgerTable: config.ledgerTable,
    detailTableOf: (subType: string) => (isRetailSubType(subType) ? config.detailTables[subType] : undefined),
  };
  const outcome = await writeRetailInvoice(clients.ddb, tables, records, ledger);
  return { outcome, invoiceId: records.base.InvoiceID, invoice_id: records.base.InvoiceID, ...summary };
}
