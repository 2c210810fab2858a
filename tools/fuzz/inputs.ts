import fc from 'fast-check';
import { mutatedArbitrary } from './mutations';

/** PDF syntax that makes parsers take unusual paths: objects, streams, xref, filters, encryption, deep nesting. */
export const PDF_TOKENS: readonly string[] = [
  '%PDF-1.7\n', 'obj', 'endobj', ' 0 R', '<<', '>>', '[', ']', '(', ')', '\\', '/Length 99999999', '/Length -1',
  'stream\n', '\nendstream', 'xref\n0 1\n0000000000 65535 f \n', 'trailer', 'startxref\n0\n', '%%EOF', '/Filter /FlateDecode',
  '/Filter /LZWDecode', '/Filter /ASCIIHexDecode', '/Filter /DCTDecode', '/Type /ObjStm /N 9999', '/Encrypt', '/Kids [1 0 R]',
  '/Count 2147483647', '/Font', '/Tj', 'BT', 'ET', 'Tf', '/MediaBox [0 0 1e308 1e308]', '<FEFF', '[[[[[[[[[[[[[[[[', '<<<<<<<<<<<<',
  '1e99999', '-0', '9999999999 0 obj',
];

/** HTML that stresses the receipt reader: unbalanced and deep markup, comments, scripts, entities, labels and amounts. */
export const HTML_TOKENS: readonly string[] = [
  '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<div>', '</div>', '<p>', '<br>', '<span style="display:none">',
  '<!--', '-->', '<script>', '</script>', '<style>', '.x{display:none}', '</style>', '<![CDATA[', ']]>', '<svg>', '<template>',
  '&amp;', '&#x0;', '&#9999999;', '&nbsp;', '=3D', '=\r\n', '\u0000', '\uFEFF', 'Totalt', 'Att betala', 'Summa', 'Total:',
  '129,00 kr', '1 234,50 SEK', '€ 9.99', '$1,000.00', '-0,00', '999999999999999999999', 'Ordernummer', 'Order #', 'Datum:',
  '2025-02-30', '31/12/2025', '<table><tr><td>'.repeat(50), '<div>'.repeat(200),
];

/** Random bytes behind a `%PDF-` header (so the reader gets past its header check), or mutations of real PDFs. */
export function pdfInputArbitrary(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const headerThenNoise = fc
    .tuple(fc.constantFrom('%PDF-1.4\n', '%PDF-1.7\n', '%PDF-2.0\n%\u00e2\u00e3\u00cf\u00d3\n'), fc.uint8Array({ maxLength: 2048 }))
    .map(([header, noise]) => new Uint8Array(Buffer.concat([Buffer.from(header, 'latin1'), noise])));
  return fc.oneof(
    { arbitrary: mutatedArbitrary(seeds, PDF_TOKENS), weight: 8 },
    { arbitrary: headerThenNoise, weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 1024 }), weight: 1 },
  );
}

/** Token soup, raw bytes and arbitrary strings, or mutations of real receipts. */
export function htmlInputArbitrary(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const soup = fc
    .array(fc.oneof(fc.constantFrom(...HTML_TOKENS), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 200 })
    .map((parts) => new Uint8Array(Buffer.from(parts.join(''), 'utf8')));
  return fc.oneof(
    { arbitrary: mutatedArbitrary(seeds, HTML_TOKENS), weight: 6 },
    { arbitrary: soup, weight: 3 },
    { arbitrary: fc.uint8Array({ maxLength: 2048 }), weight: 1 },
  );
}
