import { findLabelled, type LabelledValue } from '../label-finder';
import type { LabelSet } from '../labels';
import { ORDER_ID_LABELS } from '../labels';
import { parseDate } from '../dates';
import type { TextLine } from '../text-lines';

const ID_TOKEN = /^[A-Za-z0-9][A-Za-z0-9\-/._]*[A-Za-z0-9]$/;
const FILLER = /^(?:nr|no|number|nummer|num|id|ref|is|är|ar|:|#)\.?$/i;

/**
 * An order, receipt or booking identifier from the start of a value: one token of
 * letters, digits and `-/._`, 3–40 long, with a digit (or 5–8 capitals, like a PNR),
 * not a date, time or decimal amount.
 */
// `5112 3344 8812`: groups of 3–5 digits written apart, read as one id.
const DIGIT_GROUPS = /^#?\s*(\d{3,5}(?: \d{2,5}){1,4}|\d{2}(?: \d{3,5}){2,4})(?![\d.,:/-]|\s*(?:kr|sek|nok|dkk|eur|usd|gbp|€|\$|£|%|st\b|kwh|gb))/i;

export function parseIdentifier(text: string): string | null {
  const grouped = DIGIT_GROUPS.exec(text.trim());
  if (grouped && grouped[1].length <= 40) return grouped[1];
  const tokens = text.split(/[\s:#]+/).filter(Boolean);
  let token = tokens.shift();
  while (token && FILLER.test(token)) token = tokens.shift();
  if (!token) return null;
  token = token.replace(/^[#(\[]+|[)\].,;:!]+$/g, '');
  if (token.length < 3 || token.length > 40 || !ID_TOKEN.test(token)) return null;
  const hasDigit = /\d/.test(token);
  if (!hasDigit && !/^[A-Z]{5,8}$/.test(token)) return null;
  if (parseDate(token) || /^\d{1,2}[:.]\d{2}$/.test(token) || /^\d+[.,]\d{1,2}$/.test(token)) return null;
  return token;
}

/** The labelled identifier of `set` with the strongest label, first in document order. */
export function findIdentifier(lines: readonly TextLine[], set: LabelSet): string | null {
  const found = findLabelled(lines, set, parseIdentifier);
  if (!found.length) return null;
  const bestTier = Math.min(...found.map((c) => c.tier));
  return (found.find((c) => c.tier === bestTier) as LabelledValue<string>).value;
}

// "Tack för din beställning #A1234!" — an order number inside a sentence, after `#` or `nr`.
const IN_SENTENCE = /(?:order|beställning|bestallning|booking|bokning|kvitto|receipt)(?:nummer|number|nr|no)?\.?\s*(?:nr\.?|no\.?|number|nummer|confirmation|bekräftelse)?\s*[#:]\s*([A-Za-z0-9][A-Za-z0-9-]{2,39})/i;

/** The order id: the strongest labelled identifier, else one after `order #` in a sentence or the title. */
export function findOrderId(lines: readonly TextLine[], title = ''): string | null {
  const labelled = findIdentifier(lines, ORDER_ID_LABELS);
  if (labelled) return labelled;
  for (const text of [...lines.map((l) => l.text), title]) {
    const m = IN_SENTENCE.exec(text);
    if (m) {
      const id = parseIdentifier(m[1]);
      if (id) return id;
    }
  }
  return null;
}
