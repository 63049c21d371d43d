import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every time on screen is the province's wall clock, whatever the browser's own zone is. */
export const DISPLAY_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
export const DATE_TIME_SECONDS_FORMAT = 'DD/MM/YYYY HH:mm:ss';

/**
 * Time-zone conversion goes through Intl and is slow (~0.1 ms); a board mounting rows while scrolling
 * formats the same instants over and over, so results are memoised (bounded, oldest dropped first).
 */
const FORMAT_CACHE_LIMIT = 10_000;
const formatCache = new Map<string, string>();

/** "2026-11-22T02:15:00Z" → "22/11/2026 09:15". */
export function formatDateTime(iso: string | null | undefined, format: string = DATE_TIME_FORMAT): string {
  if (!iso) return '';
  const key = `${format}|${iso}`;
  const cached = formatCache.get(key);
  if (cached !== undefined) return cached;
  const value = dayjs(iso);
  const text = value.isValid() ? value.tz(DISPLAY_TIME_ZONE).format(format) : '';
  if (formatCache.size >= FORMAT_CACHE_LIMIT) {
    const oldest = formatCache.keys().next();
    if (!oldest.done) formatCache.delete(oldest.value);
  }
  formatCache.set(key, text);
  return text;
}

export { dayjs };
