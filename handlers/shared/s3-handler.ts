import type { AwsClients } from './clients';
import type { HandlerDeps, S3EventHandler } from './handler-deps';
import { createLogger } from './logger';
import { processS3Event, type RecordSuccess } from './s3-batch';
import type { S3ObjectRef } from './s3-event';

/** What one record is processed with: the clients and the configuration read at cold start. */
export interface RecordContext<C> {
  readonly clients: AwsClients;
  readonly config: C;
}

/** The parts of an S3-triggered handler: `handlers/<fn>/config.ts` and `process-record.ts`. */
export interface S3HandlerParts<C, T extends RecordSuccess> {
  /** The function's name in the log (`service`). */
  readonly service: string;
  /** Reads the environment, or throws `ConfigurationError` naming the variable. */
  readonly readConfig: (env: Readonly<Record<string, string | undefined>>) => C;
  readonly processRecord: (ref: S3ObjectRef, context: RecordContext<C>) => Promise<T>;
  /** The envelope message when every record succeeded. */
  readonly successMessage: (results: readonly T[]) => string;
}

/**
 * The Lambda edge both parsers share: the configuration is read once per handler (a
 * cold start), then every record of each event goes through `processRecord`, and the
 * results and errors become the envelope (`processS3Event`).
 */
export function createS3Handler<C, T extends RecordSuccess>(parts: S3HandlerParts<C, T>, deps: HandlerDeps): S3EventHandler {
  const logger = deps.logger ?? createLogger({ service: parts.service });
  let context: RecordContext<C> | undefined;
  return async (event) => {
    // Read at the first event, not at import: a misconfigured function then throws from
    // the invocation, so the event is retried and kept, not dropped.
    context ??= { clients: deps.clients, config: parts.readConfig(deps.env) };
    const recordContext = context;
    return processS3Event(event, {
      logger,
      successMessage: parts.successMessage,
      processRecord: (ref) => parts.processRecord(ref, recordContext),
    });
  };
}
