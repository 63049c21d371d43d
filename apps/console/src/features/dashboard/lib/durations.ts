import type { TFunction } from 'i18next';

/**
 * A mean time (MTTA, MTTR) in words, as the keys under `dashboard.duration` spell it, rounded to what a
 * reader needs: seconds under a minute, whole minutes under an hour ("12 phút"), hours and minutes
 * under a day ("1 giờ 20 phút", "2 giờ"), days and hours beyond ("2 ngày 3 giờ").
 */
export type MeanDurationPhrase =
  | { key: 'dashboard.duration.seconds'; values: { seconds: number } }
  | { key: 'dashboard.duration.minutes'; values: { minutes: number } }
  | { key: 'dashboard.duration.hours'; values: { hours: number } }
  | { key: 'dashboard.duration.hoursMinutes'; values: { hours: number; minutes: number } }
  | { key: 'dashboard.duration.days'; values: { days: number } }
  | { key: 'dashboard.duration.daysHours'; values: { days: number; hours: number } };

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function meanDurationPhrase(totalSeconds: number): MeanDurationPhrase {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < MINUTE) return { key: 'dashboard.duration.seconds', values: { seconds } };
  // Round once, at the unit shown, then split: 1 h 59 min 45 s is "2 giờ", never "1 giờ 60 phút".
  if (seconds < DAY) {
    const minutes = Math.round(seconds / MINUTE);
    if (minutes < 60) return { key: 'dashboard.duration.minutes', values: { minutes } };
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours < 24) {
      return rest === 0 ? { key: 'dashboard.duration.hours', values: { hours } } : { key: 'dashboard.duration.hoursMinutes', values: { hours, minutes: rest } };
    }
  }
  const hours = Math.round(seconds / HOUR);
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? { key: 'dashboard.duration.days', values: { days } } : { key: 'dashboard.duration.daysHours', values: { days, hours: restHours } };
}

/** Minutes with one decimal, for a chart's value axis (the tooltip spells the duration out). */
export function secondsToMinutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}

/** A mean time in words in the active language ("1 giờ 20 phút" / "1 h 20 min"). */
export function formatMeanDuration(t: TFunction, totalSeconds: number): string {
  const phrase = meanDurationPhrase(totalSeconds);
  switch (phrase.key) {
    case 'dashboard.duration.seconds':
      return t(phrase.key, phrase.values);
    case 'dashboard.duration.minutes':
      return t(phrase.key, phrase.values);
    case 'dashboard.duration.hours':
      return t(phrase.key, phrase.values);
    case 'dashboard.duration.hoursMinutes':
      return t(phrase.key, phrase.values);
    case 'dashboard.duration.days':
      return t(phrase.key, phrase.values);
    case 'dashboard.duration.daysHours':
      return t(phrase.key, phrase.values);
  }
}
