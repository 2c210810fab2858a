import { ConfigurationError, DependencyError, ObjectNotFoundError, RejectedRequestError, type PayPulseError } from './errors';

interface SdkErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean } | unknown;
  CancellationReasons?: Array<{ Code?: string } | undefined>;
}

const NOT_FOUND = new Set(['NoSuchKey', 'NotFound', 'NoSuchBucket']);

/** Throttling and service-side failures that AWS documents as retryable. */
const TRANSIENT_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'TransactionConflictException',
  'TransactionInProgressException',
  'InternalServerError',
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'NetworkingError',
]);

/** Node.js socket and DNS error codes: the request never got an answer. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const NETWORK_CODE_IN_MESSAGE = new RegExp(`\\b(${[...NETWORK_CODES].join('|')})\\b`);

/** Transaction cancellation reasons a retry may clear. */
const TRANSIENT_CANCELLATIONS = new Set(['ThrottlingError', 'TransactionConflict', 'ProvisionedThroughputExceeded']);

/**
 * The deployment, not the document, is wrong (a missing table, a role without access).
 * Like a missing setting, these are retried and then kept in the on-failure destination,
 * to be replayed once the function is fixed, instead of being answered and forgotten.
 */
const CONFIGURATION_NAMES = new Set(['ResourceNotFoundException', 'AccessDenied', 'AccessDeniedException', 'InvalidAccessKeyId', 'UnrecognizedClientException']);

export type AwsErrorClass = 'not_found' | 'transient' | 'configuration' | 'permanent';

function shapeOf(err: unknown): SdkErrorShape {
  return (typeof err === 'object' && err !== null ? err : {}) as SdkErrorShape;
}

/**
 * Which kind of failure an AWS SDK (or network, or marshalling) error is. Only
 * throttling, 5xx, timeouts and network errors are `transient`; a request AWS refused
 * (ValidationException, ConditionalCheckFailed, a number the marshaller cannot
 * represent, any other 4xx) is `permanent`: the same request can never succeed.
 */
export function classifyAwsErrorKind(err: unknown): AwsErrorClass {
  const e = shapeOf(err);
  const name = e.name ?? e.Code ?? '';
  const status = e.$metadata?.httpStatusCode;
  if (NOT_FOUND.has(name) || status === 404) return 'not_found';
  if (name === 'TransactionCanceledException') {
    const reasons = (e.CancellationReasons ?? []).map((r) => r?.Code ?? 'None');
    return reasons.some((r) => TRANSIENT_CANCELLATIONS.has(r)) && reasons.every((r) => r === 'None' || TRANSIENT_CANCELLATIONS.has(r)) ? 'transient' : 'permanent';
  }
  if (TRANSIENT_NAMES.has(name) || (typeof e.code === 'string' && NETWORK_CODES.has(e.code))) return 'transient';
  // The SDK's retry layer re-wraps a socket error from another realm (a VM context, a worker) as a
  // bare Error whose message keeps the code: "connect ECONNREFUSED 127.0.0.1:8000".
  if (status === undefined && NETWORK_CODE_IN_MESSAGE.test(String(e.message ?? ''))) return 'transient';
  if (status !== undefined && (status >= 500 || status === 429)) return 'transient';
  if (e.$retryable !== undefined && e.$retryable !== null) return 'transient';
  if (CONFIGURATION_NAMES.has(name) || status === 403) return 'configuration';
  return 'permanent';
}

/**
 * Maps an AWS SDK error to a PayPulse error: a missing object is `ObjectNotFoundError`;
 * a transient failure is `DependencyError` (thrown, so Lambda retries and finally keeps the
 * event in the on-failure destination); a broken deployment is `ConfigurationError`
 * (kept the same way); anything else is a permanent `RejectedRequestError`.
 */
export function classifyAwsError(err: unknown, operation: string): PayPulseError {
  const e = shapeOf(err);
  const name = e.name ?? e.Code ?? e.code ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const detail = err instanceof Error ? err.message : String(err);
  const options = { cause: err, context: { status, awsError: name } };
  switch (classifyAwsErrorKind(err)) {
    case 'not_found':
      return new ObjectNotFoundError(`${operation}: the object does not exist (${name})`, { cause: err });
    case 'transient':
      return new DependencyError(`${operation} failed: ${name}: ${detail}`, options);
    case 'configuration':
      return new ConfigurationError(`${operation} failed: ${name}: ${detail}`, options);
    case 'permanent':
      return new RejectedRequestError(`${operation} was refused: ${name}: ${detail}`, options);
  }
}
