/**
 * Repairs quoted-printable leftovers: HTML bodies that were stored without their
 * transfer encoding being undone (`<td style=3D"...">`, `=C3=A4`, soft line breaks
 * `=\n`). Applied only when the text shows QP evidence, so a literal `=20` in a
 * clean document's URL stays as it is.
 */
const SOFT_BREAK = /=\r?\n/g;
const ENCODED_RUN = /(?:=[0-9A-F]{2})+/g;

// Encoded UTF-8 letters (`=C3=A4` is ä, `=C3=B8` is ø): two-byte sequences as QP writes them.
const ENCODED_LETTER = /=[CD][0-9A-F]=[89AB][0-9A-F]/g;

export function looksQuotedPrintable(text: string): boolean {
  if (/=3D["'\w#]/i.test(text)) return true;
  if ((text.match(ENCODED_LETTER)?.length ?? 0) >= 2) return true;
  const softBreaks = text.match(/=\r?\n/g)?.length ?? 0;
  return softBreaks >= 3;
}

export function repairQuotedPrintable(text: string): string {
  if (!looksQuotedPrintable(text)) return text;
  return text
    .replace(SOFT_BREAK, '')
    .replace(ENCODED_RUN, (run) => Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'));
}
