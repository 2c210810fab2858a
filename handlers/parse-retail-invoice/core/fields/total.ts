import { findLabelled, type LabelledValue } from '../label-finder';
import { TOTAL_LABELS } from '../labels';
import { moneyIn } from '../money';
import type { TextLine } from '../text-lines';

export interface TotalFound {
  readonly amount: number;
  /** The value's text and its whole line, where the currency is read from. */
  readonly text: string;
  readonly lineText: string;
}

/**
 * The amount actually paid: the strongest total label wins (`Att betala`, `Amount
 * paid`, `Order total` over a bare `Total`); among equals, the last one, since
 * receipts end their summary with the grand total. Subtotals, VAT, discounts and
 * fees are excluded by the label dictionary. Null when no labelled total exists:
 * a guessed amount is worse than none.
 */
export function findTotal(lines: readonly TextLine[]): TotalFound | null {
  const candidates = findLabelled(lines, TOTAL_LABELS, moneyIn).filter((c) => c.value >= 0);
  if (candidates.length === 0) return null;
  const bestTier = Math.min(...candidates.map((c) => c.tier));
  const inTier = candidates.filter((c) => c.tier === bestTier);
  const chosen = inTier[inTier.length - 1] as LabelledValue<number>;
  return { amount: chosen.value, text: chosen.text, lineText: lines[chosen.lineIndex].text };
}
