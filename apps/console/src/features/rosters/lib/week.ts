import { DISPLAY_TIME_ZONE, dayjs } from '../../../lib/date-time';

export interface WeekDay {
  /** The local date, YYYY-MM-DD. */
  key: string;
  /** Local midnight of the day, as an instant. */
  startsAt: string;
}

/** Monday 00:00 of the week holding `atMs`, `offsetWeeks` weeks on, in the province's time. */
export function weekStart(atMs: number, offsetWeeks = 0): dayjs.Dayjs {
  const local = dayjs(atMs).tz(DISPLAY_TIME_ZONE);
  // dayjs counts Sunday as 0; the province's week starts on Monday.
  const sinceMonday = (local.day() + 6) % 7;
  return local.startOf('day').subtract(sinceMonday, 'day').add(offsetWeeks * 7, 'day');
}

export function weekDays(start: dayjs.Dayjs): WeekDay[] {
  return Array.from({ length: 7 }, (_, index) => {
    const day = start.add(index, 'day');
    return { key: day.format('YYYY-MM-DD'), startsAt: day.toISOString() };
  });
}

/** The local date a shift belongs to: the one it starts on. */
export function localDayKey(iso: string): string {
  return dayjs(iso).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD');
}

/** Shifts by the local day they start on, each day in start order. */
export function shiftsByDay<T extends { startsAt: string }>(shifts: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const shift of [...shifts].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const key = localDayKey(shift.startsAt);
    days.set(key, [...(days.get(key) ?? []), shift]);
  }
  return days;
}

/** "07:00–15:00" in the province's time; a shift ending another day says so ("23:00–07:00 +1"). */
export function shiftTimeRange(startsAt: string, endsAt: string): string {
  const start = dayjs(startsAt).tz(DISPLAY_TIME_ZONE);
  const end = dayjs(endsAt).tz(DISPLAY_TIME_ZONE);
  const days = end.startOf('day').diff(start.startOf('day'), 'day');
  return `${start.format('HH:mm')}–${end.format('HH:mm')}${days > 0 ? ` +${days}` : ''}`;
}

/** "09/12 07:00–15:00": a shift named by its day and hours, in the province's time. */
export function shiftLabel(shift: { startsAt: string; endsAt: string }): string {
  return `${dayjs(shift.startsAt).tz(DISPLAY_TIME_ZONE).format('DD/MM')} ${shiftTimeRange(shift.startsAt, shift.endsAt)}`;
}
