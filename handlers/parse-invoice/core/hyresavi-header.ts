/**
 * The Hyresavi's header fields, found by their labels: the OCR number (10 digits
 * followed by ` #`), `Förfallodatum: YYYY-MM-DD`, `Totalt att betala:` with its amount
 * beside or below it, and the VAT (`Moms`).
 */
import { calendarDate } from '../../shared/calendar-date';
import { InvoiceParseError } from '../../shared/errors';
import { cellAmount, cells, horizontallyNear, ISO_DATE } from './hyresavi-cells';
import type { Segment, TextLine } from './layout';

const OCR_HASH = /(?<!\d)(\d{10})\s?#/;
const OCR_LABELLED = /\bOCR[^\d\n]{0,30}(\d{10})(?!\d)/i;
const DUE_LABEL = /f[öo]rfallodatum|f[öo]rfallodag/i;
const TOTAL_LABELS = [/totalt?\s+att\s+betala/i, /summa\s+att\s+betala/i, /att\s+betala/i];
export const MOMS_LABEL = /^\W*(?:varav\s+)?moms\b\s*:?/i;
/** How far below a label its value may be printed, in line heights. */
const BELOW_REACH = 4;

function fieldMissing(field: string, detail: string): InvoiceParseError {
  return new InvoiceParseError(`Error parsing invoice: missing ${field} (${detail})`, { context: { field } });
}

interface Found<T> {
  readonly value: T;
  readonly lineIndex: number;
}

/**
 * The value printed for a label: first in the rest of the label's own line, then in
 * the lines just below, preferring the cell closest to the label horizontally.
 */
function valueFor<T>(
  lines: readonly TextLine[],
  index: number,
  label: RegExp,
  read: (text: string) => T | null,
): Found<T> | null {
  const line = lines[index];
  const lineCells = cells(line);
  const labelAt = lineCells.findIndex((c) => label.test(c.text));
  // The label's own cell (`Totalt att betala: 8 868`), then the whole rest of the line, then the cells after the label.
  const after = (text: string) => {
    const m = label.exec(text);
    return m ? text.slice(m.index + m[0].length).replace(/^\s*:?\s*/, '') : null;
  };
  for (const text of [labelAt >= 0 ? after(lineCells[labelAt].text) : null, after(line.text)]) {
    const v = text ? read(text) : null;
    if (v !== null) return { value: v, lineIndex: index };
  }
  for (const cell of lineCells.slice(labelAt + 1)) {
    const v = read(cell.text);
    if (v !== null) return { value: v, lineIndex: index };
  }
  const labelCell = lineCells[labelAt] ?? { x: 0, right: Infinity };
  for (let i = index + 1; i < lines.length && lines[i].y - line.y <= BELOW_REACH * line.height; i++) {
    const candidates = cells(lines[i])
      .map((c) => ({ c, v: read(c.text) }))
      .filter((e): e is { c: Segment; v: T } => e.v !== null && e.c.right >= labelCell.x - line.height);
    if (candidates.length === 0) continue;
    const distance = (c: Segment) => (horizontallyNear(c, labelCell, 0) ? 0 : Math.min(Math.abs(c.x - labelCell.right), Math.abs(labelCell.x - c.right)));
    candidates.sort((a, b) => distance(a.c) - distance(b.c));
    return { value: candidates[0].v, lineIndex: i };
  }
  return null;
}

function readIsoDate(text: string): string | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function findOcr(lines: readonly TextLine[]): string {
  for (const pattern of [OCR_HASH, OCR_LABELLED]) {
    for (const line of lines) {
      const m = pattern.exec(line.text) ?? pattern.exec(line.text.replace(/(\d) (?=\d)/g, '$1'));
      if (m) return m[1];
    }
  }
  throw fieldMissing('OCR', "no 10-digit number followed by ' #'");
}

export function findDueDate(lines: readonly TextLine[]): string {
  for (let i = 0; i < lines.length; i++) {
    if (!DUE_LABEL.test(lines[i].text)) continue;
    const found = valueFor(lines, i, DUE_LABEL, readIsoDate);
    if (found) return found.value;
  }
  throw fieldMissing('Due Date', "no 'Förfallodatum: YYYY-MM-DD'");
}

export function findTotal(lines: readonly TextLine[]): Found<number> & { labelIndex: number } {
  for (const label of TOTAL_LABELS) {
    for (let i = 0; i < lines.length; i++) {
      if (!label.test(lines[i].text)) continue;
      const found = valueFor(lines, i, label, cellAmount);
      if (found) return { ...found, labelIndex: i };
    }
  }
  throw fieldMissing('Total Amount', "no amount beside or below 'Totalt att betala:'");
}

export function findMoms(lines: readonly TextLine[]): number | undefined {
  for (let i = 0; i < lines.length; i++) {
    for (const cell of cells(lines[i])) {
      if (!MOMS_LABEL.test(cell.text) || !/:|varav/i.test(cell.text + lines[i].text)) continue;
      const found = valueFor(lines, i, /\bmoms\b\s*:?/i, cellAmount);
      if (found) return found.value;
    }
  }
  return undefined;
}
