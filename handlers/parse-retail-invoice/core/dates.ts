import { calendarDate } from '../../shared/calendar-date';
import { foldText } from './text-normalize';

/**
 * Date grammar in Swedish, English, German, Danish and Norwegian: `2025-03-14`,
 * `14 mars 2025`, `14. März 2025`, `March 14, 2025`, `14/03/2025`, `14.03.2025`,
 * `Tue, 11 Feb 25`, `21MAR25`. Day-first unless the second number can only be a day
 * (`03/14/2025`). A date without a year (`fre 14 mars`) is read only with its
 * weekday and a reference date: the year is the one, near the reference, in which
 * that day falls on that weekday.
 */
const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1, januar: 1, feb: 2, febr: 2, februari: 2, february: 2, februar: 2, mar: 3, mars: 3, march: 3, marz: 3,
  maerz: 3, mrz: 3, marts: 3, apr: 4, april: 4, maj: 5, may: 5, mai: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, aug: 8,
  augusti: 8, august: 8, sep: 9, sept: 9, september: 9, okt: 10, oct: 10, oktober: 10, october: 10, nov: 11, november: 11, dec: 12,
  december: 12, dez: 12, dezember: 12, des: 12, desember: 12,
};
const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, son: 0, sondag: 0, so: 0, sonntag: 0, mon: 1, monday: 1, man: 1, mandag: 1, mo: 1, montag: 1, tue: 2, tues: 2,
  tuesday: 2, tis: 2, tisdag: 2, tir: 2, tirsdag: 2, di: 2, dienstag: 2, wed: 3, wednesday: 3, ons: 3, onsdag: 3, mi: 3, mittwoch: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, tor: 4, tors: 4, torsdag: 4, do: 4, donnerstag: 4, fri: 5, friday: 5, fre: 5, fredag: 5,
  fr: 5, freitag: 5, sat: 6, saturday: 6, lor: 6, lordag: 6, sa: 6, samstag: 6,
};
const alternation = (words: Record<string, number>) => Object.keys(words).sort((a, b) => b.length - a.length).join('|');
const MONTH = `(${alternation(MONTHS)})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|:e|:a|e)?\\.?';
const YEAR = '(\\d{4})';

type Order = 'ymd' | 'dmy-num' | 'd-month-y' | 'month-d-y' | 'd-month-yy' | 'compact';
const PATTERNS: ReadonlyArray<{ re: RegExp; order: Order }> = [
  { re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, order: 'ymd' },
  { re: new RegExp(`(?<![a-z\\d])${DAY}[\\s-]*(?:de\\s+|of\\s+)?${MONTH}(?![a-z])[,\\s-]*${YEAR}(?!\\d)`), order: 'd-month-y' },
  { re: new RegExp(`(?<![a-z])${MONTH}(?![a-z])\\s*${DAY}(?!\\d)[,\\s]+${YEAR}(?!\\d)`), order: 'month-d-y' },
  { re: /(?<![\d.,/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.,]\d)/, order: 'dmy-num' },
  // `Tue, 11 Feb 25`: a two-digit year after a month name, not a time or an amount.
  { re: new RegExp(`(?<![a-z\\d])${DAY}\\s*${MONTH}(?![a-z])[,\\s]*'?(\\d{2})(?![\\d:.,]|\\s*(?:kr|€|\\$|£|h\\b|min))`), order: 'd-month-yy' },
  // `21MAR25`, as airlines print it.
  { re: new RegExp(`(?<![a-z\\d])(\\d{2})(${alternation(MONTHS)})(\\d{2})(?![a-z\\d])`), order: 'compact' },
];
const YEARLESS = new RegExp(`(?<![a-z])(${alternation(WEEKDAYS)})\\.?,?\\s+${DAY}\\s*${MONTH}(?![a-z])(?![,\\s]*'?\\d{2}(?![:.]))`);

function toIso(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  if (y < 1990 || y > 2100) return null;
  return calendarDate(y, m, d);
}

export interface DateMatch {
  readonly iso: string;
  readonly index: number;
  /** The length of the matched text. */
  readonly length: number;
}

function isoOf(order: Order, m: RegExpExecArray): string | null {
  switch (order) {
    case 'ymd':
      return toIso(+m[1], +m[2], +m[3]);
    case 'd-month-y':
    case 'd-month-yy':
      return toIso(+m[3], MONTHS[m[2]], +m[1]);
    case 'month-d-y':
      return toIso(+m[3], MONTHS[m[1]], +m[2]);
    case 'compact':
      return toIso(+m[3], MONTHS[m[2]], +m[1]);
    default: {
      const a = +m[1];
      const b = +m[3];
      return b > 12 && a <= 12 ? toIso(+m[4], a, b) : toIso(+m[4], b, a);
    }
  }
}

/** `fre 14 mars` near `reference`: the nearest year in which 14 March is a Friday, or null. */
function yearlessIso(m: RegExpExecArray, reference: string): string | null {
  const year = Number(reference.slice(0, 4));
  const anchor = Date.parse(reference);
  let best: { iso: string; distance: number } | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const iso = toIso(y, MONTHS[m[3]], +m[2]);
    if (!iso || new Date(iso).getUTCDay() !== WEEKDAYS[m[1]]) continue;
    const distance = Math.abs(Date.parse(iso) - anchor);
    if (!best || distance < best.distance) best = { iso, distance };
  }
  return best?.iso ?? null;
}

/**
 * The first date in the text, as YYYY-MM-DD, with where it starts; null when there
 * is none. `reference` (YYYY-MM-DD) lets a weekday-and-day date without a year count.
 */
export function findDate(text: string, reference?: string): DateMatch | null {
  if (text.length > 400) text = text.slice(0, 400);
  const folded = foldText(text);
  let best: DateMatch | null = null;
  for (const { re, order } of PATTERNS) {
    const m = re.exec(folded);
    if (!m || (best && best.index <= m.index)) continue;
    const iso = isoOf(order, m);
    if (iso) best = { iso, index: m.index, length: m[0].length };
  }
  if (reference && /^\d{4}-\d{2}-\d{2}$/.test(reference)) {
    const m = YEARLESS.exec(folded);
    if (m && (!best || m.index < best.index)) {
      const iso = yearlessIso(m, reference);
      if (iso) best = { iso, index: m.index, length: m[0].length };
    }
  }
  return best;
}

/** The first date in the text, as YYYY-MM-DD, or null. */
export function parseDate(text: string): string | null {
  return findDate(text)?.iso ?? null;
}

/** A date parser that also reads weekday dates without a year, near `reference`. */
export function dateParserNear(reference: string | null | undefined): (text: string) => string | null {
  return reference ? (text) => findDate(text, reference)?.iso ?? null : parseDate;
}
