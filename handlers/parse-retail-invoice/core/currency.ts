import type { CurrencyCode } from './types';

/**
 * Currency grammar: ISO codes, symbols and words to ISO 4217. `kr`, `kronor` and
 * `:-` are Swedish unless the document itself names NOK or DKK.
 */
const MARKERS: ReadonlyArray<readonly [RegExp, CurrencyCode | 'KR']> = [
  [/\bSEK\b/i, 'SEK'],
  [/\bEUR\b|€|\beuros?\b/i, 'EUR'],
  [/\bUSD\b|US\$|\$/i, 'USD'],
  [/\bGBP\b|£/i, 'GBP'],
  [/\bNOK\b/i, 'NOK'],
  [/\bDKK\b/i, 'DKK'],
  [/\bkr\b\.?|\bkronor\b|\bkroner\b|\d:-|\bsvenska kronor\b/i, 'KR'],
];

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

/** Resolves a `KR` marker to SEK, NOK or DKK from the document's explicit codes. */
export function resolveKrona(counts: ReadonlyMap<CurrencyCode | 'KR', number>): CurrencyCode {
  const nok = counts.get('NOK') ?? 0;
  const dkk = counts.get('DKK') ?? 0;
  const sek = counts.get('SEK') ?? 0;
  if (nok > sek && nok >= dkk) return 'NOK';
  if (dkk > sek && dkk > nok) return 'DKK';
  return 'SEK';
}
