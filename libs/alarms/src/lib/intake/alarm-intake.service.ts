import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { NotFoundError, RetryLaterError, UnprocessableInputError } from '@netduty/platform-errors';
import { alarmKey, type AlarmChange, type ChangeOutcome } from './alarm-change';
import { appendAlarmEvents, readStoredAlarms, upsertAlarms, type EventToWrite } from './alarm-batch-sql';
import { foldAlarmChanges, type FoldResult } from './alarm-fold';
import type { StoredAlarm } from './alarm-rows';
import { AlarmWakeUp } from './alarm-wake-up';
import { emptyIntakeStats, type IntakeStats } from './intake-stats';
import { SiteDirectory } from './site-directory';

/** What the api answers for one accepted change: the alarm as committed, its site's code, and how it fared. */
export interface IntakeResult {
  alarm: StoredAlarm;
  siteCode: string;
  outcome: ChangeOutcome;
}

interface Pending {
  change: AlarmChange;
  sequence: number;
  enqueuedAt: number;
  siteId?: string;
  resolve(result: IntakeResult): void;
  reject(error: unknown): void;
}

interface KeyPlan {
  sourceSystemId: string;
  externalAlarmId: string;
  items: Pending[];
  prior: StoredAlarm | undefined;
  fold: FoldResult;
}

/** SQLSTATEs worth running the same batch again for: a deadlock or a serialization failure. */
const RETRIABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;
/** A refused client is told to come back after this long: one flush clears thousands. */
const SATURATED_RETRY_AFTER_SECONDS = 1;

