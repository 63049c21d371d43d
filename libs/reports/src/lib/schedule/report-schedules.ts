import type { ReportSlotJob } from '@netduty/contracts';
import { REPORT_TIME_ZONE } from '../model/report-calendar';
import { intervalAnchor, intervalSlotAtOrAfter, type SlotRule } from './report-slots';

export const DAILY_SCHEDULE_ID = 'situation-reports.daily';
export const EVENT_SCHEDULE_PREFIX = 'situation-reports.event-';

/**
 * One BullMQ job scheduler of situation reports: a cron pattern in the province's zone, or an interval
 * within an event period. `slots` says when its slots fall (what the catch-up computes); `repeat` is
 * what BullMQ is given to fire on exactly those instants.
 */
export interface ReportSchedule {
  id: string;
  slots: SlotRule;
  repeat: { pattern: string; tz: string } | { every: number; startDate: Date; endDate: Date };
  job: ReportSlotJob;
}

/**
 * A new interval scheduler's first job is not put closer to now than this: BullMQ starts one whose start
 * has passed at its own "now", off the period's grid, and the upsert runs a moment after the plan.
 */
const FIRST_SLOT_MARGIN_MS = 5_000;

export interface ScheduledEventPeriod {
  id: string;
  startsAt: Date;
  endsAt: Date;
  reportIntervalMinutes: number;
}

/**
 * When the schedules there should be at `now` have their slots: the daily pattern (07:00 and 17:00 by
 * default), and for each event period not over yet every `report_interval_minutes` from its start (to
 * the second) to its end — reports are more frequent during the congress. An interval's slots are the
 * period's start plus whole intervals, whenever its scheduler was made, so every worker (and the
 * catch-up) names the same slots.
 */
export function reportSlotRules(dailyPattern: string, periods: readonly ScheduledEventPeriod[], now: Date): { id: string; slots: SlotRule }[] {
  const rules: { id: string; slots: SlotRule }[] = [{ id: DAILY_SCHEDULE_ID, slots: { kind: 'cron', pattern: dailyPattern, tz: REPORT_TIME_ZONE } }];
  for (const period of periods) {
    if (period.endsAt.getTime() <= now.getTime() || period.reportIntervalMinutes < 1) continue;
    rules.push({
      id: `${EVENT_SCHEDULE_PREFIX}${period.id}`,
      slots: { kind: 'interval', every: period.reportIntervalMinutes * 60_000, anchor: intervalAnchor(period.startsAt), until: period.endsAt },
    });
  }
  return rules;
}

/**
 * The BullMQ schedulers there should be at `now`, one per slot rule that has a slot still ahead. An
 * interval's scheduler is started on the first slot of its grid still ahead, so one made again after
 * Redis lost it fires on the same instants (and slot keys) as before. Pure: the worker upserts exactly
 * these and removes the others.
 */
export function reportSchedules(dailyPattern: string, periods: readonly ScheduledEventPeriod[], now: Date): ReportSchedule[] {
  const schedules: ReportSchedule[] = [];
  for (const { id, slots } of reportSlotRules(dailyPattern, periods, now)) {
    if (slots.kind === 'cron') {
      schedules.push({ id, slots, repeat: { pattern: slots.pattern, tz: slots.tz }, job: { scheduleId: id } });
      continue;
    }
    const first = intervalSlotAtOrAfter(slots, new Date(now.getTime() + FIRST_SLOT_MARGIN_MS));
    // No slot left before the period's end: nothing to fire (the catch-up still sees its last one).
    if (!first) continue;
    schedules.push({ id, slots, repeat: { every: slots.every, startDate: first, endDate: slots.until }, job: { scheduleId: id } });
  }
  return schedules;
}

/** A slot's identity in the table: two schedules firing at the same instant make one report. */
export function slotKey(slotAt: Date): string {
  return `scheduled:${slotAt.toISOString()}`;
}

/**
 * The instant a scheduler's job stands for: BullMQ keeps it as `prevMillis` and in the job id
 * (`repeat:<scheduler>:<millis>`); rounded to the second, so a retried job names the same slot.
 */
export function slotOfJob(job: { id?: string | undefined; opts: object; timestamp: number; delay?: number }): Date {
  const prev = (job.opts as { prevMillis?: unknown }).prevMillis;
  const fromId = /:(\d{10,})$/.exec(job.id ?? '')?.[1];
  const millis = typeof prev === 'number' && prev > 0 ? prev : fromId ? Number(fromId) : job.timestamp + (job.delay ?? 0);
  return new Date(Math.round(millis / 1000) * 1000);
}
