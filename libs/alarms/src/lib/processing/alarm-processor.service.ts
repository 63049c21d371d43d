import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import type { AlarmRule } from '@netduty/domain';
import { IncidentEffects, IncidentService, managerOf, UnitOfWork } from '@netduty/incidents';
import { APP_CONFIG, redisOptionsFromUrl, type AppConfig } from '@netduty/platform-config';
import { RealtimePublisher } from '@netduty/platform-realtime';
import { watchRedisClient } from '@netduty/platform-redis';
import { applyAlarmEvents } from './apply-alarm-events';
import type { AppliedChanges } from './applied-changes';
import { correlateOutages, resolveFinishedParents } from './correlate-outages';
import { loadAlarmRules, lockPendingEvents } from './pending-alarms';

/** One applier at a time across every worker, so a site's alarms are applied in the order accepted. */
const APPLIER_LOCK = 642_642;
/** The channel the intake publishes on after each commit (a hint; the timer is the guarantee). */
export function alarmWakeChannel(redisPrefix: string): string {
  return `${redisPrefix}:alarm-events`;
}

export interface AlarmBatchResult {
  events: number;
  created: number;
  updated: number;
  /** False when another worker held the applier. */
  ran: boolean;
}

/**
 * The worker's side of the alarm path, off the request path. Postgres is the queue: the intake commits
 * each accepted change to alarm_events, and this applies the pending ones in batches — incidents, then
 * mass-outage correlation, then parents whose children are all restored — in one transaction that also
 * marks them processed. A killed worker's transaction rolls back and the next tick (on any worker)
 * takes the same events; a lost Redis loses only the wake-up hint.
 */
/** Incidents whose deadline jobs are moved concurrently after a batch. */
const DEADLINE_MOVES_AT_ONCE = 100;

@Injectable()
export class AlarmProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AlarmProcessor.name);
  private timer?: NodeJS.Timeout;
  private subscriber?: Redis;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly unitOfWork: UnitOfWork,
    private readonly incidents: IncidentService,
    private readonly effects: IncidentEffects,
    private readonly publisher: RealtimePublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.subscriber = new Redis({ ...redisOptionsFromUrl(this.config.REDIS_URL), lazyConnect: false, maxRetriesPerRequest: null });
    watchRedisClient(this.subscriber, 'alarm wake-up');
    this.subscriber.subscribe(alarmWakeChannel(this.config.REDIS_PREFIX)).catch((error: Error) => this.logger.warn(`alarm wake-up not subscribed: ${error.message}`));
    this.subscriber.on('message', () => this.wake());
    this.timer = setInterval(() => this.wake(), this.config.ALARM_PROCESSOR_TICK_MS);
    this.timer.unref();
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.subscriber?.quit().catch(() => undefined);
  }

  /** Runs a batch now, or once more after the running one (never two at once in one process). */
  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: Error) => this.logger.error(`alarm batch failed, retried on the next tick: ${error.message}`))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Batches until nothing is pending (a storm is worked off back to back, not one batch per tick). */
  private async drain(): Promise<void> {
    let applied = 0;
    for (;;) {
      const result = await this.processBatch();
      applied += result.events;
      if (!result.ran || result.events < this.config.ALARM_PROCESSOR_BATCH || this.stopped) break;
    }
    if (applied > 0) this.logger.log(`worked off ${applied} alarm event(s); none pending`);
  }

  /** Works off everything pending now, after any batch already running (tests and the storm bench await this). */
  async drainNow(): Promise<void> {
    while (this.running) await this.running;
    const run = this.drain().finally(() => (this.running = undefined));
    this.running = run.then(() => undefined);
    await run;
  }

  /** One batch: exported for tests and the storm bench, which await it rather than a timer. */
  async processBatch(): Promise<AlarmBatchResult> {
    const now = new Date();
    const timings = { apply: 0, correlate: 0 };
    const since = (start: number) => performance.now() - start;
    const outcome = await this.unitOfWork.run(async (repositories) => {
      const em = managerOf(repositories.transaction);
      const [{ locked }] = (await em.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [APPLIER_LOCK])) as [{ locked: boolean }];
      if (!locked) return null;
      const events = await lockPendingEvents(em, this.config.ALARM_PROCESSOR_BATCH);
      let step = performance.now();
      const rules: AlarmRule[] = events.length > 0 ? await loadAlarmRules(em) : [];
      const changes = await applyAlarmEvents(repositories, events, rules, {
        reopenWindowSeconds: this.config.ALARM_REOPEN_WINDOW_SECONDS,
        flap: { cycles: this.config.ALARM_FLAP_CYCLES, windowSeconds: this.config.ALARM_FLAP_WINDOW_SECONDS },
      }, now);
      timings.apply = since(step);
      step = performance.now();
      // Correlation looks at every open candidate, not only this batch's: a window still filling up
      // crosses its threshold on a later tick.
      await correlateOutages(repositories, { windowSeconds: this.config.ALARM_CORRELATION_WINDOW_SECONDS, minimumSites: this.config.ALARM_CORRELATION_MIN_SITES }, now, changes);
      await resolveFinishedParents(repositories, now, changes);
      timings.correlate = since(step);
      return { events: events.length, changes };
    });
    if (!outcome) return { events: 0, created: 0, updated: 0, ran: false };
    const committedAt = performance.now();
    await this.afterCommit(outcome.changes);
    if (outcome.events > 0) {
      this.logger.log(
        `applied ${outcome.events} alarm event(s): ${outcome.changes.created.size} incident(s) opened, ${outcome.changes.updated.size} updated` +
          ` (apply ${timings.apply.toFixed(0)} ms, correlate ${timings.correlate.toFixed(0)} ms, after commit ${since(committedAt).toFixed(0)} ms)`,
      );
    }
    return { events: outcome.events, created: outcome.changes.created.size, updated: outcome.changes.updated.size, ran: true };
  }

  /**
   * Deadline jobs as a person's change moves them, and the consoles told in a few batch frames (a storm
   * would otherwise send one frame per incident). Nothing here is stored state: the sweep re-enqueues
   * a deadline whose job failed to move, and consoles refetch on reconnect.
   */
  private async afterCommit(changes: AppliedChanges): Promise<void> {
    const moves = [...changes.created, ...changes.updated];
    // Each incident's cancel-then-schedule in order; many incidents at once (ioredis pipelines them), so a
    // storm's thousands of new deadlines take round trips by the hundred, not one by one.
    const move = async ([incidentId, deadlines]: (typeof moves)[number]): Promise<void> => {
      try {
        if (deadlines.cancel.length > 0) await this.effects.cancelDeadlines(incidentId, deadlines.cancel);
        if (deadlines.schedule.length > 0) await this.effects.scheduleDeadlines(incidentId, deadlines.schedule);
      } catch (error) {
        this.logger.warn(`deadline jobs of incident ${incidentId} not moved (${(error as Error).message}); the sweep re-asserts them`);
      }
    };
    for (let start = 0; start < moves.length; start += DEADLINE_MOVES_AT_ONCE) await Promise.all(moves.slice(start, start + DEADLINE_MOVES_AT_ONCE).map(move));
    try {
      const [created, updated] = await Promise.all([this.incidents.getDtos([...changes.created.keys()]), this.incidents.getDtos([...changes.updated.keys()])]);
      this.publisher.publishIncidentBatch(created, updated);
    } catch (error) {
      this.logger.warn(`alarm batch not announced to consoles (${(error as Error).message}); they refetch on reconnect`);
    }
  }
}
