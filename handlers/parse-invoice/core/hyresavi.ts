/**
 * The Wallenstam "Hyresavi" (rent notice), read from positioned text.
 *
 * Header fields are found by their labels: the OCR number (10 digits followed by
 * ` #`), `Förfallodatum: YYYY-MM-DD` and `Totalt att betala:` with its amount beside
 * or below it. The breakdown is a two-column table (labels left, amounts
 * right-aligned) that starts at the `Hyra` row and ends at the total. Labels and
 * amounts are paired by position, never by text order.
 */
import { parseAmount } from '../../shared/amounts';
import { calendarDate } from '../../shared/calendar-date';
import { InvoiceParseError } from '../../shared/errors';
import { groupLines, normalizeSpaces, type Segment, type TextItem, type TextLine } from './layout';

export interface BreakdownLine {
  /** The label as printed, e.g. `Kallvatten 2025-01-01 - 2025-01-31`. */
  readonly label: string;
  readonly amount: number;
  /** The amount as printed, without currency, e.g. `8 123,50`. */
  readonly amountText: string;
}

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

/** A RentalInvoices item, with the original attribute names (PAYPULSE_REFERENCE §4.4). */
export interface RentalInvoiceRecord {
  readonly UserID: string;
  readonly InvoiceID: string;
  readonly OCR: string;
  /** DD-MM-YYYY. */
  readonly 'Due Date': string;
  /** Month without zero padding, e.g. `"3"`; a GSI key, hence a string. */
  readonly due_date_month: string;
  readonly due_date_year: string;
  readonly 'Total Amount': number;
  readonly Hyra: number;
  readonly Kallvatten: number;
  readonly Varmvatten: number;
  readonly El: number;
  readonly Moms?: number;
  /** The file stem, e.g. `Hyresavi_1297534008`. */
  readonly Filename: string;
  /** Any other breakdown line: label → amount as printed. */
  readonly [label: string]: string | number | undefined;
}

export interface RecordIdentity {
  readonly userId: string;
  readonly invoiceId: string;
  /** The file stem. */
  readonly filename: string;
}

// --- header fields ---------------------------------------------------------------

const OCR_HASH = /(?<!\d)(\d{10})\s?#/;
const OCR_LABELLED = /\bOCR[^\d\n]{0,30}(\d{10})(?!\d)/i;
const DUE_LABEL = /f[öo]rfallodatum|f[öo]rfallodag/i;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const TOTAL_LABELS = [/totalt?\s+att\s+betala/i, /summa\s+att\s+betala/i, /att\s+betala/i];
const MOMS_LABEL = /^\W*(?:varav\s+)?moms\b\s*:?/i;
/** How far below a label its value may be printed, in line heights. */
const BELOW_REACH = 4;

function fieldMissing(field: string, detail: string): InvoiceParseError {
  return new InvoiceParseError(`Error parsing invoice: missing ${field} (${detail})`, { context: { field } });
}

/** The amount in a cell, tolerating `*`, parentheses and a currency (`8 123,50 kr`). Dates and percentages are not amounts. */
function cellAmount(text: string): number | null {
  if (ISO_DATE.test(text) || /%/.test(text)) return null;
  return parseAmount(text.replace(/[*()]/g, ' '));
}

function cleanAmountText(text: string): string {
  return normalizeSpaces(text.replace(/[*()]/g, ' ').replace(/\b(?:kr|kronor|sek)\b\.?|:-/gi, ' '));
}

const CURRENCY_ONLY = /^(?:kr|kronor|sek|:-)\.?$/i;

/** Segments with a lone currency cell (`8 123` `kr`) folded into the amount before it. */
function cells(line: TextLine): Segment[] {
  const out: Segment[] = [];
  for (const s of line.segments) {
    const prev = out[out.length - 1];
    if (prev && CURRENCY_ONLY.test(s.text)) out[out.length - 1] = { text: `${prev.text} ${s.text}`, x: prev.x, right: s.right };
    else out.push(s);
  }
  return out;
}

