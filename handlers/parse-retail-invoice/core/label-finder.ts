import type { LabelSet } from './labels';
import { foldText } from './text-normalize';
import type { TextLine } from './text-lines';

/** Where a labelled value was found relative to its label. */
export type Proximity = 'same-cell' | 'next-cell' | 'next-line';

export interface LabelledValue<T> {
  readonly value: T;
  readonly label: string;
  readonly tier: number;
  readonly lineIndex: number;
  readonly proximity: Proximity;
  /** The raw text the value was read from. */
  readonly text: string;
}

/** Reads a value from a piece of text, or null when the text holds none. */
export type ValueParser<T> = (text: string) => T | null;

interface CompiledSet {
  /** Every label in one alternation, longest first, so the longest label at the cell start wins. */
  readonly re: RegExp;
  readonly tiers: ReadonlyMap<string, number>;
  readonly exclude: RegExp | null;
}

const compiled = new WeakMap<LabelSet, CompiledSet>();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Phrases that say a total includes VAT: not a reason to exclude it.
const INCLUSIVE = /\(?\b(?:inkl(?:usive)?|incl(?:uding|usive)?|inc)\b\.?\s*(?:moms|vat|tax|skatt|mva|mwst|ust)\.?\)?|\(\s*\d+\s*(?:items?|artiklar|varor|produkter|products?|st)\s*\)/g;

function compile(set: LabelSet): CompiledSet {
  const cached = compiled.get(set);
  if (cached) return cached;
  const sorted = [...set.labels].sort((a, b) => b.label.length - a.label.length);
  const tiers = new Map<string, number>();
  for (const { label, tier } of sorted) if (!tiers.has(label)) tiers.set(label, tier);
  // At the start of a cell, after at most a few bullets or symbols; a whole word.
  const alternatives = [...tiers.keys()].map((label) => `${escape(label)}${/[a-z]$/.test(label) ? '(?![a-z])' : ''}`);
  const re = new RegExp(`^[^a-z0-9]{0,3}(${alternatives.join('|')})`);
  const exclude = set.exclude.length ? new RegExp(`(?<![a-z])(?:${set.exclude.join('|')})`) : null;
  const result = { re, tiers, exclude };
  compiled.set(set, result);
  return result;
}

const folding = new WeakMap<readonly string[], string[]>();

/** A line's cells folded once for all label sets. */
function foldedCells(cells: readonly string[]): string[] {
  let folded = folding.get(cells);
  if (!folded) {
    folded = cells.map(foldText);
    folding.set(cells, folded);
  }
  return folded;
}

const VALUE_PUNCTUATION = /^[\s:;=\-–—#.*|/]*(?:\((?:[^)]*)\)[\s:;=\-–—]*)?/;

/** The label context: the label plus any words before the first digit or currency sign. */
function labelContext(foldedCell: string, labelEnd: number): string {
  const rest = foldedCell.slice(labelEnd);
  const valueStart = rest.search(/[\d€$£]/);
  return (foldedCell.slice(0, labelEnd) + ' ' + (valueStart < 0 ? rest : rest.slice(0, valueStart))).replace(INCLUSIVE, ' ').replace(/\s+/g, ' ');
}

/**
 * Every value introduced by a label of `set`, read by proximity: the rest of the
 * label's cell, else the next cells of its line, else (when the label stands alone
 * on its line) the next line. Candidates come in document order.
 */
export function findLabelled<T>(lines: readonly TextLine[], set: LabelSet, parse: ValueParser<T>): LabelledValue<T>[] {
  const { re, tiers, exclude } = compile(set);
  const found: LabelledValue<T>[] = [];
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const cells = lines[lineIndex].cells;
    for (let cellIndex = 0; cellIndex < cells.length; cellIndex++) {
      const cell = cells[cellIndex];
      if (cell.length > 160) continue;
      const folded = foldedCells(cells)[cellIndex];
      const match = re.exec(folded);
      if (!match) continue;
      const end = match[0].length;
      if (exclude?.test(labelContext(folded, end))) continue;
      const base = { label: match[1], tier: tiers.get(match[1]) ?? 1, lineIndex };
      const rest = cell.slice(end).replace(VALUE_PUNCTUATION, '').trim();
      if (rest) {
        const value = parse(rest);
        if (value !== null) {
          found.push({ ...base, value, proximity: 'same-cell', text: rest });
          break;
        }
      }
      let taken = false;
      const headerRow = !rest && cells.length > 2 && !/\d/.test(lines[lineIndex].text);
      for (let next = cellIndex + 1; next < cells.length && !taken && !headerRow; next++) {
        const value = parse(cells[next]);
        if (value !== null) {
          found.push({ ...base, value, proximity: 'next-cell', text: cells[next] });
          taken = true;
        }
      }
      if (taken) break;
      const nextLine = lines[lineIndex + 1];
      if (!rest && nextLine) {
        const text = valueBelow(lines, lineIndex, cellIndex);
        const value = text === null ? null : parse(text);
        if (value !== null && text !== null) found.push({ ...base, value, proximity: 'next-line', text });
      }
      break;
    }
  }
  return found;
}

/**
 * The text below a label that has no value beside it: the next line's first cell
 * when the label stands alone (stacked divs), or the same column of the next row
 * when the label heads a column (`Ordernummer | Datum` over `12345 | 2025-03-14`).
 * A header over several value rows of the same shape is an item table: no single value.
 */
function valueBelow(lines: readonly TextLine[], lineIndex: number, cellIndex: number): string | null {
  const line = lines[lineIndex];
  const next = lines[lineIndex + 1];
  if (line.cells.length === 1) return next.cells.length <= 2 ? next.cells[0] : null;
  if (/\d/.test(line.text) || next.cells.length !== line.cells.length) return null;
  if (next.group !== line.group) return null;
  // Two value rows under one header are an item table; a second row of labels is a stacked grid.
  const after = lines[lineIndex + 2];
  if (after && after.group === line.group && after.cells.length === line.cells.length && /\d/.test(after.text)) return null;
  return next.cells[cellIndex];
}

/** Whether a cell starts with one of the set's labels (exclusions ignored). */
export function startsWithLabel(cell: string, set: LabelSet): boolean {
  return compile(set).re.test(foldText(cell));
}
