/**
 * The Wallenstam "Hyresavi" (rent notice), read from positioned text: the header
 * fields (`hyresavi-header.ts`) and the breakdown table (`hyresavi-breakdown.ts`).
 * `rental-record.ts` turns the result into the RentalInvoices item.
 */
import { InvoiceParseError } from '../../shared/errors';
import { findBreakdown, type BreakdownLine } from './hyresavi-breakdown';
import { findDueDate, findMoms, findOcr, findTotal } from './hyresavi-header';
import { groupLines, type TextItem, type TextLine } from './layout';

export interface HyresaviInvoice {
  /** The 10-digit OCR reference. */
  readonly ocr: string;
  /** YYYY-MM-DD. */
  readonly dueDate: string;
  readonly totalAmount: number;
  readonly moms?: number;
  /** Breakdown rows, top to bottom. */
  readonly breakdown: readonly BreakdownLine[];
}

/** Reads a Hyresavi from its lines, or throws `InvoiceParseError` naming the missing field. */
export function parseHyresaviLines(lines: readonly TextLine[]): HyresaviInvoice {
  if (lines.length === 0) throw new InvoiceParseError('Error parsing invoice: the document has no text', { context: { field: 'text' } });
  const ocr = findOcr(lines);
  const dueDate = findDueDate(lines);
  const total = findTotal(lines);
  const moms = findMoms(lines);
  const breakdown = findBreakdown(lines, total.labelIndex);
  return { ocr, dueDate, totalAmount: total.value, ...(moms === undefined ? {} : { moms }), breakdown };
}

/** Reads a Hyresavi from positioned text items (see `extractPdfText`). */
export function parseHyresavi(items: readonly TextItem[]): HyresaviInvoice {
  return parseHyresaviLines(groupLines(items));
}
