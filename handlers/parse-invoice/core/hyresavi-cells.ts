/** The cells of a Hyresavi's positioned lines and the amounts in them, for the header fields and the breakdown. */
import { parseAmount } from '../../shared/amounts';
import { normalizeSpaces, type Segment, type TextLine } from './layout';

export const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;

/** The amount in a cell, tolerating `*`, parentheses and a currency (`8 123,50 kr`). Dates and percentages are not amounts. */
export function cellAmount(text: string): number | null {
  if (ISO_DATE.test(text) || /%/.test(text)) return null;
  return parseAmount(text.replace(/[*()]/g, ' '));
}

export function cleanAmountText(text: string): string {
  return normalizeSpaces(text.replace(/[*()]/g, ' ').replace(/\b(?:kr|kronor|sek)\b\.?|:-/gi, ' '));
}

const CURRENCY_ONLY = /^(?:kr|kronor|sek|:-)\.?$/i;

/** Segments with a lone currency cell (`8 123` `kr`) folded into the amount before it. */
export function cells(line: TextLine): Segment[] {
  const out: Segment[] = [];
  for (const s of line.segments) {
    const prev = out[out.length - 1];
    if (prev && CURRENCY_ONLY.test(s.text)) out[out.length - 1] = { text: `${prev.text} ${s.text}`, x: prev.x, right: s.right };
    else out.push(s);
  }
  return out;
}

export function horizontallyNear(a: { x: number; right: number }, b: { x: number; right: number }, slack: number): boolean {
  return a.x - slack <= b.right && b.x - slack <= a.right;
}
