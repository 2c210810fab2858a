import { currencyCounts, currencyMarkerIn, resolveKrona } from '../currency';
import { foldText } from '../text-normalize';
import type { TextLine } from '../text-lines';
import type { CurrencyCode } from '../types';
import type { TotalFound } from './total';

const SWEDISH_WORDS = /(?<![a-z])(?:att betala|totalt|summa|moms|kvitto|tack for|bestallning|leverans|frakt|rabatt)(?![a-z])/;

/**
 * The total's currency: the marker next to the total, else on its line, else the
 * document's most frequent marker, else SEK for a Swedish-language receipt.
 */
export function findCurrency(lines: readonly TextLine[], total: TotalFound | null): CurrencyCode | null {
  const allText = lines.map((l) => l.text).join('\n');
  const counts = currencyCounts(allText);
  const resolve = (m: CurrencyCode | 'KR' | null): CurrencyCode | null => (m === 'KR' ? resolveKrona(counts) : m);
  if (total) {
    const near = resolve(currencyMarkerIn(total.text)) ?? resolve(currencyMarkerIn(total.lineText));
    if (near) return near;
  }
  let best: CurrencyCode | 'KR' | null = null;
  let bestCount = 0;
  for (const [code, n] of counts) if (n > bestCount) [best, bestCount] = [code, n];
  if (best) return resolve(best);
  return SWEDISH_WORDS.test(foldText(allText)) ? 'SEK' : null;
}
