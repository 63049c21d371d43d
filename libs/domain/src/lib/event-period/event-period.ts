import type { EventPeriodDefinition, EventSlaOverride, PriorityTier } from '@netduty/contracts';

/** An event period with its instants as Dates (the wire carries ISO strings). */
export type EventPeriod = Omit<EventPeriodDefinition, 'startsAt' | 'endsAt' | 'slaOverrides' | 'p0SiteIds'> & {
  id?: string;
  startsAt: Date;
  endsAt: Date;
  p0SiteIds: readonly string[];
  slaOverrides: Partial<Record<PriorityTier, EventSlaOverride>>;
};

/** Half-open: on from startsAt, off at endsAt. */
export function isEventActive(period: Pick<EventPeriod, 'startsAt' | 'endsAt'>, at: Date): boolean {
  return period.startsAt.getTime() <= at.getTime() && at.getTime() < period.endsAt.getTime();
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The period in force at `at`, or null. Overlapping periods (which validation should keep apart) resolve
 * to the one that started last, then by id, then name, so every process picks the same.
 */
export function activeEventPeriod<P extends Pick<EventPeriod, 'startsAt' | 'endsAt' | 'id' | 'name'>>(periods: readonly P[], at: Date): P | null {
  let best: P | null = null;
  for (const period of periods) {
    if (!isEventActive(period, at)) continue;
    if (
      best === null ||
      period.startsAt.getTime() > best.startsAt.getTime() ||
      (period.startsAt.getTime() === best.startsAt.getTime() &&
        (compareText(period.id ?? '', best.id ?? '') || compareText(period.name, best.name)) < 0)
    ) {
      best = period;
    }
  }
  return best;
}

/**
 * When the next situation report to leadership is due at or after `at`: every reportIntervalMinutes from
 * the start, strictly before the end. Null once no report is left.
 */
export function nextSituationReportAt(period: Pick<EventPeriod, 'startsAt' | 'endsAt' | 'reportIntervalMinutes'>, at: Date): Date | null {
  const start = period.startsAt.getTime();
  const interval = period.reportIntervalMinutes * 60_000;
  if (!(interval > 0)) throw new RangeError(`report interval ${period.reportIntervalMinutes} is not a duration`);
  const next = at.getTime() <= start ? start : start + Math.ceil((at.getTime() - start) / interval) * interval;
  return next < period.endsAt.getTime() ? new Date(next) : null;
}
