import { findLabelled } from '../label-finder';
import { DELIVERY_FEE_LABELS, DISCOUNT_LABELS, TAX_LABELS, type LabelSet } from '../labels';
import { moneyIn } from '../money';
import type { TextLine } from '../text-lines';

const FREE = /^(?:gratis|free|fri(?:tt)?|kostnadsfri|0)(?![\d.,])/i;

function feeIn(text: string): number | null {
  const amount = moneyIn(text);
  if (amount !== null) return Math.abs(amount);
  return FREE.test(text.trim()) ? 0 : null;
}

/** The first amount a label of `set` introduces, as a positive number (`Rabatt -50 kr` → 50). */
export function findLabelledAmount(lines: readonly TextLine[], set: LabelSet): number | null {
  const found = findLabelled(lines, set, feeIn);
  return found.length ? found[0].value : null;
}

export const findDeliveryFee = (lines: readonly TextLine[]) => findLabelledAmount(lines, DELIVERY_FEE_LABELS);
export const findDiscount = (lines: readonly TextLine[]) => findLabelledAmount(lines, DISCOUNT_LABELS);
export const findTax = (lines: readonly TextLine[]) => findLabelledAmount(lines, TAX_LABELS);
