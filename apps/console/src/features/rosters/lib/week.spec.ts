import { localDayKey, shiftsByDay, shiftTimeRange, weekDays, weekStart } from './week';

describe('roster week in the province time', () => {
  it('starts the week on Monday 00:00 in Asia/Ho_Chi_Minh, even when UTC is still on Sunday', () => {
    // Sunday 2026-12-13 18:00 UTC is Monday 01:00 on the 14th in Lạng Sơn.
    expect(weekStart(Date.parse('2026-12-13T18:00:00Z')).toISOString()).toBe('2026-12-13T17:00:00.000Z');
    expect(weekStart(Date.parse('2026-12-13T16:59:00Z')).toISOString()).toBe('2026-12-06T17:00:00.000Z');
    expect(weekStart(Date.parse('2026-12-09T03:00:00Z'), 1).toISOString()).toBe('2026-12-13T17:00:00.000Z');
  });

  it('lists seven local days and files a night shift under the day it starts', () => {
    const days = weekDays(weekStart(Date.parse('2026-12-09T03:00:00Z')));
    expect(days.map((day) => day.key)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
    // 23:00 local on the 7th is 16:00 UTC the same day; 06:00 local on the 8th is 23:00 UTC on the 7th.
    expect(localDayKey('2026-12-07T16:00:00Z')).toBe('2026-12-07');
    expect(localDayKey('2026-12-07T23:00:00Z')).toBe('2026-12-08');
    const byDay = shiftsByDay([{ startsAt: '2026-12-07T16:00:00Z' }, { startsAt: '2026-12-07T00:00:00Z' }, { startsAt: '2026-12-07T23:00:00Z' }]);
    expect([...byDay.entries()].map(([key, shifts]) => [key, shifts.length])).toEqual([
      ['2026-12-07', 2],
      ['2026-12-08', 1],
    ]);
    expect(byDay.get('2026-12-07')?.[0]?.startsAt).toBe('2026-12-07T00:00:00Z');
  });

  it('words a shift ending the next day with +1', () => {
    expect(shiftTimeRange('2026-12-07T00:00:00Z', '2026-12-07T08:00:00Z')).toBe('07:00–15:00');
    expect(shiftTimeRange('2026-12-07T16:00:00Z', '2026-12-08T00:00:00Z')).toBe('23:00–07:00 +1');
  });
});
