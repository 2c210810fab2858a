import { findAmounts } from '../../shared/amounts';
import { currencyMarkerIn } from './currency';
import { findDate } from './dates';

// Things that look like amounts but are not: dates, times, percentages, phone-like runs.
const NOT_AMOUNTS = [
  /\b\d{4}-\d{1,2}-\d{1,2}\b/g,
  /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/g,
  /\b\d{1,2}:\d{2}(?::\d{2})?\b(?!-)/g,
  /\d+(?:[.,]\d+)?\s*%/g,
  /(?:[*•·xX]{2,}|ending (?:in|with)|ends in|slutar på)\s*\d{2,4}\b/gi,
  /\b\d{1,2}(?:st|nd|rd|th|:e)?\.?\s+(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-zä]*\.?,?\s+\d{4}\b/gi,
  /\b(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/gi,
  /\b\d+(?:[.,]\d+)?\s*(?:kwh|kg|g|l|ml|gb|mb|st|pcs|x|m3|m³|km|min|h|dagar|days|nätter|nights|månader|months)\b/gi,
];

const CURRENCY_NEAR = /(?:kr|kronor|sek|eur|usd|gbp|nok|dkk|€|\$|£)\s*$|^\s*(?:kr\b|kronor|sek|eur|usd|gbp|nok|dkk|€|\$|£|:-)/i;

/**
 * The money amount in a value cell: dates, times, percentages and measures are
 * ignored; of several amounts, the last one next to a currency marker wins, else
 * the last one. Null when the text has no amount or is mostly words (a sentence
 * that merely contains a number).
 */
export function moneyIn(text: string): number | null {
  if (text.length > 80) return null;
  let cleaned = text;
  for (const re of NOT_AMOUNTS) cleaned = cleaned.replace(re, (m) => ' '.repeat(m.length));
  // Dates in every form the date grammar knows (`Tue, 11 Feb 25`, `14. März 2025`, `21MAR25`).
  for (let date = findDate(cleaned), n = 0; date && n < 3; date = findDate(cleaned), n++) {
    cleaned = cleaned.slice(0, date.index) + ' '.repeat(date.length) + cleaned.slice(date.index + date.length);
  }
  const amounts = findAmounts(cleaned);
  if (amounts.length === 0) return null;
  const words = cleaned.replace(/[\d\s.,:;()\-–−+*€$£%/]|\b(?:kr|kronor|sek|eur|usd|gbp|nok|dkk|inkl|incl|moms|vat)\b/gi, '');
  if (words.length > 24) return null;
  const marked = amounts.filter((a) => {
    const before = cleaned.slice(Math.max(0, a.index - 5), a.index);
    const after = cleaned.slice(a.index + a.text.length, a.index + a.text.length + 7);
    return CURRENCY_NEAR.test(before) || CURRENCY_NEAR.test(after) || /[:,]-$/.test(a.text);
  });
  const chosen = (marked.length ? marked : amounts)[(marked.length ? marked : amounts).length - 1];
  return Math.abs(chosen.value) === 0 ? 0 : chosen.value;
}

/** True when the text shows a currency marker: evidence that a number is money. */
export function hasCurrencyMarker(text: string): boolean {
  return currencyMarkerIn(text) !== null;
}
