/**
 * `YYYY-MM-DD` when year, month (1-12) and day name a real day, else null: no
 * 31 April, no 29 February 2025, no month 13. Years before 100 are rejected too,
 * as `Date.UTC` would read them as 19xx.
 */
export function calendarDate(year: number, month: number, day: number): string | null {
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a `YYYY-MM-DD` string is a real calendar day. */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m !== null && calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}
