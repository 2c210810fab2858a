/**
 * The Hyresavi's breakdown: a two-column table (labels left, amounts right-aligned) that
 * starts at the `Hyra` row and ends at the total. Labels and amounts are paired by
 * position, never by text order.
 */
import { cellAmount, cells, cleanAmountText, horizontallyNear } from './hyresavi-cells';
import { MOMS_LABEL } from './hyresavi-header';
import { normalizeSpaces, type Segment, type TextLine } from './layout';

export interface BreakdownLine {
  /** The label as printed, e.g. `Kallvatten 2025-01-01 - 2025-01-31`. */
  readonly label: string;
  readonly amount: number;
  /** The amount as printed, without currency, e.g. `8 123,50`. */
  readonly amountText: string;
}

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

export function findBreakdown(lines: readonly TextLine[], totalLabelIndex: number): BreakdownLine[] {
  const start = findStart(lines, totalLabelIndex);
  if (start === null) return [];
  return pairRows(readRows(lines, start));
}
