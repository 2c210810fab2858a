import { constants, deflateRawSync, deflateSync } from 'node:zlib';

/**
 * Hostile PDFs that are small on disk and huge once read: for the budget tests, the
 * fuzz seeds and the bench. Each is a valid one-page PDF whose page content is the bomb.
 */

/** A PDF whose objects are `bodies` (object n = bodies[n-1]), with a correct xref table. */
function assemblePdf(bodies: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  bodies.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/** One page whose content stream is `content` (already encoded with `filter`, if any). */
function onePage(content: Buffer, filter?: string): Buffer {
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(filter ? `/Filter /${filter}` : '', content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

const SEGMENT_BYTES = 16 * 1024 * 1024;

/**
 * A zlib stream of `size` zero bytes, built in milliseconds: one 16 MiB segment is
 * deflated once with a full flush (which ends on a byte boundary and resets the
 * dictionary, so the segment can be repeated), then repeated, closed with an empty
 * final block and the Adler-32 of the zeros.
 */
function deflateZeros(size: number): Buffer {
  if (size % SEGMENT_BYTES !== 0) throw new Error(`size must be a multiple of ${SEGMENT_BYTES}`);
  const segment = deflateRawSync(Buffer.alloc(SEGMENT_BYTES), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const header = deflateSync(Buffer.alloc(0), { level: 9 }).subarray(0, 2);
  const end = deflateRawSync(Buffer.alloc(0));
  const adler = Buffer.alloc(4);
  // Adler-32 of n zeros: a stays 1, b adds a for every byte.
  adler.writeUInt32BE((((size % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([header, ...Array.from({ length: size / SEGMENT_BYTES }, () => segment), end, adler]);
}

/** One Flate stream of `decodedBytes` zeros (NUL is whitespace to a PDF reader): ~1 MB on disk per GB. */
export function flateBombPdf(decodedBytes: number): Buffer {
  return onePage(deflateZeros(decodedBytes), 'FlateDecode');
}

/** The two bombs: 1.0 MB (1 GiB decoded) and 192 KB (192 MiB decoded). */
export const ONE_MEGABYTE_BOMB_DECODED = 1024 * 1024 * 1024;
export const SMALL_BOMB_DECODED = 192 * 1024 * 1024;

/** Text operators that stay under the decoded-bytes budget but would make millions of text items. */
export function operatorBombPdf(operators: number): Buffer {
  return onePage(deflateSync(Buffer.from(`BT /F1 1 Tf 10 10 Td ${'(a) Tj '.repeat(operators)}ET`, 'latin1'), { level: 9 }), 'FlateDecode');
}

/** `count` page objects in one flat page tree (about 60 bytes each). */
export function manyObjectsPdf(count: number): Buffer {
  const kids = Array.from({ length: count }, (_, i) => `${i + 3} 0 R`).join(' ');
  const pages = Array.from({ length: count }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  return assemblePdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`, ...pages]);
}

/** Arrays nested `depth` deep, in the page content and in an object. */
export function deepNestingPdf(depth: number): Buffer {
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return onePage(deflateSync(Buffer.from(`BT /F1 12 Tf 72 720 Td ${nested} TJ ET`, 'latin1')), 'FlateDecode');
}
