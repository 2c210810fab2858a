/** Whitespace and invisible-character clean-up shared by the DOM walk and the matchers. */

// Zero-width characters, soft hyphens and the combining grapheme joiner that
// preheader padding (`&zwnj;&nbsp;` runs) and mail clients sprinkle into text.
const INVISIBLE = /[\u00ad\u034f\u200b-\u200d\u2060\ufeff]/g;
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;

/** Collapses every run of whitespace (no-break and thin spaces too) to one space and trims. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

const FOLD: Record<string, string> = {
  à: 'a', á: 'a', â: 'a', ã: 'a', ä: 'a', å: 'a', æ: 'a', ç: 'c', è: 'e', é: 'e', ê: 'e', ë: 'e', ì: 'i', í: 'i', î: 'i',
  ï: 'i', ñ: 'n', ò: 'o', ó: 'o', ô: 'o', õ: 'o', ö: 'o', ø: 'o', ù: 'u', ú: 'u', û: 'u', ü: 'u', ý: 'y', ÿ: 'y',
};

/**
 * Lower case with Latin diacritics removed, for matching labels (`Förfallodatum` →
 * `forfallodatum`). Keeps the length, so an index in the folded text is an index in the original.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  const folded = lower.length === text.length ? lower : text.replace(/[A-ZÀ-Þ]/g, (c) => c.toLowerCase());
  return folded.replace(/[à-ÿ]/g, (c) => FOLD[c] ?? c);
}

/** Letters and digits only, folded: `Jack & Jones` → `jackjones`, `H&M` → `hm`. */
export function normalizeVendor(text: string): string {
  return foldText(text).replace(/&|\band\b|\boch\b/g, '').replace(/[^a-z0-9]/g, '');
}
