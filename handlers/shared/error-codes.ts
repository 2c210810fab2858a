/**
 * Envelope error codes, as in the original `utils/responses.py` ErrorCode list.
 * DATABASE_ERROR and VALIDATION_ERROR were referenced but never defined upstream
 * (an AttributeError in Python); they are defined here so every code a handler
 * emits is a real member of the list. CONFLICT is new: see `ConflictError`.
 */
export const ERROR_CODES = [
  'INVALID_CREDENTIALS',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'GMAIL_TOKEN_EXPIRED',
  'USER_NOT_FOUND',
  'USER_ALREADY_EXISTS',
  'JWT_ERROR',
  'INVALID_JSON',
  'MISSING_FIELDS',
  'INVALID_REQUEST',
  'INVOICE_PARSE_ERROR',
  'DEPENDENCY_FAILURE',
  'INTERNAL_SERVER_ERROR',
  'DATABASE_ERROR',
  'VALIDATION_ERROR',
  // Added with issue 13: a different document maps to an invoice id that is already taken.
  'CONFLICT',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
