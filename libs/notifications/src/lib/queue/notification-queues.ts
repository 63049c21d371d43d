import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue, type ConnectionOptions } from 'bullmq';
import type { NotificationJobName } from '@netduty/contracts';
import { NOTIFICATION_IN_APP_QUEUE, notificationGatewayQueue, notificationJobId } from '@netduty/contracts';
import { APP_CONFIG, redisOptionsFromUrl, type AppConfig } from '@netduty/platform-config';
import { watchRedisClient } from '@netduty/platform-redis';
import { NOTIFICATION_BACKOFF_MS, NOTIFICATION_MAX_ATTEMPTS, jobPriority } from './delivery-job-options';

/** What the queue needs of an outbox row. */
export interface EnqueuedDelivery {
  id: string;
  gatewayId: string | null;
  urgencyRank: number;
  /** A retry's time; the job waits until then. */
  notBefore?: Date | null;
}

export function queueNameOf(delivery: Pick<EnqueuedDelivery, 'gatewayId'>): string {
  return delivery.gatewayId === null ? NOTIFICATION_IN_APP_QUEUE : notificationGatewayQueue(delivery.gatewayId);
}

/** The BullMQ connection and key prefix every notification queue and worker uses (PlatformModule's). */
export interface NotificationQueueConnection {
  connection: ConnectionOptions;
  prefix: string;
}

export function notificationQueueConnection(config: AppConfig): NotificationQueueConnection {
  return { connection: redisOptionsFromUrl(config.REDIS_URL), prefix: `${config.REDIS_PREFIX}:bull` };
}

/**
 * Producer side of the notification queues: one BullMQ queue per gateway (its own rate limiter) and
 * one for in-app. Gateways are rows, so queues are opened on first use rather than registered at boot.
 */
@Injectable()
export class NotificationQueues implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationQueues.name);
  private readonly queues = new Map<string, Queue>();
  private readonly connection: NotificationQueueConnection;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = notificationQueueConnection(config);
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection.connection, prefix: this.connection.prefix });
      watchRedisClient(queue, `notification queue ${name}`);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** One job per delivery, its id the delivery's: a delivery already queued (or kept as done) is not added again. */
  async enqueue(deliveries: readonly EnqueuedDelivery[]): Promise<void> {
    const byQueue = new Map<string, EnqueuedDelivery[]>();
    for (const delivery of deliveries) {
      const name = queueNameOf(delivery);
      const batch = byQueue.get(name);
      if (batch) batch.push(delivery);
      else byQueue.set(name, [delivery]);
    }
    const now = Date.now();
    await Promise.all(
      [...byQueue].map(([name, batch]) =>
        this.queue(name).addBulk(
          batch.map((delivery) => ({
            name: 'notification.deliver' satisfies NotificationJobName,
            data: { deliveryId: delivery.id },
            opts: {
              jobId: notificationJobId(delivery.id),
              priority: jobPriority(delivery.urgencyRank),
              delay: delivery.notBefore ? Math.max(0, delivery.notBefore.getTime() - now) : 0,
              attempts: NOTIFICATION_MAX_ATTEMPTS,
              backoff: { type: 'exponential', delay: NOTIFICATION_BACKOFF_MS },
              // Kept for a day, a finished job's id keeps deduplicating late duplicates.
              removeOnComplete: { age: 24 * 3600, count: 50_000 },
              removeOnFail: { age: 7 * 24 * 3600 },
            },
          })),
        ),
      ),
    );
    this.logger.debug(`enqueued ${deliveries.length} deliveries`);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close().catch(() => undefined)));
    this.queues.clear();
  }
}
