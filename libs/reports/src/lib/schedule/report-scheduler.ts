import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, MoreThan } from 'typeorm';
import { REPORT_QUEUE, type ReportJobName } from '@netduty/contracts';
import { EventPeriodEntity } from '@netduty/persistence';
import { watchRedisClient } from '@netduty/platform-redis';
import { DAILY_SCHEDULE_ID, EVENT_SCHEDULE_PREFIX, reportSchedules, type ReportSchedule } from './report-schedules';

/**
 * The report queue's job schedulers. They live in Redis, which may lose them (FLUSHALL, a restart
 * without persistence): the worker upserts them at start and whenever it finds them gone; Postgres keeps
 * the reports, one per slot, so an upsert or a repeated job never makes a second one.
 */
@Injectable()
export class ReportScheduler {
  private readonly logger = new Logger(ReportScheduler.name);

  constructor(
    @InjectQueue(REPORT_QUEUE) private readonly queue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    watchRedisClient(queue, 'report queue');
  }

  /** Upserts the daily schedule and one per event period not over yet (read from Postgres), removing those of periods gone. */
  async sync(dailyPattern: string, now: Date = new Date()): Promise<ReportSchedule[]> {
    const periods = await this.dataSource.getRepository(EventPeriodEntity).find({ where: { endsAt: MoreThan(now) } });
    const schedules = reportSchedules(dailyPattern, periods, now);
    await this.upsert(schedules);
    return schedules;
  }

  async upsert(schedules: readonly ReportSchedule[]): Promise<void> {
    for (const schedule of schedules) {
      await this.queue.upsertJobScheduler(schedule.id, schedule.repeat, {
        name: 'situation_report.slot' satisfies ReportJobName,
        data: schedule.job,
        // A slot that failed is retried; the unique slot key makes a retry after success a no-op.
        opts: { attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } },
      });
    }
    const wanted = new Set(schedules.map((schedule) => schedule.id));
    for (const existing of await this.queue.getJobSchedulers(0, -1)) {
      const id = existing.key;
      if (id.startsWith(EVENT_SCHEDULE_PREFIX) && !wanted.has(id)) {
        await this.queue.removeJobScheduler(id);
        this.logger.log(`removed the report schedule ${id} (its event period is over or gone)`);
      }
    }
  }

  /** False after Redis lost its data. */
  async hasDailySchedule(): Promise<boolean> {
    return (await this.queue.getJobScheduler(DAILY_SCHEDULE_ID)) !== undefined;
  }
}