function horizontallyNear(a: { x: number; right: number }, b: { x: number; right: number }, slack: number): boolean {
  return a.x - slack <= b.right && b.x - slack <= a.right;
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

function findOcr(lines: readonly TextLine[]): string {
  for (const pattern of [OCR_HASH, OCR_LABELLED]) {
    for (const line of lines) {
      const m = pattern.exec(line.text) ?? pattern.exec(line.text.replace(/(\d) (?=\d)/g, '$1'));
      if (m) return m[1];
    }
  }
  throw fieldMissing('OCR', "no 10-digit number followed by ' #'");
}

function findDueDate(lines: readonly TextLine[]): string {
  for (let i = 0; i < lines.length; i++) {
    if (!DUE_LABEL.test(lines[i].text)) continue;
    const found = valueFor(lines, i, DUE_LABEL, readIsoDate);
    if (found) return found.value;
  }
  throw fieldMissing('Due Date', "no 'Förfallodatum: YYYY-MM-DD'");
}

function findTotal(lines: readonly TextLine[]): Found<number> & { labelIndex: number } {
  for (const label of TOTAL_LABELS) {
    for (let i = 0; i < lines.length; i++) {
      if (!label.test(lines[i].text)) continue;
      const found = valueFor(lines, i, label, cellAmount);
      if (found) return { ...found, labelIndex: i };
    }
  }
  throw fieldMissing('Total Amount', "no amount beside or below 'Totalt att betala:'");
}

function findMoms(lines: readonly TextLine[]): number | undefined {
  for (let i = 0; i < lines.length; i++) {
    for (const cell of cells(lines[i])) {
      if (!MOMS_LABEL.test(cell.text) || !/:|varav/i.test(cell.text + lines[i].text)) continue;
      const found = valueFor(lines, i, /\bmoms\b\s*:?/i, cellAmount);
      if (found) return found.value;
    }
  }
  return undefined;
}

// --- breakdown -----------------------------------------------------------------

interface Column {
  readonly x: number;
  readonly right: number;
}

interface RowParts {
  readonly index: number;
  readonly line: TextLine;
  readonly label: string;
  readonly value?: { readonly text: string; readonly amount: number };
}

const BREAKDOWN_END = /f[öo]rfallodatum|totalt?\b|summa\b|att\s+betala/i;
const AMOUNT_AT_END = /^(.*\p{L}.*?)\s+(-?\d{1,3}(?:[ .]\d{3})+(?:,\d{1,2})?|-?\d+(?:[.,]\d{1,2})?)(\s*(?:kr|sek|:-))?$/iu;

type ValueCell = Segment & { readonly amount: number };

/** When a label and its amount arrive as one text item (`Hyra      8 123`), split them at the final number. */
function splitJoinedCell(cell: Segment): { label: Segment; value: ValueCell } | null {
  const m = AMOUNT_AT_END.exec(cell.text);
  if (!m) return null;
  const text = m[2] + (m[3] ?? '');
  const amount = cellAmount(text);
  if (amount === null) return null;
  return { label: { text: m[1].trim(), x: cell.x, right: cell.right }, value: { text, x: cell.right, right: cell.right, amount } };
}

/**
 * A line's label cells and amount cell: the rightmost cell that is an amount (and in
 * the amount column, when `column` is known), or else the number that ends the last
 * cell (`joined`). Cells right of the amount are not part of the row.
 */
function splitRow(
  cellsOfLine: readonly Segment[],
  column: Column | null,
  slack: number,
): { label: Segment[]; value?: ValueCell; joined?: boolean } {
  for (let k = cellsOfLine.length - 1; k >= 0; k--) {
    const cell = cellsOfLine[k];
    const amount = cellAmount(cell.text);
    if (amount !== null && (!column || horizontallyNear(cell, column, slack))) {
      return { label: cellsOfLine.slice(0, k), value: { ...cell, amount } };
    }
  }
  const last = cellsOfLine[cellsOfLine.length - 1];
  if (last && (!column || Math.abs(last.right - column.right) <= slack)) {
    const joined = splitJoinedCell(last);
    if (joined) return { label: [...cellsOfLine.slice(0, -1), joined.label], value: joined.value, joined: true };
  }
  return { label: [...cellsOfLine] };
}

function labelText(label: readonly Segment[]): string {
  return normalizeSpaces(label.map((c) => c.text).join(' ').replace(/[*()]/g, ' '));
}

/** A row whose label holds `Hyra`; `strict` wants the amount in a cell of its own. */
function isHyraRow(line: TextLine, strict: boolean): boolean {
  const { label, value, joined } = splitRow(cells(line), null, 0);
  if (!value || !/hyra/i.test(labelText(label))) return false;
  return !strict || !joined;
}

/** The first breakdown row: the top `Hyra` row, else the top of the block of amount rows just above the total. */
function findStart(lines: readonly TextLine[], totalLabelIndex: number): number | null {
  for (const strict of [true, false]) {
    const hyra = lines.findIndex((line) => isHyraRow(line, strict));
    if (hyra >= 0) return hyra;
  }
  let start: number | null = null;
  for (let i = totalLabelIndex - 1; i >= 0; i--) {
    const below = lines[start ?? totalLabelIndex];
    if (below.y - lines[i].y > 2.5 * lines[i].height) break;
    if (splitRow(cells(lines[i]), null, 0).value) start = i;
  }
  return start;
}

/**
 * Stops at the total, the due date or a gap this many line heights tall. A table with
 * nothing below it on its page goes on at the next page, below a running head of at
 * most RUNNING_HEAD lines without amounts.
 */
const TABLE_GAP = 4;
const RUNNING_HEAD = 3;

function readRows(lines: readonly TextLine[], start: number): RowParts[] {
  const first = splitRow(cells(lines[start]), null, 0);
  if (!first.value) return [];
  const column: Column = { x: first.value.x, right: first.value.right };
  const labelLeft = first.label[0]?.x ?? first.value.x;
  const rows: RowParts[] = [];
  let lastY = lines[start].y;
  let page = lines[start].page;
  let headLines = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const nextPage = line.page !== page;
    if (!nextPage && line.y - lastY > TABLE_GAP * line.height) break;
    const slack = 1.5 * line.height;
    // Only the table's own columns: text left of the labels or right of the amounts is other content.
    const inTable = cells(line).filter((c) => c.x >= labelLeft - slack && c.x <= column.right + slack);
    if (inTable.length === 0) continue;
    const { label, value } = splitRow(inTable, column, slack);
    const text = labelText(label);
    // The next page's running head (title, column headings) comes before the table goes on.
    if (nextPage && !value && !BREAKDOWN_END.test(text)) {
      if (++headLines > RUNNING_HEAD) break;
      continue;
    }
    headLines = 0;
    lastY = line.y;
    page = line.page;
    if (i > start && BREAKDOWN_END.test(text)) break;
    if (MOMS_LABEL.test(text) || (!value && text === '')) continue;
    rows.push({ index: i, line, label: text, ...(value ? { value: { text: cleanAmountText(value.text), amount: value.amount } } : {}) });
  }
  return rows;
}

