import { createInflate } from 'node:zlib';
import { InvoiceParseError } from '../../shared/errors';

/**
 * Limits a PDF must stay within before pdf.js reads it. pdf.js inflates a whole
 * stream into memory and keeps every text item, so a 1 MB file with one Flate stream
 * of zeros grew to 2 GB; the 10 MiB object cap limits only the compressed size.
 */
export interface PdfBudget {
  /** Bytes of all streams once decoded (Flate measured by inflating, others bounded). @default 24 MiB */
  readonly maxDecodedBytes: number;
  /** Operators (alphabetic tokens) in content streams. @default 300,000 */
  readonly maxOperators: number;
  /** Indirect objects, including those packed in object streams. @default 10,000 */
  readonly maxObjects: number;
  /** Nesting of arrays and dictionaries. @default 256 */
  readonly maxNesting: number;
}

/** A Hyresavi is one page, ~20 objects and a few kilobytes of content; these leave two orders of magnitude. */
export const DEFAULT_PDF_BUDGET: PdfBudget = { maxDecodedBytes: 24 * 1024 * 1024, maxOperators: 300_000, maxObjects: 10_000, maxNesting: 256 };

/** Upper bounds of output/input for filters this scan does not run (PDF 32000-1 §7.4). */
const EXPANSION_BOUND: Record<string, number> = { ASCIIHexDecode: 0.5, AHx: 0.5, ASCII85Decode: 1.25, A85: 1.25, RunLengthDecode: 128, RL: 128, LZWDecode: 2731, LZW: 2731 };
/** The largest ratio deflate reaches. */
const FLATE_BOUND = 1032;
/** Image and font codecs pdf.js does not decode for text. */
const NOT_DECODED_FOR_TEXT = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode', 'CCF', 'Crypt']);

function budgetError(what: string, detail: Record<string, unknown>): InvoiceParseError {
  return new InvoiceParseError(`Error parsing invoice: the PDF exceeds its ${what}; refused before reading it`, { context: { budget: what, ...detail } });
}

interface StreamSpan {
  readonly dict: string;
  readonly start: number;
  readonly end: number;
}

/** Every `stream ... endstream` span with the dictionary text in front of it. */
function streamSpans(text: string): StreamSpan[] {
  const spans: StreamSpan[] = [];
  const STREAM = /(?<![A-Za-z])stream(\r\n|\n|\r)/g;
  let from = 0;
  for (let m = STREAM.exec(text); m; m = STREAM.exec(text)) {
    if (m.index < from) continue;
    const start = m.index + m[0].length;
    const endAt = text.indexOf('endstream', start);
    const end = endAt < 0 ? text.length : endAt;
    const dictFrom = Math.max(text.lastIndexOf('obj', m.index), from, m.index - 4096);
    spans.push({ dict: text.slice(dictFrom, m.index), start, end });
    from = end;
    STREAM.lastIndex = end;
  }
  return spans;
}

function filtersOf(dict: string): string[] {
  const m = /\/(?:Filter|F)\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  return m ? [...m[1].matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1]) : [];
}

/** Content streams (page and form content) are the ones whose operators pdf.js runs for text. */
function isContentStream(dict: string): boolean {
  return !/\/Length[123]\b|\/Type\s*\/(?:XRef|ObjStm|Metadata|EmbeddedFile)|\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType|XML)/.test(dict);
}

/**
 * Counts alphabetic tokens (operators) and the deepest [ / << nesting in PDF syntax,
 * chunk by chunk. The insides of literal strings `( ... )` count for neither: a `[` or
 * a word in a text string is text.
 */
class SyntaxCounter {
  operators = 0;
  maxDepth = 0;
  private depth = 0;
  private inToken = false;
  private lastByte = 0;
  /** Open parentheses of the literal string being skipped; 0 outside strings. */
  private stringDepth = 0;
  private escaped = false;

