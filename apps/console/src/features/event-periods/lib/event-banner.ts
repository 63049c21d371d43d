import type { EventPeriodDto } from '@netduty/contracts';

/** GET /event-periods/current. */
export interface CurrentEventPeriods {
  active: EventPeriodDto | null;
  next: EventPeriodDto | null;
}

/** A coming period is announced this long before it starts. */
export const EVENT_ANNOUNCE_AHEAD_MS = 7 * 24 * 3600 * 1000;

export type EventBanner =
  | { kind: 'active'; id: string; name: string; secondsLeft: number }
  | { kind: 'upcoming'; id: string; name: string; secondsToStart: number };

function seconds(ms: number): number {
  return Math.max(0, Math.floor(ms / 1000));
}

function runs(period: EventPeriodDto, nowMs: number): boolean {
  return Date.parse(period.startsAt) <= nowMs && nowMs < Date.parse(period.endsAt);
}

/**
 * What the shell's banner says at `nowMs`, from the last poll: the running period and the time to its end,
 * else the next one within seven days and the time to its start. Judged on the clock, not only the poll's
 * `active` flag, so the banner turns over at the period's own times between two polls.
 */
export function eventBannerAt(current: CurrentEventPeriods | undefined, nowMs: number): EventBanner | null {
  if (!current) return null;
  const running = [current.active, current.next].find((period): period is EventPeriodDto => period !== null && runs(period, nowMs));
  if (running) return { kind: 'active', id: running.id, name: running.name, secondsLeft: seconds(Date.parse(running.endsAt) - nowMs) };
  const next = current.next;
  if (!next) return null;
  const untilStart = Date.parse(next.startsAt) - nowMs;
  if (untilStart <= 0 || untilStart > EVENT_ANNOUNCE_AHEAD_MS) return null;
  return { kind: 'upcoming', id: next.id, name: next.name, secondsToStart: seconds(untilStart) };
}

/** "2 ngày 03 giờ" from a day on; under a day the console's usual "1 giờ 05 phút" / "12 phút". */
export type LongDuration = { days: number; hours: string } | { seconds: number };

export function longDuration(totalSeconds: number): LongDuration {
  const whole = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(whole / 86_400);
  if (days === 0) return { seconds: whole };
  return { days, hours: String(Math.floor((whole % 86_400) / 3600)).padStart(2, '0') };
}
