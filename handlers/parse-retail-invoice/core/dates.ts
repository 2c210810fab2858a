import { foldText } from './text-normalize';

/**
 * Date grammar, Swedish and English: `2025-03-14`, `2025/03/14`, `14 mars 2025`,
 * `14:e mars 2025`, `March 14, 2025`, `14 March 2025`, `14/03/2025`, `14.03.2025`,
 * `14-03-25`. Day-first unless the second number can only be a day (`03/14/2025`).
 */
const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1, feb: 2, febr: 2, februari: 2, february: 2, mar: 3, mars: 3, march: 3, apr: 4, april: 4,
  maj: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, aug: 8, augusti: 8, august: 8, sep: 9, sept: 9,
  september: 9, okt: 10, oct: 10, oktober: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|:e|:a|e)?\\.?';
const YEAR = '(\\d{4})';

const PATTERNS: ReadonlyArray<{ re: RegExp; order: 'ymd' | 'dmy-num' | 'd-month-y' | 'month-d-y' }> = [
  { re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, order: 'ymd' },
  { re: new RegExp(`(?<![a-z\\d])${DAY}\\s*(?:de\\s+|of\\s+)?${MONTH}(?![a-z])[,\\s]*${YEAR}(?!\\d)`), order: 'd-month-y' },
  { re: new RegExp(`(?<![a-z])${MONTH}(?![a-z])\\s*${DAY}(?!\\d)[,\\s]+${YEAR}(?!\\d)`), order: 'month-d-y' },
  { re: /(?<![\d.,/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.,]\d)/, order: 'dmy-num' },
];

function toIso(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface DateMatch {
  readonly iso: string;
  readonly index: number;
}

/** The first date in the text, as YYYY-MM-DD, with where it starts; null when there is none. */
export function findDate(text: string): DateMatch | null {
  if (text.length > 400) text = text.slice(0, 400);
  const folded = foldText(text);
  let best: DateMatch | null = null;
  for (const { re, order } of PATTERNS) {
    const m = re.exec(folded);
    if (!m || (best && best.index <= m.index)) continue;
    let iso: string | null = null;
    if (order === 'ymd') iso = toIso(+m[1], +m[2], +m[3]);
    else if (order === 'd-month-y') iso = toIso(+m[3], MONTHS[m[2]], +m[1]);
    else if (order === 'month-d-y') iso = toIso(+m[3], MONTHS[m[1]], +m[2]);
    else {
      const a = +m[1];
      const b = +m[3];
      iso = b > 12 && a <= 12 ? toIso(+m[4], a, b) : toIso(+m[4], b, a);
    }
    if (iso) best = { iso, index: m.index };
  }
  return best;
}

/** The first date in the text, as YYYY-MM-DD, or null. */
export function parseDate(text: string): string | null {
  return findDate(text)?.iso ?? null;
}
