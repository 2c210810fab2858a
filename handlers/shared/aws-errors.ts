import { DependencyError, ObjectNotFoundError, type PayPulseError } from './errors';

interface SdkErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

const NOT_FOUND = new Set(['NoSuchKey', 'NotFound', 'NoSuchBucket']);

function httpStatus(err: SdkErrorShape): number | undefined {
  return err.$metadata?.httpStatusCode;
}

/**
 * Maps an AWS SDK error to a PayPulse error. Missing objects are permanent;
 * throttling, 5xx and network failures are transient (`DependencyError`), so the
 * handler throws and Lambda's asynchronous retry and on-failure destination take over.
 */
export function classifyAwsError(err: unknown, operation: string): PayPulseError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorShape;
  const name = e.name ?? e.Code ?? e.code ?? 'Error';
  const status = httpStatus(e);
  const detail = err instanceof Error ? err.message : String(err);
  if (NOT_FOUND.has(name) || status === 404) {
    return new ObjectNotFoundError(`${operation}: the object does not exist (${name})`, { cause: err });
  }
  // Everything else (throttling, 5xx, network, even a missing table) is retried and, if it
  // persists, kept in the on-failure destination: an invoice is never dropped silently.
  return new DependencyError(`${operation} failed: ${name}: ${detail}`, { cause: err, context: { status } });
}
