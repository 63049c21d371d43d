import type { Language } from '@netduty/contracts';

/** Reports are dated and timed in the province's zone, whatever zone the server runs in. */
export const REPORT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: REPORT_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** The wall-clock date and time of an instant in Asia/Ho_Chi_Minh (the runtime's tz database, never a fixed +7). */
export function zonedParts(at: Date): ZonedParts {
  const parts = Object.fromEntries(partsFormat.formatToParts(at).map((part) => [part.type, part.value]));
  return { year: Number(parts['year']), month: Number(parts['month']), day: Number(parts['day']), hour: Number(parts['hour']), minute: Number(parts['minute']) };
}

/** The year a report's number belongs to: the calendar year where it is issued. */
export function reportYear(at: Date): number {
  return zonedParts(at).year;
}

const two = (value: number): string => String(value).padStart(2, '0');

/**
 * Administrative documents write a day below 10 and the months January and February with a leading
 * zero ("ngày 05 tháng 02 năm 2026", "ngày 15 tháng 12 năm 2026"), so a date cannot be altered by hand.
 */
function administrativeDay(day: number): string {
  return day < 10 ? two(day) : String(day);
}
function administrativeMonth(month: number): string {
  return month <= 2 ? two(month) : String(month);
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Lạng Sơn, ngày 05 tháng 12 năm 2026" (English: "Lạng Sơn, 5 December 2026"), in Asia/Ho_Chi_Minh. */
export function administrativeDateLine(place: string, at: Date, language: Language): string {
  const { year, month, day } = zonedParts(at);
  if (language === 'en') return `${place}, ${day} ${ENGLISH_MONTHS[month - 1] ?? ''} ${year}`;
  return `${place}, ngày ${administrativeDay(day)} tháng ${administrativeMonth(month)} năm ${year}`;
}

/** "07:00 ngày 05/12/2026" (English: "07:00, 05/12/2026"): an instant in a report's text and tables. */
export function reportInstant(at: Date | string, language: Language): string {
  const { year, month, day, hour, minute } = zonedParts(typeof at === 'string' ? new Date(at) : at);
  const time = `${two(hour)}:${two(minute)}`;
  const date = `${two(day)}/${two(month)}/${year}`;
  return language === 'vi' ? `${time} ngày ${date}` : `${time}, ${date}`;
}

/** "05/12 07:00": the short form of table cells. */
export function reportShortInstant(at: Date | string): string {
  const { month, day, hour, minute } = zonedParts(typeof at === 'string' ? new Date(at) : at);
  return `${two(day)}/${two(month)} ${two(hour)}:${two(minute)}`;
}

/** "Từ 17:00 ngày 04/12/2026 đến 07:00 ngày 05/12/2026". */
export function reportPeriodLine(from: Date | string, to: Date | string, language: Language): string {
  return language === 'vi'
    ? `Từ ${reportInstant(from, language)} đến ${reportInstant(to, language)}`
    : `From ${reportInstant(from, language)} to ${reportInstant(to, language)}`;
}

/** The latest instant at or before `now` whose wall-clock time in Asia/Ho_Chi_Minh is hour:minute (e.g. this morning's 07:00 slot). */
export function latestLocalSlot(now: Date, hour: number, minute = 0): Date {
  const local = zonedParts(now);
  // The zone's offset at `now`, from its wall clock (the tz database's answer, not a fixed +7).
  const offsetMs = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) - Math.floor(now.getTime() / 60_000) * 60_000;
  const today = new Date(Date.UTC(local.year, local.month - 1, local.day, hour, minute) - offsetMs);
  return today.getTime() <= now.getTime() ? today : new Date(today.getTime() - 86_400_000);
}
