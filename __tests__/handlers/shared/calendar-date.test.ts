import { calendarDate, isCalendarDate } from '../../../handlers/shared/calendar-date';

describe('calendarDate: the one calendar-day check (s3 keys, retail dates, rental due dates)', () => {
  it.each([
    [2025, 3, 14, '2025-03-14'],
    [2024, 2, 29, '2024-02-29'],
    [2000, 2, 29, '2000-02-29'],
    [1999, 12, 31, '1999-12-31'],
  ])('%i-%i-%i is %s', (y, m, d, iso) => {
    expect(calendarDate(y, m, d)).toBe(iso);
  });

  it.each([
    [2025, 2, 29],
    [1900, 2, 29],
    [2025, 4, 31],
    [2025, 13, 1],
    [2025, 0, 10],
    [2025, 1, 0],
    [99, 1, 1],
    [2025, Number.NaN, 1],
  ])('%i-%i-%i is no day', (y, m, d) => {
    expect(calendarDate(y, m, d)).toBeNull();
  });

  it('reads YYYY-MM-DD strings only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(false);
    expect(isCalendarDate('2025-2-28')).toBe(false);
    expect(isCalendarDate('2025-02-28x')).toBe(false);
  });
});
