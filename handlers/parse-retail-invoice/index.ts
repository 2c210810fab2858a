/**
 * parse_retail_invoice: S3 `.html` e-mail upload → RetailInvoices base row + the
 * sub_type's detail row, extracted without an LLM and written atomically.
 *
 * Permanent failures (bad key, missing or oversized object) come back in the envelope
 * and write nothing; transient ones are thrown once every record was tried, so Lambda
 * retries the event. A receipt without a positive total is `rejected_zero_amount`.
 */
import { createAwsClients } from '../shared/clients';
import type { HandlerDeps, S3EventHandler } from '../shared/handler-deps';
import { createS3Handler } from '../shared/s3-handler';
import { readConfig } from './config';
import { processRecord } from './process-record';

export const SUCCESS_MESSAGE = 'Retail invoice parsed and stored successfully';

export function createHandler(deps: HandlerDeps): S3EventHandler {
  return createS3Handler({ service: 'parse_retail_invoice', readConfig, processRecord, successMessage: () => SUCCESS_MESSAGE }, deps);
}

export const handler = createHandler({ clients: createAwsClients(), env: process.env });
