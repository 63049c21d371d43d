import type { DeadlineUrgency } from '@netduty/contracts';
import { deadlineUrgency } from '@netduty/domain';
import type { TFunction } from 'i18next';

export interface CountdownState {
  urgency: DeadlineUrgency;
  /** Whole seconds left (before the deadline) or overdue (after it). */
  seconds: number;
  overdue: boolean;
  /** "04:32" under an hour, "1:04:32" beyond (hours are not wrapped into days: "49:00:00"). */
  clock: string;
}

function pad2(value: number): string {
  return value.toString().padStart(2, '0');
}

export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return hours > 0 ? `${hours}:${pad2(minutes)}:${pad2(rest)}` : `${pad2(minutes)}:${pad2(rest)}`;
}

/**
 * Where a deadline stands at `nowMs`. Time left rounds up (a deadline 0.2 s away still shows 00:01,
 * so "00:00 left" never appears); time overdue rounds down (the first overdue second shows 00:00).
 */
export function countdownState(nowMs: number, startsAtMs: number, dueAtMs: number): CountdownState {
  const urgency = deadlineUrgency(new Date(nowMs), new Date(startsAtMs), new Date(dueAtMs));
  const diffMs = dueAtMs - nowMs;
  const overdue = diffMs <= 0;
  const seconds = overdue ? Math.floor(-diffMs / 1000) : Math.ceil(diffMs / 1000);
  return { urgency, seconds, overdue, clock: formatClock(seconds) };
}

/**
 * A duration in words, as the i18n keys under `duration` spell it: seconds under a minute, whole
 * minutes under an hour, hours and two-digit minutes beyond ("45 giây", "12 phút", "1 giờ 05 phút").
 * Minutes round down, so the time left is never overstated and the time overdue never exaggerated.
 */
export type DurationPhrase =
  | { key: 'duration.seconds'; values: { seconds: number } }
  | { key: 'duration.minutes'; values: { minutes: number } }
  | { key: 'duration.hoursMinutes'; values: { hours: number; minutes: string } };

export function durationPhrase(totalSeconds: number): DurationPhrase {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < 60) return { key: 'duration.seconds', values: { seconds } };
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours === 0) return { key: 'duration.minutes', values: { minutes } };
  return { key: 'duration.hoursMinutes', values: { hours, minutes: pad2(minutes) } };
}

/** A duration in words in the active language: "1 giờ 05 phút" / "1 h 05 min". */
export function formatDuration(t: TFunction, totalSeconds: number): string {
  const phrase = durationPhrase(totalSeconds);
  switch (phrase.key) {
    case 'duration.seconds':
      return t(phrase.key, phrase.values);
    case 'duration.minutes':
      return t(phrase.key, phrase.values);
    case 'duration.hoursMinutes':
      return t(phrase.key, phrase.values);
  }
}

/** "12 phút" / "quá hạn 3 phút" (vi), "12 min" / "3 min overdue" (en). */
export function formatCountdown(t: TFunction, state: Pick<CountdownState, 'seconds' | 'overdue'>): string {
  const time = formatDuration(t, state.seconds);
  return state.overdue ? t('deadline.overdue', { time }) : t('deadline.remaining', { time });
}
