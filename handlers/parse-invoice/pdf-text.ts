import { InvoiceParseError } from '../shared/errors';
import type { TextItem } from './layout';
import { checkPdfBudget, DEFAULT_PDF_BUDGET, type PdfBudget } from './pdf-budget';
import { loadPdfParse } from './pdf-runtime';

export interface PdfTextOptions {
  /** Give up on a document after this long. @default 15000 */
  readonly timeoutMs?: number;
  /** Pages read from the start of the document; a Hyresavi is one page. @default 5 */
  readonly maxPages?: number;
  /** Decoded bytes, operators, objects and nesting allowed before pdf.js sees the file. @default DEFAULT_PDF_BUDGET */
  readonly budget?: PdfBudget;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_PAGES = 5;
/** Vertical space left between pages once they are stacked into one coordinate system. */
const PAGE_GAP = 100;

// The slice of pdf.js's document/page API this module uses (pdf-parse does not re-export its types).
interface PdfViewport {
  readonly height: number;
  convertToViewportPoint(x: number, y: number): number[];
}
interface PdfTextContentItem {
  readonly str?: string;
  readonly transform?: number[];
  readonly width?: number;
  readonly height?: number;
}
interface PdfPage {
  getViewport(params: { scale: number }): PdfViewport;
  getTextContent(): Promise<{ items: PdfTextContentItem[] }>;
  cleanup(): void;
}
interface PdfDocument {
  readonly numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
}

function fail(message: string, cause?: unknown): InvoiceParseError {
  return new InvoiceParseError(`Error parsing invoice: ${message}`, cause === undefined ? {} : { cause });
}

function hasPdfHeader(body: Uint8Array): boolean {
  // Readers accept the header anywhere in the first 1024 bytes.
  return Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 1024)).includes('%PDF-');
}

function classify(err: unknown): InvoiceParseError {
  const name = err instanceof Error ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return fail('the PDF is encrypted and needs a password', err);
  if (name === 'InvalidPDFException') return fail(`not a readable PDF (${detail})`, err);
  return fail(`the PDF could not be read (${name || 'Error'}: ${detail})`, err);
}

/** Text items of one page, in top-down page coordinates, skipping rotated and empty text. */
async function pageItems(page: PdfPage, pageNumber: number, yOffset: number): Promise<TextItem[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const item of content.items) {
    const text = item.str;
    const t = item.transform;
    if (typeof text !== 'string' || text.trim() === '' || !t || t.length < 6) continue;
    // Rotated or vertical text (side margins, stamps) is never part of the breakdown.
    if (Math.abs(t[1]) > 1e-3 * Math.abs(t[0]) || Math.abs(t[2]) > 1e-3 * Math.abs(t[3]) || t[0] <= 0) continue;
    const [x, y] = viewport.convertToViewportPoint(t[4], t[5]);
    const fontSize = Math.abs(t[3]) || item.height || 10;
    items.push({ text: text.normalize('NFC'), x, y: y + yOffset, width: item.width ?? 0, height: fontSize, page: pageNumber });
  }
  return items;
}

async function readItems(doc: PdfDocument, maxPages: number): Promise<TextItem[]> {
  const items: TextItem[] = [];
  let yOffset = 0;
  for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
    const page = await doc.getPage(n);
    items.push(...(await pageItems(page, n, yOffset)));
    yOffset += page.getViewport({ scale: 1 }).height + PAGE_GAP;
    page.cleanup();
  }
  return items;
}

/**
 * The positioned text of a PDF: every text item with its x/y (top-down, page after
 * page), width and font size. Throws `InvoiceParseError` for empty, non-PDF,
 * corrupt, encrypted or text-less (scanned) documents, for one over its budget
 * (`pdf-budget.ts`: a decompression or operator bomb), and when reading takes
 * longer than `timeoutMs`.
 */
export async function extractPdfText(body: Uint8Array, options: PdfTextOptions = {}): Promise<TextItem[]> {
  if (body.byteLength === 0) throw fail('the file is empty');
  if (!hasPdfHeader(body)) throw fail('not a PDF (no %PDF- header)');
  await checkPdfBudget(body, options.budget ?? DEFAULT_PDF_BUDGET);
  const { PDFParse } = loadPdfParse();
  // pdf.js may transfer (detach) the buffer it is given, so it gets a copy.
  const parser = new PDFParse({ data: new Uint8Array(body), verbosity: 0, isEvalSupported: false, useSystemFonts: false, stopAtErrors: false });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(fail(`reading the PDF took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  const work = (async () => {
    let doc: PdfDocument;
    try {
      // pdf-parse keeps pdf.js's document behind a private loader; its text API drops positions.
      doc = await (parser as unknown as { load(): Promise<PdfDocument> }).load();
    } catch (err) {
      throw classify(err);
    }
    try {
      return await readItems(doc, options.maxPages ?? DEFAULT_MAX_PAGES);
    } catch (err) {
      throw classify(err);
    }
  })();
  try {
    const items = await Promise.race([work, timeout]);
    if (items.length === 0) throw fail('the PDF has no text layer (a scanned image?)');
    return items;
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
    await parser.destroy().catch(() => undefined);
  }
}