  feed(bytes: Uint8Array, countOperators: boolean): void {
    for (const b of bytes) {
      if (this.stringDepth > 0) {
        if (this.escaped) this.escaped = false;
        else if (b === 0x5c) this.escaped = true;
        else if (b === 0x28) this.stringDepth++;
        else if (b === 0x29) this.stringDepth--;
        continue;
      }
      if (b === 0x28) {
        this.stringDepth = 1;
        this.inToken = false;
        continue;
      }
      const delimiter = b <= 32 || b === 0x29 || b === 0x3c || b === 0x3e || b === 0x5b || b === 0x5d || b === 0x7b || b === 0x7d || b === 0x2f || b === 0x25;
      if (b === 0x5b || (b === 0x3c && this.lastByte === 0x3c)) {
        this.depth++;
        if (this.depth > this.maxDepth) this.maxDepth = this.depth;
        // `<<<` is one opener and a `<`.
        this.lastByte = b === 0x3c ? 0 : b;
      } else {
        const closesDict = b === 0x3e && this.lastByte === 0x3e;
        if ((b === 0x5d || closesDict) && this.depth > 0) this.depth--;
        this.lastByte = closesDict ? 0 : b;
      }
      if (delimiter) {
        // A name (/Foo) is one token that is not an operator.
        this.inToken = b === 0x2f;
        continue;
      }
      if (!this.inToken) {
        this.inToken = true;
        if (countOperators && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x27 || b === 0x22)) this.operators++;
      }
    }
  }
}

/** Inflates `data`, feeding the output to `onChunk`, and stops once `limit` bytes came out. Resolves with the byte count (a corrupt stream ends where pdf.js would stop too). */
function inflateCounting(data: Uint8Array, limit: number, onChunk: (chunk: Buffer) => void): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate({ chunkSize: 64 * 1024 });
    let total = 0;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(total);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      onChunk(chunk);
      if (total > limit) {
        inflate.destroy();
        finish();
      }
    });
    inflate.on('end', finish);
    inflate.on('error', finish);
    inflate.on('close', finish);
    inflate.end(data);
  });
}

/**
 * Checks a PDF against `budget` without building anything big: streams are inflated
 * chunk by chunk and only counted. Throws `InvoiceParseError` naming the budget exceeded.
 */
export async function checkPdfBudget(body: Uint8Array, budget: PdfBudget = DEFAULT_PDF_BUDGET): Promise<void> {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const text = bytes.toString('latin1');
  const syntax = new SyntaxCounter();
  let decoded = 0;
  let objects = (text.match(/\d+\s+\d+\s+obj\b/g) ?? []).length;
  let outside = 0;
  const check = () => {
    if (decoded > budget.maxDecodedBytes) throw budgetError('decoded-bytes budget', { decodedBytes: decoded, maxDecodedBytes: budget.maxDecodedBytes });
    if (syntax.operators > budget.maxOperators) throw budgetError('operator budget', { operators: syntax.operators, maxOperators: budget.maxOperators });
    if (syntax.maxDepth > budget.maxNesting) throw budgetError('nesting budget', { depth: syntax.maxDepth, maxNesting: budget.maxNesting });
    if (objects > budget.maxObjects) throw budgetError('object budget', { objects, maxObjects: budget.maxObjects });
  };
  for (const span of streamSpans(text)) {
    syntax.feed(bytes.subarray(outside, span.start), false);
    outside = span.end;
    check();
    const filters = filtersOf(span.dict);
    const data = bytes.subarray(span.start, span.end);
    const countOps = isContentStream(span.dict);
    const objectCount = /\/Type\s*\/ObjStm/.test(span.dict) ? Number(/\/N\s+(\d+)/.exec(span.dict)?.[1] ?? 0) : 0;
    objects += objectCount;
    if (filters.length === 0) {
      decoded += data.length;
      if (countOps) syntax.feed(data, true);
    } else if (filters[0] === 'FlateDecode' || filters[0] === 'Fl') {
      const remaining = budget.maxDecodedBytes - decoded;
      const produced = await inflateCounting(data, remaining, (chunk) => {
        if (countOps || objectCount > 0) syntax.feed(chunk, countOps);
      });
      // A further filter after Flate (other than an image codec) is bounded, not run.
      const rest = filters.slice(1).filter((f) => !NOT_DECODED_FOR_TEXT.has(f));
      decoded += rest.reduce((n, f) => n * (EXPANSION_BOUND[f] ?? FLATE_BOUND), produced);
    } else if (!NOT_DECODED_FOR_TEXT.has(filters[0])) {
      decoded += filters.filter((f) => !NOT_DECODED_FOR_TEXT.has(f)).reduce((n, f) => n * (EXPANSION_BOUND[f] ?? FLATE_BOUND), data.length);
    }
    check();
  }
  syntax.feed(bytes.subarray(outside), false);
  check();
}
