import type { Envelope } from '../../handlers/shared/envelope';

/** One line of pipeline output: what happened to one S3 event. */
export interface EventReport {
  readonly bucket: string;
  /** The decoded object key. */
  readonly key: string;
  readonly eventName: string;
  /** The function the notification configuration routed to, or null when no block matched. */
  readonly function: string | null;
  /** The handler's outcome (`inserted`, `unchanged`, `duplicate_skipped`, ...), `not_routed`, `refused` (the local S3 server turned the key away) or `error`. */
  readonly outcome: string;
  readonly InvoiceID: string | null;
  /** The envelope's status code; absent when not routed or the handler threw. */
  readonly status?: number;
  readonly error?: { readonly code: string; readonly message: string };
  /** Invocations, counting retries after a thrown error. */
  readonly attempts?: number;
  /** Time in the handler (from dequeue to response, retries included; the first call of a function includes loading it). */
  readonly ms: number;
}

interface EnvelopeBody {
  readonly data?: { readonly outcome?: unknown; readonly invoiceId?: unknown; readonly invoice_id?: unknown };
  readonly error?: { readonly code?: unknown; readonly message?: unknown };
}

function parseBody(envelope: Envelope): EnvelopeBody {
  try {
    return JSON.parse(envelope.body) as EnvelopeBody;
  } catch {
    return {};
  }
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The outcome, InvoiceID, status and error a handler's response envelope carries. */
export function summarizeEnvelope(envelope: Envelope): Pick<EventReport, 'outcome' | 'InvoiceID' | 'status' | 'error'> {
  const body = parseBody(envelope);
  if (envelope.statusCode < 300) {
    return {
      outcome: stringOrNull(body.data?.outcome) ?? 'ok',
      InvoiceID: stringOrNull(body.data?.invoiceId) ?? stringOrNull(body.data?.invoice_id),
      status: envelope.statusCode,
    };
  }
  return {
    outcome: 'error',
    InvoiceID: null,
    status: envelope.statusCode,
    error: { code: stringOrNull(body.error?.code) ?? 'UNKNOWN', message: stringOrNull(body.error?.message) ?? envelope.body },
  };
}
