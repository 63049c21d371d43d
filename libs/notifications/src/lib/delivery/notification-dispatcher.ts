import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { NotificationJobName, NotificationJobs } from '@netduty/contracts';
import { NOTIFICATION_IN_APP_QUEUE, notificationGatewayQueue } from '@netduty/contracts';
import { NotificationGatewayEntity } from '@netduty/persistence';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { watchRedisClient } from '@netduty/platform-redis';
import { notificationQueueConnection, type NotificationQueueConnection } from '../queue/notification-queues';
import { DeliveryReconciler } from './delivery-reconciler';
import { DeliverySender } from './delivery-sender';

type NotificationJob = { [N in NotificationJobName]: Job<NotificationJobs[N], string, N> }[NotificationJobName];
type NotificationWorker = Worker<NotificationJobs[NotificationJobName], string, NotificationJobName>;

/**
 * A send is one short HTTP or SMTP exchange (10 s timeout). BullMQ renews the lock every 5 s, so it
 * lapses only for a dead or frozen worker; a stalled job is back within about 15 s, and a second run is
 * harmless (the row claim).
 */
export const NOTIFICATION_WORKER_SETTINGS = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 2 } as const;
/** The fewest sends in flight per gateway and worker: small, so a slow gateway's queue keeps its urgency order. */
export const GATEWAY_MIN_IN_FLIGHT = 4;

/**
 * Sends in flight per gateway and worker. A gateway's limiter caps its rate; in flight it needs about
 * rate × the time of one send (Little's law), taken here as 100 ms: 4 for a 10/s SMS brandname, the
 * worker's concurrency for a fast relay at 1000/s, never more than the rate itself.
 */
export function gatewayInFlight(ratePerSecond: number, workerConcurrency: number): number {
  return Math.max(1, Math.min(ratePerSecond, workerConcurrency, Math.max(GATEWAY_MIN_IN_FLIGHT, Math.ceil(ratePerSecond / 10))));
}

/**
 * Runs the notification queues in a worker process: one BullMQ worker per enabled gateway, limited to
 * the gateway's rate (BullMQ's limiter is per queue and shared by every worker process), and one for
 * in-app. Gateways are rows, so the set is re-read on every sweep; the sweep itself (at start and every
 * RECONCILE_INTERVAL_SECONDS) runs from a timer in this process, not from Redis, so a flushed Redis
 * cannot lose it.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationDispatcher.name);
  private readonly workers = new Map<string, { worker: NotificationWorker; version: string }>();
  private readonly connection: NotificationQueueConnection;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sender: DeliverySender,
    private readonly reconciler: DeliveryReconciler,
  ) {
    this.connection = notificationQueueConnection(config);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.syncAndSweep('start');
    this.timer = setInterval(() => this.tick(), this.config.RECONCILE_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await Promise.all([...this.workers.values()].map(({ worker }) => worker.close()));
    this.workers.clear();
  }

  /** Starts, restarts (new rate) or stops gateway workers to match the table, then sweeps the outbox. */
  async syncAndSweep(trigger: string): Promise<void> {
    await this.syncWorkers();
    const enqueued = await this.reconciler.sweep();
    if (enqueued > 0) this.logger.log(`notification sweep (${trigger}): ${enqueued} open deliveries re-asserted from Postgres`);
  }

  private tick(): void {
    if (this.running || this.stopped) return;
    this.running = this.syncAndSweep('timer')
      .catch((error: Error) => this.logger.warn(`notification sweep failed: ${error.message}`))
      .finally(() => (this.running = undefined));
  }

  private async syncWorkers(): Promise<void> {
    const gateways = await this.dataSource.getRepository(NotificationGatewayEntity).findBy({ enabled: true });
    const wanted = new Map<string, { version: string; rate: number | null }>([[NOTIFICATION_IN_APP_QUEUE, { version: 'in-app', rate: null }]]);
    for (const gateway of gateways) {
      wanted.set(notificationGatewayQueue(gateway.id), { version: String(gateway.rateLimitPerSecond), rate: gateway.rateLimitPerSecond });
    }
    for (const [name, running] of this.workers) {
      if (wanted.get(name)?.version === running.version) continue;
      this.workers.delete(name);
      await running.worker.close();
    }
    for (const [name, { version, rate }] of wanted) {
      if (this.stopped || this.workers.has(name)) continue;
      this.workers.set(name, { worker: this.startWorker(name, rate), version });
    }
  }

  private startWorker(queueName: string, ratePerSecond: number | null): NotificationWorker {
    const worker: NotificationWorker = new Worker(queueName, (job: NotificationJob) => this.process(job), {
      ...this.connection,
      ...NOTIFICATION_WORKER_SETTINGS,
      concurrency: ratePerSecond === null ? this.config.WORKER_CONCURRENCY : gatewayInFlight(ratePerSecond, this.config.WORKER_CONCURRENCY),
      limiter: ratePerSecond === null ? undefined : { max: ratePerSecond, duration: 1000 },
    });
    watchRedisClient(worker, `notification worker ${queueName}`);
    worker.on('failed', (job, error) => {
      if (error instanceof UnrecoverableError || error.name === 'UnrecoverableError') return;
      this.logger.debug(`delivery job ${job?.id ?? '?'} will be retried: ${error.message}`);
    });
    return worker;
  }

  private async process(job: NotificationJob): Promise<string> {
    const result = await this.sender.deliver(job.data.deliveryId);
    switch (result.outcome) {
      case 'sent':
      case 'delivered':
      case 'already_done':
        return result.outcome;
      case 'failed':
        // Recorded on the row; BullMQ must not try again.
        throw new UnrecoverableError(result.reason);
      case 'retry':
        throw new Error(result.reason);
      case 'in_flight':
        throw new Error('another worker holds a fresh claim on this delivery');
    }
  }
}
