import { InvoiceParseError } from '../../shared/errors';
import type { TextItem } from './text-item';
import { uprightItems, type UprightPage, type ViewportRun } from './orientation';
import { checkPdfBudget, DEFAULT_PDF_BUDGET, type PdfBudget } from './pdf-budget';
import { loadPdfjs } from './pdf-runtime';

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

// The slice of pdf.js's document/page API this module uses (pdfjs-dist ships no types for its legacy build path).
interface PdfViewport {
  readonly width: number;
  readonly height: number;
  /** Page space → viewport space, with the page's /Rotate applied. */
  readonly transform: number[];
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

/** `outer` after `inner`, as PDF matrices [a, b, c, d, e, f]. */
function multiply(outer: readonly number[], inner: readonly number[]): number[] {
  return [
    outer[0] * inner[0] + outer[2] * inner[1],
    outer[1] * inner[0] + outer[3] * inner[1],
    outer[0] * inner[2] + outer[2] * inner[3],
    outer[1] * inner[2] + outer[3] * inner[3],
    outer[0] * inner[4] + outer[2] * inner[5] + outer[4],
    outer[1] * inner[4] + outer[3] * inner[5] + outer[5],
  ];
}

/**
 * Text items of one page in top-down coordinates, read in the page's own
 * orientation (its /Rotate and the direction its text runs, see orientation.ts).
 */
async function pageItems(page: PdfPage, pageNumber: number, yOffset: number): Promise<UprightPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: ViewportRun[] = [];
  for (const item of content.items) {
    const text = item.str;
    const t = item.transform;
    if (typeof text !== 'string' || text.trim() === '' || !t || t.length < 6) continue;
    runs.push({ text: text.normalize('NFC'), matrix: multiply(viewport.transform, t), width: item.width ?? 0 });
  }
  return uprightItems(runs, viewport, pageNumber, yOffset);
}

async function readItems(doc: PdfDocument, maxPages: number): Promise<TextItem[]> {
  const items: TextItem[] = [];
  let yOffset = 0;
  for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
    const page = await doc.getPage(n);
    const upright = await pageItems(page, n, yOffset);
    items.push(...upright.items);
    yOffset += upright.height + PAGE_GAP;
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
  const pdfjs = loadPdfjs();
  let loading: { readonly promise: Promise<unknown>; destroy(): Promise<void> } | undefined;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(fail(`reading the PDF took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  const work = (async () => {
    let doc: PdfDocument;
    try {
      // pdf.js may transfer (detach) the buffer it is given, so it gets a copy.
      const task = pdfjs.getDocument({ data: new Uint8Array(body), verbosity: 0, isEvalSupported: false, useSystemFonts: false, stopAtErrors: false });
      loading = task;
      doc = (await task.promise) as PdfDocument;
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
    // Ends pdf.js's work on the document: after the text was read, and after a failure or a timeout mid-load.
    await loading?.destroy().catch(() => undefined);
  }
}
