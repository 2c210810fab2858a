import { errorResponse, successResponse, type Envelope } from './envelope';
import { isPayPulseError, type PayPulseError } from './errors';
import type { ErrorCode } from './error-codes';
import type { Logger } from './logger';
import { readS3Records, toObjectRef, type S3ObjectRef } from './s3-event';
import type { FailureOutcome } from './write-outcome';

/** What a handler reports for one record it processed successfully. */
export interface RecordSuccess {
  /** A `RecordOutcome` (write-outcome.ts); each handler narrows it to its own. */
  readonly outcome: string;
  readonly invoiceId?: string;
}

export interface RecordFailure {
  readonly outcome: Extract<FailureOutcome, 'error'>;
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

export type RecordReport<T extends RecordSuccess> = { readonly key: string | null } & (T | RecordFailure);

export interface S3BatchOptions<T extends RecordSuccess> {
  readonly logger: Logger;
  readonly processRecord: (ref: S3ObjectRef) => Promise<T>;
  /** The envelope message when every record succeeded. */
  readonly successMessage: (results: readonly T[]) => string;
}

/**
 * Thrown after every record was tried, when at least one failed transiently or must be
 * kept for review (a CONFLICT): Lambda retries the event and finally hands it to the
 * on-failure destination. The message names every such failure, so the destination's
 * record says what happened to each document.
 */
export class TransientBatchError extends Error {
  constructor(readonly failures: readonly PayPulseError[]) {
    super(
      `${failures.length} record(s) failed transiently or are kept for review: ${failures.map((f) => `${f.code}: ${f.message}`).join('; ')}`.slice(0, 4000),
      { cause: failures[0] },
    );
    this.name = 'TransientBatchError';
  }
}

function toPayPulseError(err: unknown, logger: Logger, key: string | null): PayPulseError | null {
  if (isPayPulseError(err)) return err;
  logger.error('Unexpected error', { key, error: err });
  return null;
}

/**
 * Runs `processRecord` for every record of an S3 event, so one bad record fails
 * only itself. Permanent failures become per-record error reports; transient ones
 * are thrown (after the other records ran) so Lambda retries the event, which is
 * safe because every write is idempotent.
 *
 * Envelope: 200 when all succeed, the failure's own code and status when a
 * single-record event fails, and 207 with per-record outcomes when some fail.
 */
export async function processS3Event<T extends RecordSuccess>(event: unknown, options: S3BatchOptions<T>): Promise<Envelope> {
  const { logger } = options;
  let records: unknown[];
  try {
    records = readS3Records(event);
  } catch (err) {
    const error = err as PayPulseError;
    logger.error(error.message, { code: error.code });
    return errorResponse(error.code, error.message, error.statusCode);
  }

  const reports: RecordReport<T>[] = [];
  const successes: T[] = [];
  const failures: PayPulseError[] = [];
  const transient: PayPulseError[] = [];
  for (const record of records) {
    let key: string | null = null;
    try {
      const ref = toObjectRef(record);
      key = ref.key;
      const result = await options.processRecord(ref);
      successes.push(result);
      reports.push({ key, ...result });
      logger.info('Record processed', { key, outcome: result.outcome, invoiceId: result.invoiceId });
    } catch (err) {
      const error = toPayPulseError(err, logger, key);
      const code: ErrorCode = error?.code ?? 'INTERNAL_SERVER_ERROR';
      const message = error?.message ?? 'Internal server error';
      if (error?.transient || error?.keptForReview) transient.push(error);
      if (error) failures.push(error);
      reports.push({ key, outcome: 'error', error: { code, message } });
      const log = error?.transient ? logger.warn : logger.error;
      log(`Record failed: ${message}`, {
        key,
        outcome: (error?.keptForReview ? 'conflict' : 'error') satisfies FailureOutcome,
        code,
        transient: error?.transient ?? false,
        keptForReview: error?.keptForReview ?? false,
        ...(error?.context ?? {}),
      });
    }
  }

  if (transient.length > 0) throw new TransientBatchError(transient);
  if (successes.length === records.length) {
    const last = successes[successes.length - 1];
    return successResponse(options.successMessage(successes), { ...last, records: reports });
  }
  if (records.length === 1) {
    const error = failures[0];
    const report = reports[0] as RecordFailure;
    return errorResponse(report.error.code, report.error.message, error?.statusCode ?? 500);
  }
  return successResponse(`${successes.length} of ${records.length} records processed`, { records: reports }, 207);
}
