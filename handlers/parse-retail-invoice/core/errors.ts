import { PayPulseError } from '../../shared/errors';

/**
 * A receipt with no total or a total of 0. The handler reports this as the
 * outcome `rejected_zero_amount` (200, nothing written); the preview CLI, which has
 * no outcome to report, throws this so it prints `error: INVOICE_PARSE_ERROR: …`.
 */
export class ReceiptRejectedError extends PayPulseError {
  readonly code = 'INVOICE_PARSE_ERROR';
  readonly statusCode = 422;
}