function sqlState(error: unknown): string | undefined {
  const driver = (error as { driverError?: { code?: unknown }; code?: unknown } | null) ?? null;
  const code = driver?.driverError?.code ?? driver?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The alarm intake, with group commit: each request's validated change joins an in-memory batch and
 * waits for it to be committed. A batch is written when it holds ALARM_INTAKE_BATCH_SIZE changes or
 * ALARM_INTAKE_TICK_MS after its first one, in one transaction: the batch's stored alarms are locked,
 * the changes to each alarm folded in time order, then ONE multi-row INSERT … ON CONFLICT writes the
 * alarms and ONE multi-row INSERT appends their events. Only after COMMIT does any request get its
 * answer, so an accepted alarm is durable. Flushes run one at a time per process: what arrives during
 * one forms the next batch, which grows with the load (that is the point of group commit), and two
 * changes to one alarm never race each other inside a process.
 *
 * Back-pressure: beyond ALARM_INTAKE_MAX_PENDING changes waiting, new ones are refused at once (429)
 * and nothing of theirs is written.
 */
@Injectable()
export class AlarmIntake implements OnModuleDestroy {
  private readonly logger = new Logger(AlarmIntake.name);
  private readonly batchSize: number;
  private readonly tickMs: number;
  private readonly maxPending: number;
  private queue: Pending[] = [];
  private inFlight = 0;
  private sequence = 0;
  private flushing = false;
  private closing = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly counters: IntakeStats = emptyIntakeStats();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sites: SiteDirectory,
    private readonly wakeUp: AlarmWakeUp,
  ) {
    this.batchSize = config.ALARM_INTAKE_BATCH_SIZE;
    this.tickMs = config.ALARM_INTAKE_TICK_MS;
    this.maxPending = config.ALARM_INTAKE_MAX_PENDING;
  }

  stats(): IntakeStats {
    return { ...this.counters, pending: this.queue.length + this.inFlight };
  }

  /** One change (POST, PATCH); rejects with 429 at once when the process is saturated. */
  async accept(change: AlarmChange): Promise<IntakeResult> {
    this.refuseWhenSaturated(1);
    return this.enqueue(change);
  }

  /** Several changes of one request (clearAlarms), all admitted or none: each settles on its own. */
  async acceptAll(changes: readonly AlarmChange[]): Promise<PromiseSettledResult<IntakeResult>[]> {
    this.refuseWhenSaturated(changes.length);
    return Promise.allSettled(changes.map((change) => this.enqueue(change)));
  }

  async onModuleDestroy(): Promise<void> {
    // Requests already admitted are committed and answered before the database goes away.
    this.closing = true;
    await this.drain();
  }

  private refuseWhenSaturated(count: number): void {
    if (this.queue.length + this.inFlight + count <= this.maxPending) return;
    this.counters.refusedSaturated += count;
    throw new RetryLaterError(SATURATED_RETRY_AFTER_SECONDS, 'the alarm intake is saturated; retry shortly');
  }

  private enqueue(change: AlarmChange): Promise<IntakeResult> {
    return new Promise<IntakeResult>((resolve, reject) => {
      this.queue.push({ change, sequence: this.sequence++, enqueuedAt: Date.now(), resolve, reject });
      this.schedule();
    });
  }

  /** A batch is due when it is full or its oldest change has waited ALARM_INTAKE_TICK_MS. */
  private dueInMs(now = Date.now()): number {
    const oldest = this.queue[0];
    if (!oldest || this.queue.length >= this.batchSize) return 0;
    return Math.max(0, oldest.enqueuedAt + this.tickMs - now);
  }

  private schedule(): void {
    if (this.flushing || this.queue.length === 0) return; // the running flush looks again when it ends
    const wait = this.dueInMs();
    if (wait === 0) {
      void this.drain();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, wait);
  }

  /** Writes the batches that are due, then waits for the next. Never rejects: every failure settles its own requests. */
  private async drain(): Promise<void> {
    if (this.flushing) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.flushing = true;
    try {
      while (this.queue.length > 0 && (this.dueInMs() === 0 || this.closing)) {
        const batch = this.queue.splice(0, this.batchSize);
        this.inFlight = batch.length;
        this.counters.largestBatch = Math.max(this.counters.largestBatch, batch.length);
        await this.flush(batch);
        this.inFlight = 0;
      }
    } finally {
      this.inFlight = 0;
      this.flushing = false;
    }
    // What arrived during the flush waits for its own tick, so the next batch has time to fill.
    this.schedule();
  }

  private async flush(batch: Pending[]): Promise<void> {
    let writable: Pending[];
    try {
      writable = await this.withSites(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    await this.commitWithRetry(writable, 1);
  }

  /**
   * Resolves alarmedObject.id for the whole batch with one query (behind the directory's cache). A site
   * that does not exist and one of another operator are refused alike, so an NMS learns nothing of
   * another operator's inventory.
   */
  private async withSites(batch: Pending[]): Promise<Pending[]> {
    const codes = batch.flatMap((item) => (item.change.attributes.siteCode === undefined ? [] : [item.change.attributes.siteCode]));
    const known = codes.length > 0 ? await this.sites.byCodes(codes) : new Map();
    return batch.filter((item) => {
      const code = item.change.attributes.siteCode;
      if (code === undefined) return true;
      const site = known.get(code);
      if (!site || site.operatorCode !== item.change.operatorCode) {
        item.reject(new UnprocessableInputError([{ field: 'alarmedObject.id', code: 'no_such_record' }]));
        return false;
      }
      item.siteId = site.id;
      return true;
    });
  }

  private async commitWithRetry(items: Pending[], attempt: number): Promise<void> {
    if (items.length === 0) return;
    try {
      await this.commit(items);
    } catch (error) {
      const state = sqlState(error);
      if (state && RETRIABLE.has(state) && attempt < MAX_ATTEMPTS) return this.commitWithRetry(items, attempt + 1);
      // A value only the database refuses (class 22, data exception) must not fail the batch's other
      // alarms: each is tried on its own, so the one at fault alone gets its error.
      if (items.length > 1 && state?.startsWith('22')) {
        for (const item of items) await this.commitWithRetry([item], attempt);
        return;
      }
      this.logger.error(`alarm batch of ${items.length} failed: ${(error as Error).message}`);
      for (const item of items) item.reject(error);
    }
  }

  private async commit(items: Pending[]): Promise<void> {
    const groups = new Map<string, { first: AlarmChange; items: Pending[] }>();
    for (const item of items) {
      const key = alarmKey(item.change.sourceSystemId, item.change.externalAlarmId);
      const group = groups.get(key);
      if (group) group.items.push(item);
      else groups.set(key, { first: item.change, items: [item] });
    }
    const { plans, written, lastEventId, eventCount } = await this.dataSource.transaction(async (em) => {
      const stored = await readStoredAlarms(em, [...groups.values()].map((group) => group.first), { lock: true });
      const plans: KeyPlan[] = [...groups].map(([key, { first, items: group }]) => {
        const prior = stored.get(key);
        const changes = group.map((item) => ({ kind: item.change.kind, attributes: item.change.attributes, siteId: item.siteId, changedAt: item.change.changedAt, sequence: item.sequence }));
        return { sourceSystemId: first.sourceSystemId, externalAlarmId: first.externalAlarmId, items: group, prior, fold: foldAlarmChanges(prior ?? null, changes, first.operatorCode) };
      });
      const upserted = await upsertAlarms(
        em,
        plans.flatMap((plan) => (plan.fold.row ? [{ sourceSystemId: plan.sourceSystemId, externalAlarmId: plan.externalAlarmId, values: plan.fold.row }] : [])),
      );
      const written = new Map(upserted.map((entry) => [alarmKey(entry.alarm.sourceSystemId, entry.alarm.externalAlarmId), entry]));
      const events: EventToWrite[] = plans.flatMap((plan) => {
        const row = written.get(alarmKey(plan.sourceSystemId, plan.externalAlarmId));
        return row ? plan.fold.events.map((event) => ({ alarmId: row.alarm.id, ...event })) : [];
      });
      const lastEventId = await appendAlarmEvents(em, events);
      return { plans, written, lastEventId, eventCount: events.length };
    });
    this.counters.flushes += 1;
    this.counters.alarmsWritten += written.size;
    this.counters.eventsWritten += eventCount;
    if (lastEventId !== null) this.wakeUp.publish(lastEventId);
    await this.answer(plans, written);
  }

  /** Settles each request of a committed batch with the alarm as it now stands. */
  private async answer(plans: KeyPlan[], written: Map<string, { alarm: StoredAlarm; inserted: boolean }>): Promise<void> {
    const current = new Map<string, StoredAlarm>();
    const lost: KeyPlan[] = [];
    for (const plan of plans) {
      const key = alarmKey(plan.sourceSystemId, plan.externalAlarmId);
      const alarm = written.get(key)?.alarm ?? plan.prior;
      if (alarm) current.set(key, alarm);
      else if (plan.fold.row) lost.push(plan);
    }
    // The rare alarm whose write lost to a newer one another instance committed meanwhile: read as it stands.
    if (lost.length > 0) for (const [key, alarm] of await readStoredAlarms(this.dataSource.manager, lost, { lock: false })) current.set(key, alarm);
    const codes = await this.sites.byIds([...current.values()].map((alarm) => alarm.siteId));
    const clearedWithoutRaise: string[] = [];
    for (const plan of plans) {
      const key = alarmKey(plan.sourceSystemId, plan.externalAlarmId);
      const alarm = current.get(key);
      const entry = written.get(key);
      for (const item of plan.items) {
        let outcome = plan.fold.outcomes.get(item.sequence);
        if (!alarm || outcome === undefined) {
          item.reject(new NotFoundError('alarm', item.change.externalAlarmId));
          continue;
        }
        // Written by another instance meanwhile (the row was not locked, being new): not ours to create.
        if (outcome === 'created' && entry && !entry.inserted) outcome = 'updated';
        if (plan.fold.row && !entry) outcome = 'stale';
        if (outcome === 'stale') this.counters.staleChanges += 1;
        else this.counters.changesAccepted += 1;
        if (outcome === 'created' && alarm.clearedWithoutRaise) clearedWithoutRaise.push(alarm.externalAlarmId);
        item.resolve({ alarm, siteCode: codes.get(alarm.siteId)?.code ?? '', outcome });
      }
    }
    if (clearedWithoutRaise.length > 0) {
      this.counters.clearedWithoutRaise += clearedWithoutRaise.length;
      this.logger.log(JSON.stringify({ event: 'alarm.cleared_without_raise', count: clearedWithoutRaise.length, externalAlarmIds: clearedWithoutRaise.slice(0, 5) }));
    }
  }
}
