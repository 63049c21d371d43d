import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueEvents, type Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { EVENT_PERIOD_LIMITS, REPORT_QUEUE, type EventPeriodDto } from '@netduty/contracts';
import { redisOptionsFromUrl } from '@netduty/platform-config';
import { DAILY_SCHEDULE_ID, EVENT_SCHEDULE_PREFIX, slotKey } from '@netduty/reports';
import { currentTestEnvironment } from './support/test-environment';
import { as, startApi, startWorker, type ApiClient, type RunningApi } from './support/stack';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface ScheduledRow {
  id: string;
  slot_key: string;
  period_from: Date;
  period_to: Date;
}

/** The report queue's keys under this run's prefix only: what a Redis that lost its data no longer has. */
async function flushReportQueue(): Promise<number> {
  const environment = currentTestEnvironment();
  const redis = new Redis(environment.redisUrl);
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${environment.redisPrefix}:bull:${REPORT_QUEUE}:*`, 'COUNT', 1000);
      if (keys.length > 0) removed += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}

/** Resolves with what `wait` resolves, or rejects after `timeoutMs` naming what did not come. */
function within<T>(what: string, timeoutMs: number, wait: (done: (value: T) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let stop: () => void = () => undefined;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    stop = wait((value) => {
      clearTimeout(timer);
      stop();
      resolve(value);
    });
  });
}

describe('scheduled situation reports: a missed slot is caught up, an event period reports at its interval', () => {
  let api: RunningApi;
  let admin: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
  });

  afterAll(() => api.close());

  const dbNow = async (): Promise<Date> => ((await api.dataSource.query(`SELECT clock_timestamp() AS at`)) as { at: Date }[])[0]?.at as Date;

  describe('after Redis lost the schedules across a slot', () => {
    const workers: INestApplicationContext[] = [];

    afterAll(async () => {
      const [first] = workers;
      // Later suites run with their own pattern; this one's hourly slot must not fire in them.
      if (first) await first.get<Queue>(getQueueToken(REPORT_QUEUE)).removeJobScheduler(DAILY_SCHEDULE_ID);
      await Promise.all(workers.map((worker) => worker.close()));
    });

    it('generates the latest missed slot once when two workers start at once, and no older slot of the day', async () => {
      // An hourly pattern whose slot fell three minutes ago: the next one is nearly an hour away, so only
      // the catch-up can make this slot's report. (Asia/Ho_Chi_Minh is a whole number of hours from UTC.)
      const missed = new Date(Math.floor((Date.now() - 3 * MINUTE) / MINUTE) * MINUTE);
      const pattern = `0 ${missed.getUTCMinutes()} * * * *`;
      const earlierSlots = Array.from({ length: 23 }, (_, hours) => slotKey(new Date(missed.getTime() - (hours + 1) * HOUR)));
      const [{ n: before }] = (await api.dataSource.query(`SELECT count(*)::int AS n FROM situation_reports WHERE slot_key = $1`, [slotKey(missed)])) as { n: number }[];
      expect(before).toBe(0);
      await flushReportQueue();
      const startedAt = await dbNow();

      workers.push(...(await Promise.all([startWorker({ SITUATION_REPORT_CRON: pattern }), startWorker({ SITUATION_REPORT_CRON: pattern })])));

      // The catch-up runs in the workers' start: the report is there when they are up, once.
      const rows = (await api.dataSource.query(`SELECT id, slot_key, period_to FROM situation_reports WHERE slot_key = $1`, [slotKey(missed)])) as ScheduledRow[];
      expect(rows).toHaveLength(1);
      expect(new Date(rows[0]?.period_to ?? 0).toISOString()).toBe(missed.toISOString());
      // The latest slot only: the 23 earlier slots of the look-back day are not made up.
      const older = (await api.dataSource.query(`SELECT slot_key FROM situation_reports WHERE slot_key = ANY($1) AND generated_at >= $2`, [earlierSlots, startedAt])) as { slot_key: string }[];
      expect(older).toEqual([]);
      // Leadership hears of it once (one report, one outbox entry per recipient and channel).
      const deliveries = (await api.dataSource.query(
        `SELECT d.channel FROM notification_deliveries d JOIN users u ON u.id = d.recipient_user_id WHERE d.source_key = $1 AND u.username = 'lanhdao' AND d.channel = 'in_app'`,
        [`situation-report-${rows[0]?.id ?? ''}`],
      )) as { channel: string }[];
      expect(deliveries).toHaveLength(1);
      // And the schedule is back in Redis for the next slot.
      const queue = workers[0]?.get<Queue>(getQueueToken(REPORT_QUEUE));
      expect(await queue?.getJobScheduler(DAILY_SCHEDULE_ID)).toEqual(expect.objectContaining({ pattern, tz: 'Asia/Ho_Chi_Minh' }));

      // A further start (or re-sync) finds the slot made and makes nothing more.
      const again = await startWorker({ SITUATION_REPORT_CRON: pattern });
      workers.push(again);
      const [{ n: after }] = (await api.dataSource.query(`SELECT count(*)::int AS n FROM situation_reports WHERE slot_key = $1`, [slotKey(missed)])) as { n: number }[];
      expect(after).toBe(1);
    });
  });

  describe('during an event period (the shortest interval the api takes)', () => {
    const interval = EVENT_PERIOD_LIMITS.minReportIntervalMinutes * MINUTE;
    let worker: INestApplicationContext | undefined;
    let events: QueueEvents;
    let period: EventPeriodDto | undefined;

    beforeAll(async () => {
      const environment = currentTestEnvironment();
      events = new QueueEvents(REPORT_QUEUE, { connection: redisOptionsFromUrl(environment.redisUrl), prefix: `${environment.redisPrefix}:bull` });
      await events.waitUntilReady();
    });

    afterAll(async () => {
      // The period never outlives the suite, whatever failed.
      if (period && Date.parse(period.endsAt) > Date.now()) {
        await admin.request('PUT', `/event-periods/${period.id}`, { ...definitionOf(period), endsAt: new Date().toISOString() });
      }
      await worker?.close();
      await events.close();
    });

    function definitionOf(dto: EventPeriodDto) {
      const { name, startsAt, endsAt, p0SiteIds, slaFactor, slaOverrides, p0LeadershipLevel, reportIntervalMinutes } = dto;
      return { name, startsAt, endsAt, p0SiteIds, slaFactor, slaOverrides, p0LeadershipLevel, reportIntervalMinutes };
    }

    /** Each distinct slot the event schedule's jobs completed, with the report each named, as they come. */
    function slotsCompleted(scheduleId: string, count: number, timeoutMs: number): Promise<{ slot: string; reportId: string }[]> {
      const seen = new Map<string, string>();
      return within(`${count} completed slots of ${scheduleId}`, timeoutMs, (done) => {
        const listener = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
          if (!jobId.startsWith(`repeat:${scheduleId}:`)) return;
          const outcome = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as { slot: string; reportId: string };
          seen.set(outcome.slot, outcome.reportId);
          if (seen.size >= count) done([...seen].map(([slot, reportId]) => ({ slot, reportId })).sort((a, b) => a.slot.localeCompare(b.slot)));
        };
        events.on('completed', listener);
        return () => events.off('completed', listener);
      });
    }

    it('makes a report at each interval from the period start, one per slot, and stops when the period ends', async () => {
      // Starts a few seconds from now, on a whole second: its slots are the start plus whole intervals.
      const startsAt = new Date(Math.ceil((Date.now() + 15_000) / 1000) * 1000);
      const created = await admin.request<EventPeriodDto>('POST', '/event-periods', {
        name: 'Đại hội (kiểm thử lịch báo cáo)',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
        p0SiteIds: [],
        slaFactor: null,
        slaOverrides: {},
        p0LeadershipLevel: null,
        reportIntervalMinutes: EVENT_PERIOD_LIMITS.minReportIntervalMinutes,
      });
      expect(created.status).toBe(201);
      period = created.body;
      const scheduleId = `${EVENT_SCHEDULE_PREFIX}${period.id}`;
      const twoSlots = slotsCompleted(scheduleId, 2, 15_000 + interval + 90_000);

      // A short re-sync timer: the period's end is picked up by the worker's own timer.
      worker = await startWorker({ RECONCILE_INTERVAL_SECONDS: '5' });
      const queue = worker.get<Queue>(getQueueToken(REPORT_QUEUE));
      expect(await queue.getJobScheduler(scheduleId)).toEqual(expect.objectContaining({ every: interval, next: startsAt.getTime() }));

      const [first, second] = await twoSlots;
      if (!first || !second) throw new Error('unreachable');
      expect(first.slot).toBe(startsAt.toISOString());
      expect(Date.parse(second.slot) - Date.parse(first.slot)).toBe(interval);
      const rows = (await api.dataSource.query(`SELECT id, slot_key, period_from, period_to FROM situation_reports WHERE slot_key = ANY($1) ORDER BY period_to`, [
        [slotKey(new Date(first.slot)), slotKey(new Date(second.slot))],
      ])) as ScheduledRow[];
      expect(rows.map((row) => [row.id, row.slot_key])).toEqual([
        [first.reportId, slotKey(new Date(first.slot))],
        [second.reportId, slotKey(new Date(second.slot))],
      ]);
      // The second covers the time since the first.
      expect(new Date(rows[1]?.period_from ?? 0).toISOString()).toBe(first.slot);

      // The period ends: the next re-sync removes its scheduler and the job it had pending.
      const pending = `repeat:${scheduleId}:${Date.parse(second.slot) + interval}`;
      const removed = within<string>(`removal of ${pending}`, 30_000, (done) => {
        const listener = ({ jobId }: { jobId: string }) => {
          if (jobId.startsWith(`repeat:${scheduleId}:`)) done(jobId);
        };
        events.on('removed', listener);
        return () => events.off('removed', listener);
      });
      const ended = await admin.request<EventPeriodDto>('PUT', `/event-periods/${period.id}`, { ...definitionOf(period), endsAt: new Date().toISOString() });
      expect(ended.status).toBe(200);
      period = ended.body;
      expect(await removed).toBe(pending);
      expect(await queue.getJobScheduler(scheduleId)).toBeUndefined();
      const left = (await queue.getJobs(['delayed', 'waiting', 'active'])).filter((job) => job.id?.startsWith(`repeat:${scheduleId}:`));
      expect(left).toEqual([]);
      const [{ n }] = (await api.dataSource.query(`SELECT count(*)::int AS n FROM situation_reports WHERE slot_key = ANY($1)`, [
        [slotKey(new Date(first.slot)), slotKey(new Date(second.slot))],
      ])) as { n: number }[];
      expect(n).toBe(2);
    }, 15_000 + 5 * MINUTE + 3 * MINUTE);
  });
});
