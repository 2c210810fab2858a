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
import { createS3Handler } from '../shared/s3-handler';
import { readConfig } from './config';
import { processRecord } from './process-record';

export function createHandler(deps: HandlerDeps): S3EventHandler {
  return createS3Handler(
    {
      service: 'parse_invoice',
      readConfig,
      processRecord,
      successMessage: (results) => `Rental invoice ${results[results.length - 1].invoiceId} parsed successfully!`,
    },
    deps,
  );
}

export const handler = createHandler({ clients: createAwsClients(), env: process.env });
