import type { ErrorCode } from './error-codes';

export interface PayPulseErrorOptions {
  readonly cause?: unknown;
  /** Extra machine-readable context, logged with the error. */
  readonly context?: Record<string, unknown>;
}

/**
 * Base of every error a handler maps to an envelope.
 *
 * `transient` decides the failure semantics under S3's asynchronous invoke:
 * a transient error is thrown so Lambda retries (and finally hands the event to
 * the on-failure destination); a permanent one is logged and returned as an
 * error envelope, because retrying cannot fix it.
 */
export abstract class PayPulseError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly statusCode: number;
  readonly transient: boolean = false;
  /**
   * Kept for a person to look at: the handler throws after every record was tried (like a
   * transient failure), so after Lambda's retries the event lands in the on-failure
   * destination (the `parse_failures` queue) instead of being answered and forgotten.
   */
  readonly keptForReview: boolean = false;
  readonly context: Record<string, unknown>;

  constructor(message: string, options: PayPulseErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.context = options.context ?? {};
  }
}

/** The event is not an S3 notification: no `Records`, no `s3` entry, no key. */
export class InvalidEventError extends PayPulseError {
  readonly code = 'MISSING_FIELDS';
  readonly statusCode = 400;
}

/** The object key is outside the PayPulse key grammar, or not for this handler. */
export class InvalidKeyError extends PayPulseError {
  readonly code = 'INVALID_REQUEST';
  readonly statusCode = 400;
}

/** The object is larger than the handler accepts. */
export class ObjectTooLargeError extends PayPulseError {
  readonly code = 'INVALID_REQUEST';
  readonly statusCode = 413;
}

/** The object named by the event no longer exists. Retrying cannot bring it back. */
export class ObjectNotFoundError extends PayPulseError {
  readonly code = 'DEPENDENCY_FAILURE';
  readonly statusCode = 404;
}

/** A rental invoice document could not be read or lacks a required field. */
export class InvoiceParseError extends PayPulseError {
  readonly code = 'INVOICE_PARSE_ERROR';
  readonly statusCode = 500;
}

/**
 * The object holds no document: zero bytes, only whitespace, or markup with no visible
 * text. Permanent: the upload itself is empty, and reporting it as a success would drop it silently.
 */
export class EmptyDocumentError extends PayPulseError {
  readonly code = 'INVOICE_PARSE_ERROR';
  readonly statusCode = 422;
}

/** An AWS dependency (S3, DynamoDB) failed in a way a retry may fix: throttling, 5xx, network. */
export class DependencyError extends PayPulseError {
  readonly code = 'DEPENDENCY_FAILURE';
  readonly statusCode = 502;
  override readonly transient: boolean = true;
}

/**
 * A different document maps to an invoice id that is already taken (same OCR number,
 * same order). Never an overwrite: nothing is written, and the event is kept for review.
 */
export class ConflictError extends PayPulseError {
  readonly code = 'CONFLICT';
  readonly statusCode = 409;
  override readonly keptForReview: boolean = true;
}

/**
 * AWS refused the request itself (ValidationException, a value the DynamoDB marshaller
 * cannot represent, any other 4xx): the same request can never succeed, so it is not retried.
 */
export class RejectedRequestError extends PayPulseError {
  readonly code = 'VALIDATION_ERROR';
  readonly statusCode = 422;
}

/**
 * A required environment variable or setting is missing or invalid. Transient: the
 * event is retried and finally kept in the on-failure destination, to be replayed
 * once the function is configured, instead of being dropped.
 */
export class ConfigurationError extends PayPulseError {
  readonly code = 'INTERNAL_SERVER_ERROR';
  readonly statusCode = 500;
  override readonly transient: boolean = true;
}

export function isPayPulseError(err: unknown): err is PayPulseError {
  return err instanceof PayPulseError;
}
