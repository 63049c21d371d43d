import type { ReportSlotJob } from '@netduty/contracts';
import { REPORT_TIME_ZONE } from '../model/report-calendar';

export const DAILY_SCHEDULE_ID = 'situation-reports.daily';
export const EVENT_SCHEDULE_PREFIX = 'situation-reports.event-';

/** One BullMQ job scheduler of situation reports: a cron pattern in the province's zone, or an interval within an event period. */
export interface ReportSchedule {
  id: string;
  repeat: { pattern: string; tz: string } | { every: number; startDate: Date; endDate: Date };
  job: ReportSlotJob;
}

export interface ScheduledEventPeriod {
  id: string;
  startsAt: Date;
  endsAt: Date;
  reportIntervalMinutes: number;
}

/**
 * The schedulers there should be at `now`: the daily pattern (07:00 and 17:00 by default), and one more
 * for each event period not over yet, every `report_interval_minutes` from its start to its end — reports
 * are more frequent during the congress. Pure: the worker upserts exactly these and removes the others.
 */
export function reportSchedules(dailyPattern: string, periods: readonly ScheduledEventPeriod[], now: Date): ReportSchedule[] {
  const schedules: ReportSchedule[] = [{ id: DAILY_SCHEDULE_ID, repeat: { pattern: dailyPattern, tz: REPORT_TIME_ZONE }, job: { scheduleId: DAILY_SCHEDULE_ID } }];
  for (const period of periods) {
    if (period.endsAt.getTime() <= now.getTime() || period.reportIntervalMinutes < 1) continue;
    const id = `${EVENT_SCHEDULE_PREFIX}${period.id}`;
    schedules.push({ id, repeat: { every: period.reportIntervalMinutes * 60_000, startDate: period.startsAt, endDate: period.endsAt }, job: { scheduleId: id } });
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