/**
 * Pairs rows into breakdown lines. A label wrapped over several lines has its amount
 * on one of them (first, last, or centred between them on a line of its own); the
 * label-only lines are joined to the amount row they sit closest to.
 */
function pairRows(rows: readonly RowParts[]): BreakdownLine[] {
  const labels = new Map<RowParts, string[]>();
  const labelOnly = rows.filter((r) => !r.value && r.label !== '');
  const used = new Set<RowParts>();
  const withValue = rows.filter((r) => r.value);
  for (const r of withValue) labels.set(r, r.label === '' ? [] : [r.label]);

  // An amount printed on a line of its own takes the label line(s) around it.
  for (const r of withValue.filter((v) => v.label === '')) {
    const near = labelOnly
      .filter((l) => !used.has(l) && Math.abs(l.line.y - r.line.y) <= 1.6 * r.line.height)
      .sort((a, b) => Math.abs(a.line.y - r.line.y) - Math.abs(b.line.y - r.line.y));
    if (near.length === 0) continue;
    const closest = Math.abs(near[0].line.y - r.line.y);
    const taken = near.filter((l) => Math.abs(l.line.y - r.line.y) <= closest + 0.3 * r.line.height).sort((a, b) => a.line.y - b.line.y);
    for (const l of taken) used.add(l);
    labels.set(r, taken.map((l) => l.label));
  }

  // Continuation lines of a wrapped label join the nearest amount row (the one above on a tie).
  for (const l of labelOnly.filter((x) => !used.has(x))) {
    let best: RowParts | undefined;
    let bestDistance = Infinity;
    for (const r of withValue) {
      const distance = Math.abs(r.line.y - l.line.y);
      if (distance > 1.6 * Math.max(r.line.height, l.line.height)) continue;
      const above = r.line.y < l.line.y;
      if (distance < bestDistance - 0.01 || (Math.abs(distance - bestDistance) <= 0.01 && above)) {
        best = r;
        bestDistance = distance;
      }
    }
    if (!best) continue;
    const parts = labels.get(best) ?? [];
    if (best.line.y < l.line.y) parts.push(l.label);
    else parts.unshift(l.label);
    labels.set(best, parts);
  }

  return withValue
    .map((r) => ({ label: normalizeSpaces((labels.get(r) ?? []).join(' ')), amount: r.value!.amount, amountText: r.value!.text }))
    .filter((b) => b.label !== '');
}

