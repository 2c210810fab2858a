/**
 * Money amounts as written on Swedish and English invoices and receipts.
 *
 *   8 123   8 123,50   8.123,50   8123.50   1,234.56   12,50 kr   SEK 99.00   1 234:-   −50,00
 *
 * Space (also no-break and thin spaces), `.`, `,` and `'` are thousands separators
 * when followed by exactly three digits; `,` or `.` followed by one or two digits is
 * the decimal mark. Values are rounded to whole öre/cents, so 0.1 + 0.2 noise never
 * reaches a record. (The original stripped every non-digit: `8 123,50` became 812350.)
 */
const SPACE = '[ \\u00a0\\u2009\\u202f]';
const GROUPED = `\\d{1,3}(?:(?:${SPACE}|\\.|,|')\\d{3}(?!\\d))+`;
const AMOUNT_SOURCE = `(?<![\\d.,])([-−–]${SPACE}?)?(${GROUPED}|\\d+)(?:([.,:])(\\d{1,2}|-)(?!\\d))?`;

export interface AmountMatch {
  readonly value: number;
  /** The matched text, e.g. `8 123,50`. */
  readonly text: string;
  readonly index: number;
}

function toValue(sign: string | undefined, integerPart: string, mark: string | undefined, fraction: string | undefined): number | null {
  const separators = integerPart.replace(/\d/g, '');
  // A thousands separator equal to the decimal mark is not an amount ("1.234.5").
  if (mark && mark !== ':' && separators.includes(mark)) return null;
  if (new Set(separators.replace(/[ \u00a0\u2009\u202f]/g, ' ')).size > 1) return null;
  const whole = Number(integerPart.replace(/\D/g, ''));
  const cents = fraction && fraction !== '-' ? Number(fraction.padEnd(2, '0')) : 0;
  if (mark === ':' && fraction !== '-' && fraction?.length !== 2) return null;
  const value = (whole * 100 + cents) / 100;
  return sign ? -value : value;
}

/** Every amount in the text, in order. */
export function findAmounts(text: string): AmountMatch[] {
  const matches: AmountMatch[] = [];
  for (const m of text.matchAll(new RegExp(AMOUNT_SOURCE, 'g'))) {
    const value = toValue(m[1], m[2], m[3], m[4]);
    if (value !== null && Number.isFinite(value)) matches.push({ value, text: m[0].trim(), index: m.index ?? 0 });
  }
  return matches;
}

/**
 * The amount in a string that holds one amount and optionally a currency word or
 * sign (`8 123,50 kr`, `SEK 99`, `€12.50`). Returns null when the string holds no
 * amount or anything else that is not a currency marker.
 */
export function parseAmount(text: string): number | null {
  const cleaned = text
    .replace(/\b(?:kr|kronor|sek|nok|dkk|eur|usd|gbp|inkl\.?\s*moms|incl\.?\s*vat)\b\.?/gi, ' ')
    .replace(/[€$£*()]/g, ' ')
    .trim();
  const found = findAmounts(cleaned);
  if (found.length !== 1) return null;
  const rest = cleaned.replace(found[0].text, '').replace(/[\s:=-]/g, '');
  return rest.length === 0 ? found[0].value : null;
}
