import type { DeadlineUrgency } from '@netduty/contracts';
import { deadlineUrgency } from '@netduty/domain';

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
