/**
 * parse_invoice: S3 `.pdf` upload → Hyresavi record in RentalInvoices.
 *
 * For every record of the event: decode and check the key, download the PDF (size
 * capped), parse it, and put the item under its deterministic key. Permanent
 * failures (bad key, missing or oversized object, unreadable document) come back
 * in the envelope and write nothing; transient ones (S3/DynamoDB unavailable) are
 * thrown once every record was tried, so Lambda retries the event.
 */
import { createAwsClients } from '../shared/clients';
import type { HandlerDeps, S3EventHandler } from '../shared/handler-deps';
import { createLogger } from '../shared/logger';
import { processS3Event, type RecordSuccess } from '../shared/s3-batch';
import type { S3ObjectRef } from '../shared/s3-event';
import { fetchObject } from '../shared/s3-object';
import { readConfig, type ParseInvoiceConfig } from './config';
import { putRentalInvoice, type WriteOutcome } from './store';
import { rentalInvoiceRecord, rentalKey } from './core/rental-invoice';

export interface ParsedRecord extends RecordSuccess {
  readonly outcome: WriteOutcome;
  readonly invoiceId: string;
  readonly filename: string;
}

export function createHandler(deps: HandlerDeps): S3EventHandler {
  const logger = deps.logger ?? createLogger({ service: 'parse_invoice' });
  const { s3, ddb } = deps.clients;
  let config: ParseInvoiceConfig | undefined;

  async function processRecord(ref: S3ObjectRef): Promise<ParsedRecord> {
    const { table, maxObjectBytes } = config!;
    const key = rentalKey(ref.key);
    const object = await fetchObject(s3, ref, maxObjectBytes);
    const record = await rentalInvoiceRecord(object.body, key);
    const outcome = await putRentalInvoice(ddb, table, record);
    return { outcome, invoiceId: record.InvoiceID, filename: key.fileName };
  }

  return async (event) => {
    // A misconfigured function throws, so the event is retried and kept, not dropped.
    config ??= readConfig(deps.env);
    return processS3Event(event, {
      logger,
      processRecord,
      successMessage: (results) => `Rental invoice ${results[results.length - 1].invoiceId} parsed successfully!`,
    });
  };
}

export const handler = createHandler({ clients: createAwsClients(), env: process.env });
