import type { AwsClients } from '../shared/clients';
import { parseRetailInvoiceKey } from '../shared/s3-keys';
import { isRetailSubType } from '../../contract/sub-types';
import type { S3ObjectRef } from '../shared/s3-event';
import { fetchObject } from '../shared/s3-object';
import type { RecordSuccess } from '../shared/s3-batch';
import { readRetailConfig } from './config';
import { extractReceipt } from './core/extract-receipt';
import { buildRecords, discoverySourceOf } from './core/records';
import { writeRetailInvoice, type WriteOutcome } from './store';

export type RetailOutcome = WriteOutcome | 'rejected_zero_amount';

/** The success data of the original: `{invoice_id, sub_type, vendor_name (from the key), outcome}`. */
export interface RetailRecordResult extends RecordSuccess {
  readonly outcome: RetailOutcome;
  readonly invoice_id: string | null;
  readonly sub_type: string;
  readonly vendor_name: string;
}

export interface ProcessDeps {
  readonly clients: AwsClients;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

const isoDay = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : undefined);

/** One S3 record: key → object → extraction → atomic write. */
export async function processRetailRecord(ref: S3ObjectRef, deps: ProcessDeps): Promise<RetailRecordResult> {
  const key = parseRetailInvoiceKey(ref.key);
  const config = readRetailConfig(deps.env, key.subType);
  const object = await fetchObject(deps.clients.s3, ref, config.maxBytes);
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
    detailTable: config.detailTable,
    now: (deps.now ?? (() => new Date()))(),
  });
  const ledger = discoverySource === 'sweep' ? { messageId: object.metadata.message_id } : undefined;
  const detailTableOf = (subType: string) => (isRetailSubType(subType) ? readRetailConfig(deps.env, subType).detailTable : undefined);
  const outcome = await writeRetailInvoice(deps.clients.ddb, { ...config, detailTableOf }, records, ledger);
  return { outcome, invoiceId: records.base.InvoiceID, invoice_id: records.base.InvoiceID, ...summary };
}
