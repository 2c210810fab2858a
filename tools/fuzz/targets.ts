import { rentalInvoiceRecord } from '../../handlers/parse-invoice/core/rental-invoice';
import { extractReceipt } from '../../handlers/parse-retail-invoice/core/extract-receipt';
import { InvalidKeyError, InvoiceParseError, isPayPulseError } from '../../handlers/shared/errors';
import { decodeS3EventKey, encodeS3EventKey, formatInvoiceKey, parseInvoiceKey, parseRentalInvoiceKey } from '../../handlers/shared/s3-keys';

/** What one case did. `crash` is any exception a parser must not throw, or a broken invariant. */
export type CaseOutcome = { readonly kind: 'ok' } | { readonly kind: 'typed'; readonly code: string } | { readonly kind: 'crash'; readonly detail: string };

export type TargetName = 'pdf' | 'html' | 'keys';
export const TARGET_NAMES: readonly TargetName[] = ['pdf', 'html', 'keys'];

const RENTAL_KEY = parseRentalInvoiceKey('invoices/fuzz-user/rental/Hyresavi_1297534008.pdf');
const RECEIPT_CONTEXT = { subType: 'miscellaneous', vendorSlug: 'fuzz-vendor', fallbackDate: '2025-03-14' } as const;

function errorDetail(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}`.slice(0, 2000) : String(err);
}

/** Runs `work`; errors of the expected class are typed outcomes, anything else a crash. */
async function outcomeOf(work: () => unknown, expected: (err: unknown) => boolean): Promise<CaseOutcome> {
  try {
    await work();
    return { kind: 'ok' };
  } catch (err) {
    if (expected(err) && isPayPulseError(err)) return { kind: 'typed', code: err.name };
    return { kind: 'crash', detail: errorDetail(err) };
  }
}

/** The rental parse path (pdf.js text extraction, then the Hyresavi reader): returns or throws InvoiceParseError. */
export const runPdfCase = (bytes: Uint8Array) => outcomeOf(() => rentalInvoiceRecord(bytes, RENTAL_KEY), (e) => e instanceof InvoiceParseError);

/** The receipt reader: returns or throws a PayPulseError (InvoiceParseError, ObjectTooLargeError). */
export const runHtmlCase = (bytes: Uint8Array) => outcomeOf(() => extractReceipt(Buffer.from(bytes), RECEIPT_CONTEXT), isPayPulseError);

/**
 * The key grammar on any string: it either refuses the key with InvalidKeyError or
 * round-trips it; and every key survives S3's event encoding unchanged.
 */
export function runKeyCase(key: string): Promise<CaseOutcome> {
  return outcomeOf(
    () => {
      if (decodeS3EventKey(encodeS3EventKey(key)) !== key) throw new Error(`event encoding does not round-trip ${JSON.stringify(key)}`);
      const formatted = formatInvoiceKey(parseInvoiceKey(key));
      if (formatted !== key) throw new Error(`format(parse(k)) = ${JSON.stringify(formatted)}, not ${JSON.stringify(key)}`);
    },
    (e) => e instanceof InvalidKeyError,
  );
}
