import type { IsoWeekday, LocalDate, LocalTime } from '@netduty/contracts';

/**
 * Calendar arithmetic on local dates and wall-clock times, free of any time zone: a date is a day number
 * (days since 1970-01-01), a time is minutes since midnight. Only UTC methods of Date are used, so the
 * process's TZ never leaks in.
 */

export const MINUTES_PER_DAY = 24 * 60;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The day number of `YYYY-MM-DD`, or null when it is not a real calendar date (2026-02-29, 2026-13-01). */
export function parseLocalDate(value: LocalDate): number | null {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

export function formatLocalDate(dayNumber: number): LocalDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Minutes since midnight of `HH:mm` (00:00–23:59), or null when malformed. */
export function parseLocalTime(value: LocalTime): number | null {
  const match = LOCAL_TIME_PATTERN.exec(value);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatLocalTime(minutes: number): LocalTime {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
export function isoWeekdayOfDay(dayNumber: number): IsoWeekday {
  return (floorMod(dayNumber + 3, 7) + 1) as IsoWeekday;
}

/** a mod n in 0..n-1, also for negative a. */
export function floorMod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/**
 * How long a daily template lasts, in wall-clock minutes: an end not after the start is the next day
 * (23:00–07:00 is 8 hours); equal times are a 24-hour shift.
 */
export function templateDurationMinutes(startMinutes: number, endMinutes: number): number {
  return endMinutes > startMinutes ? endMinutes - startMinutes : endMinutes - startMinutes + MINUTES_PER_DAY;
}
