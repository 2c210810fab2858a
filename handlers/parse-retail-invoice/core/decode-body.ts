import { InvoiceParseError, ObjectTooLargeError } from '../../shared/errors';
import { repairQuotedPrintable } from './quoted-printable';

/** Receipt e-mails are tens of kilobytes; Gmail clips bodies at 102 KB. Anything far larger is refused. */
export const MAX_HTML_BYTES = 2 * 1024 * 1024;

const SAMPLE_BYTES = 8192;

/** NUL bytes or many control characters in the first 8 KB: a binary file labelled as HTML. */
function looksBinary(body: Buffer): boolean {
  const sample = body.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

/**
 * The receipt's text as a string: size-capped, UTF-8 decoded (a BOM dropped),
 * binary refused, quoted-printable leftovers repaired.
 */
export function decodeBody(body: Buffer | string, maxBytes = MAX_HTML_BYTES): string {
  const size = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  if (size > maxBytes) {
    throw new ObjectTooLargeError(`The receipt is ${size} bytes; the limit is ${maxBytes} bytes`, { context: { size, maxBytes } });
  }
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (looksBinary(buffer)) throw new InvoiceParseError('The object is binary, not an HTML or text receipt');
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const replacements = text.match(/\uFFFD/g)?.length ?? 0;
  if (replacements > 0 && replacements / text.length > 0.05) {
    throw new InvoiceParseError('The object is not valid UTF-8 text');
  }
  return repairQuotedPrintable(text);
}
