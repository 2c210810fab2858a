import { currencyCounts, currencyMarkerIn, kronaOfLanguage, resolveKrona } from '../currency';
import type { ReceiptLanguage } from '../language';
import type { TextLine } from '../text-lines';
import type { CurrencyCode } from '../types';
import type { TotalFound } from './total';

/**
 * The total's currency: the marker next to the total, else on its line, else the
 * document's most frequent marker, else the krona of a Scandinavian-language
 * receipt. A krona marker is resolved by the document's codes and language.
 */
export function findCurrency(lines: readonly TextLine[], total: TotalFound | null, language: ReceiptLanguage | null): CurrencyCode | null {
  const allText = lines.map((l) => l.text).join('\n');
  const counts = currencyCounts(allText);
  const resolve = (m: CurrencyCode | 'KR' | null): CurrencyCode | null => (m === 'KR' ? resolveKrona(counts, language, allText) : m);
  if (total) {
    const near = resolve(currencyMarkerIn(total.text)) ?? resolve(currencyMarkerIn(total.lineText));
    if (near) return near;
  }
  let best: CurrencyCode | 'KR' | null = null;
  let bestCount = 0;
  for (const [code, n] of counts) if (n > bestCount) [best, bestCount] = [code, n];
  if (best) return resolve(best);
  return kronaOfLanguage(language);
}
