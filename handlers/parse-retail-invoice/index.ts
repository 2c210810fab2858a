import { createAwsClients } from '../shared/clients';
import type { HandlerDeps, S3EventHandler } from '../shared/handler-deps';
import { createLogger } from '../shared/logger';
import { processS3Event } from '../shared/s3-batch';
import { processRetailRecord } from './process-record';

export const SUCCESS_MESSAGE = 'Retail invoice parsed and stored successfully';

/** The parse_retail_invoice Lambda: every record of the S3 event, extracted without an LLM and written atomically. */
export function createHandler(deps: HandlerDeps): S3EventHandler {
  const logger = deps.logger ?? createLogger({ service: 'parse_retail_invoice' });
  return (event) =>
    processS3Event(event, {
      logger,
      successMessage: () => SUCCESS_MESSAGE,
      processRecord: (ref) => processRetailRecord(ref, deps),
    });
}

export const handler = createHandler({ clients: createAwsClients(), env: process.env });
