import { formatClock } from '../../../lib/countdown';

/** Under this many minutes left the countdown turns red: about the time a generator team needs to get there. */
export const BATTERY_URGENT_MINUTES = 30;

export interface BatteryClock {
  /** Whole seconds until the estimated off-air time (0 once past). */
  seconds: number;
  past: boolean;
  urgent: boolean;
  /** "42:10" under an hour, "3:05:12" beyond. */
  clock: string;
}

/**
 * Where a site's battery stands at `nowMs`, ticking in the browser between two reads of the estimate.
 * Seconds left round up (0.2 s still shows 00:01); once past, the clock stays at 00:00.
 */
export function batteryClock(nowMs: number, offAirAt: string): BatteryClock {
  const leftMs = Date.parse(offAirAt) - nowMs;
  const past = leftMs <= 0;
  const seconds = past ? 0 : Math.ceil(leftMs / 1000);
  return { seconds, past, urgent: seconds < BATTERY_URGENT_MINUTES * 60, clock: formatClock(seconds) };
}
