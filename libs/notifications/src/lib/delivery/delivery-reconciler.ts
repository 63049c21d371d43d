import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notificationJobId } from '@netduty/contracts';
import { NOTIFICATION_CLAIM_LEASE_MS } from '../queue/delivery-job-options';
import { NotificationQueues, queueNameOf, type EnqueuedDelivery } from '../queue/notification-queues';

const SWEEP_BATCH = 5_000;

/**
 * Postgres is the source of truth for what is still to send. The sweep re-enqueues every row that is
 * pending (its job lost to a flushed Redis, or never enqueued because the process died after the
 * commit) or claimed by a worker that has not finished within the lease (a killed worker). Job ids are
 * the delivery ids, so rows that still have their job are left alone; a job kept as finished while its
 * row is not (Redis and Postgres disagreeing after a crash) is removed first so the row can run again.
 */
@Injectable()
export class DeliveryReconciler {
  private readonly logger = new Logger(DeliveryReconciler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: NotificationQueues,
  ) {}

  async sweep(): Promise<number> {
    const rows: { id: string; gateway_id: string | null; urgency_rank: number; next_attempt_at: Date | null }[] = await this.dataSource.query(
      `SELECT d.id, d.gateway_id, d.urgency_rank, d.next_attempt_at
         FROM notification_deliveries d
         LEFT JOIN notification_gateways g ON g.id = d.gateway_id
        WHERE (d.status = 'pending' OR (d.status = 'sending' AND d.claimed_at < now() - make_interval(secs => $1)))
          AND (d.gateway_id IS NULL OR g.enabled)
        ORDER BY d.urgency_rank, d.created_at
        LIMIT ${SWEEP_BATCH}`,
      [NOTIFICATION_CLAIM_LEASE_MS / 1000],
    );
    const open: EnqueuedDelivery[] = rows.map((row) => ({
      id: row.id,
      gatewayId: row.gateway_id,
      urgencyRank: Number(row.urgency_rank),
      notBefore: row.next_attempt_at ? new Date(row.next_attempt_at) : null,
    }));
    await Promise.all(open.map((delivery) => this.dropFinishedJob(delivery)));
    if (open.length > 0) await this.queues.enqueue(open);
    return open.length;
  }

  private async dropFinishedJob(delivery: EnqueuedDelivery): Promise<void> {
    const queue = this.queues.queue(queueNameOf(delivery));
    const jobId = notificationJobId(delivery.id);
    const state = await queue.getJobState(jobId);
    if (state !== 'completed' && state !== 'failed') return;
    await queue.remove(jobId).catch((error: Error) => this.logger.debug(`could not remove ${jobId}: ${error.message}`));
  }
}