function findBreakdown(lines: readonly TextLine[], totalLabelIndex: number): BreakdownLine[] {
  const start = findStart(lines, totalLabelIndex);
  if (start === null) return [];
  return pairRows(readRows(lines, start));
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

// --- record --------------------------------------------------------------------

type NumericField = 'Hyra' | 'Kallvatten' | 'Varmvatten' | 'El';

const NUMERIC_FIELDS: ReadonlyArray<[NumericField, RegExp]> = [
  ['Hyra', /^hyra\b/i],
  ['Kallvatten', /^kallvatten/i],
  ['Varmvatten', /^varmvatten/i],
  ['El', /^el(?:\s+enligt\b|\b(?![-åäö]))/i],
];

/** Lines the original drops from the record. */
const DROPPED = [/^mervärdesskatt\b/i, /^retroaktiv\s+hyra\s+avser\b/i];

const RESERVED = new Set(['UserID', 'InvoiceID', 'OCR', 'Due Date', 'due_date_month', 'due_date_year', 'Total Amount', 'Moms', 'Filename']);

function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The RentalInvoices item for a parsed Hyresavi. */
export function toRentalInvoiceRecord(invoice: HyresaviInvoice, identity: RecordIdentity): RentalInvoiceRecord {
  const numeric: Record<NumericField, number> = { Hyra: 0, Kallvatten: 0, Varmvatten: 0, El: 0 };
  const others: Record<string, string> = {};
  for (const line of invoice.breakdown) {
    if (DROPPED.some((p) => p.test(line.label))) continue;
    const field = NUMERIC_FIELDS.find(([, p]) => p.test(line.label))?.[0];
    if (field) {
      // Two lines of one kind (e.g. cold water for two periods) add up.
      numeric[field] = cents(numeric[field] + line.amount);
      continue;
    }
    if (RESERVED.has(line.label) || line.label in numeric) continue;
    let key = line.label;
    for (let n = 2; key in others; n++) key = `${line.label} (${n})`;
    others[key] = line.amountText;
  }
  const [year, month, day] = invoice.dueDate.split('-');
  return {
    ...others,
    UserID: identity.userId,
    InvoiceID: identity.invoiceId,
    OCR: invoice.ocr,
    'Due Date': `${day}-${month}-${year}`,
    due_date_month: String(Number(month)),
    due_date_year: year,
    'Total Amount': invoice.totalAmount,
    ...numeric,
    ...(invoice.moms === undefined ? {} : { Moms: invoice.moms }),
    Filename: identity.filename,
  };
}
