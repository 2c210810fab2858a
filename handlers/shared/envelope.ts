import type { ErrorCode } from './error-codes';

/** The API-Gateway-shaped response every PayPulse handler returns (`utils/responses.py`). */
export interface Envelope {
  readonly statusCode: number;
  readonly headers: { readonly 'Content-Type': 'application/json' };
  readonly body: string;
}

export interface SuccessBody<T> {
  readonly message: string;
  readonly code: number;
  readonly data: T;
}

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

const HEADERS = { 'Content-Type': 'application/json' } as const;

export function successResponse<T>(message: string, data: T, statusCode = 200): Envelope {
  const body: SuccessBody<T> = { message, code: statusCode, data };
  return { statusCode, headers: HEADERS, body: JSON.stringify(body) };
}

export function errorResponse(code: ErrorCode, message: string, statusCode = 500): Envelope {
  const body: ErrorBody = { error: { code, message } };
  return { statusCode, headers: HEADERS, body: JSON.stringify(body) };
}
