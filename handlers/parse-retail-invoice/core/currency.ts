import type { ReceiptLanguage } from './language';
import type { CurrencyCode } from './types';

/**
 * Currency grammar: ISO codes, symbols and words to ISO 4217. `kr`, `kronor`,
 * `:-` and `,-` are "some krona": Swedish, Norwegian or Danish by the document's
 * own codes, its language, and Danish `kr.`.
 */
const MARKERS: ReadonlyArray<readonly [RegExp, CurrencyCode | 'KR']> = [
  [/\bSEK\b/i, 'SEK'],
  [/\bEUR\b|€|\beuros?\b/i, 'EUR'],
  [/\bUSD\b|US\$|\$/i, 'USD'],
  [/\bGBP\b|£/i, 'GBP'],
  [/\bNOK\b/i, 'NOK'],
  [/\bDKK\b/i, 'DKK'],
  [/\bkr\b\.?|\bkronor\b|\bkroner\b|\d[:,]-(?!\d)|\bsvenska kronor\b/i, 'KR'],
];

// Danish writes `249,00 kr.` and `kr. 249,00`; Swedish and Norwegian write `kr` without the dot.
const DANISH_KR = /\d\s?kr\.(?!\w)|\bkr\.\s?\d/i;

/** The currency named in a short piece of text (an amount's cell), or null. `KR` means "some krona". */
export function currencyMarkerIn(text: string): CurrencyCode | 'KR' | null {
  for (const [re, code] of MARKERS) if (re.test(text)) return code;
  return null;
}

/** How often each marker occurs in the document's text. */
export function currencyCounts(text: string): Map<CurrencyCode | 'KR', number> {
  const counts = new Map<CurrencyCode | 'KR', number>();
  for (const [re, code] of MARKERS) {
    const n = text.match(new RegExp(re.source, 'gi'))?.length ?? 0;
    if (n) counts.set(code, (counts.get(code) ?? 0) + n);
  }
  return counts;
}

const KRONA_OF: Partial<Record<ReceiptLanguage, CurrencyCode>> = { sv: 'SEK', da: 'DKK', nb: 'NOK' };

/**
 * Resolves a `KR` marker: the document's explicit SEK/NOK/DKK codes first, then its
 * language (`lang="da"` → DKK, `nb` → NOK), then Danish `kr.`; SEK otherwise.
 */
export function resolveKrona(counts: ReadonlyMap<CurrencyCode | 'KR', number>, language: ReceiptLanguage | null = null, text = ''): CurrencyCode {
  const nok = counts.get('NOK') ?? 0;
  const dkk = counts.get('DKK') ?? 0;
  const sek = counts.get('SEK') ?? 0;
  if (nok > sek && nok >= dkk) return 'NOK';
  if (dkk > sek && dkk > nok) return 'DKK';
  if (sek > 0) return 'SEK';
  const byLanguage = language ? KRONA_OF[language] : undefined;
  if (byLanguage) return byLanguage;
  return DANISH_KR.test(text) ? 'DKK' : 'SEK';
}

/** The krona of a language, for a receipt that shows no currency at all. */
export function kronaOfLanguage(language: ReceiptLanguage | null): CurrencyCode | null {
  return (language && KRONA_OF[language]) ?? null;
}
