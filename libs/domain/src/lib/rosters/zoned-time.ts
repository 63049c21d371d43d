import { MS_PER_DAY, MS_PER_MINUTE, floorMod } from './local-calendar';

/**
 * Local wall-clock time ⇄ instants in an IANA time zone, through Intl (the zone's rules, DST included):
 * no fixed offset anywhere. Results never depend on the process's TZ.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` names an IANA zone this runtime knows (fixed offsets such as "+07:00" are refused). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '' || /^[+-]/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock reading of `instantMs` in the zone, as milliseconds of a UTC-based "wall epoch"
 * (Date.UTC of the local year, month, day, hour, minute, second).
 */
export function wallClockMs(instantMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const value = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return wall + floorMod(instantMs, 1000);
}

function offsetMs(instantMs: number, timeZone: string): number {
  return wallClockMs(instantMs, timeZone) - instantMs;
}

/**
 * The instant at which the zone's clocks read `wallMs` (a wall epoch as above). A reading that occurs twice
 * (clocks going back) gives the first; one that never occurs (clocks jumping forward) gives the instant of
 * the jump. The mapping therefore never goes backwards: shifts that tile the local day tile time.
 */
export function instantOfWallClock(wallMs: number, timeZone: string): number {
  // At most one transition lies within a day of any instant in every real zone.
  const offsetBefore = offsetMs(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMs(wallMs + MS_PER_DAY, timeZone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (candidate) => wallClockMs(candidate, timeZone) === wallMs,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: find the first instant past the jump (searching to the second; transitions fall on one).
  let before = wallMs - offsetAfter;
  let after = wallMs - offsetBefore;
  const beforeOffset = offsetMs(before, timeZone);
  while (after - before > 1000) {
    const middle = before + Math.max(1000, Math.floor((after - before) / 2000) * 1000);
    if (offsetMs(middle, timeZone) === beforeOffset) before = middle;
    else after = middle;
  }
  return after;
}

/** The instant of local date `dayNumber` at `minutes` past local midnight in the zone. */
export function instantOfLocal(dayNumber: number, minutes: number, timeZone: string): Date {
  return new Date(instantOfWallClock(dayNumber * MS_PER_DAY + minutes * MS_PER_MINUTE, timeZone));
}

/** The local day number and minutes past local midnight of an instant in the zone. */
export function localOfInstant(instant: Date, timeZone: string): { dayNumber: number; minutes: number } {
  const wall = wallClockMs(instant.getTime(), timeZone);
  const dayNumber = Math.floor(wall / MS_PER_DAY);
  return { dayNumber, minutes: Math.floor((wall - dayNumber * MS_PER_DAY) / MS_PER_MINUTE) };
}
