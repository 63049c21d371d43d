import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NotificationChannelName } from '@netduty/contracts';
import { NotificationDeliveryEntity, NotificationGatewayEntity } from '@netduty/persistence';
import {
  NOTIFICATION_CHANNEL_ADAPTERS,
  PermanentSendError,
  type ChannelSendResult,
  type NotificationChannel,
} from '../channels/notification-channel';
import { NOTIFICATION_CLAIM_LEASE_MS, NOTIFICATION_MAX_ATTEMPTS, retryDelayMs } from '../queue/delivery-job-options';

export type DeliveryOutcome =
  | { outcome: 'sent' | 'delivered' }
  /** Sent, delivered or failed before: a duplicate job, or a retry after the row was finished. */
  | { outcome: 'already_done' }
  /** Another worker holds a fresh claim on it: try again later. */
  | { outcome: 'in_flight' }
  | { outcome: 'retry'; reason: string; attempts: number }
  | { outcome: 'failed'; reason: string };

/**
 * Sends one outbox row. The row is claimed with one UPDATE … RETURNING, so however many jobs exist for
 * it and however many workers run them, one send is in flight at a time and a finished row is never
 * sent again. The outcome is written back to the row before the job ends.
 */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);
  private readonly channelsByName = new Map<NotificationChannelName, NotificationChannel>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CHANNEL_ADAPTERS) channels: NotificationChannel[],
  ) {
    for (const channel of channels) {
      for (const name of channel.channels) {
        if (this.channelsByName.has(name)) throw new Error(`two notification channels handle ${name}`);
        this.channelsByName.set(name, channel);
      }
    }
  }

  async deliver(deliveryId: string): Promise<DeliveryOutcome> {
    // One statement decides who sends: of any number of jobs and workers, one gets the row back.
    const claim = await this.dataSource
      .createQueryBuilder()
      .update(NotificationDeliveryEntity)
      .set({ status: 'sending', attempts: () => 'attempts + 1', claimedAt: () => 'now()' })
      .where('id = :id', { id: deliveryId })
      .andWhere(`(status = 'pending' OR (status = 'sending' AND claimed_at < now() - make_interval(secs => :leaseSeconds)))`, {
        leaseSeconds: NOTIFICATION_CLAIM_LEASE_MS / 1000,
      })
      .returning(['id'])
      .execute();
    const claimed = claim.raw as { id: string }[];
    const deliveries = this.dataSource.getRepository(NotificationDeliveryEntity);
    if (claimed.length === 0) {
      const row = await deliveries.findOneBy({ id: deliveryId });
      return row?.status === 'sending' ? { outcome: 'in_flight' } : { outcome: 'already_done' };
    }
    const delivery = await deliveries.findOneByOrFail({ id: deliveryId });
    const gateway = delivery.gatewayId ? await this.dataSource.getRepository(NotificationGatewayEntity).findOneBy({ id: delivery.gatewayId }) : null;

    let result: ChannelSendResult;
    try {
      const channel = this.channelsByName.get(delivery.channel);
      if (!channel) throw new PermanentSendError(`no channel sends ${delivery.channel}`);
      if (delivery.gatewayId && !gateway?.enabled) throw new PermanentSendError('the gateway is disabled');
      result = await channel.send({ delivery, gateway });
    } catch (error) {
      const reason = (error as Error).message || String(error);
      if (error instanceof PermanentSendError || delivery.attempts >= NOTIFICATION_MAX_ATTEMPTS) {
        const stored = delivery.attempts >= NOTIFICATION_MAX_ATTEMPTS && !(error instanceof PermanentSendError)
          ? `gave up after ${delivery.attempts} attempts: ${reason}`
          : reason;
        await this.finish(deliveryId, { status: 'failed', lastError: stored });
        this.logger.warn(`delivery ${deliveryId} (${delivery.channel}) failed: ${stored}`);
        return { outcome: 'failed', reason: stored };
      }
      await this.dataSource.query(
        `UPDATE notification_deliveries
            SET status = 'pending', last_error = $2, claimed_at = NULL,
                next_attempt_at = now() + make_interval(secs => $3)
          WHERE id = $1 AND status = 'sending'`,
        [deliveryId, reason, retryDelayMs(delivery.attempts) / 1000],
      );
      return { outcome: 'retry', reason, attempts: delivery.attempts };
    }
    await this.finish(deliveryId, { status: result.status, providerMessageId: result.providerMessageId });
    return { outcome: result.status };
  }

  private async finish(
    deliveryId: string,
    change: { status: 'failed'; lastError: string } | { status: 'sent' | 'delivered'; providerMessageId: string | null },
  ): Promise<void> {
    if (change.status === 'failed') {
      await this.dataSource.query(
        `UPDATE notification_deliveries SET status = 'failed', last_error = $2, claimed_at = NULL, next_attempt_at = NULL
          WHERE id = $1 AND status = 'sending'`,
        [deliveryId, change.lastError],
      );
      return;
    }
    await this.dataSource.query(
      `UPDATE notification_deliveries
          SET status = $2, provider_message_id = $3, sent_at = now(),
              delivered_at = CASE WHEN $2 = 'delivered' THEN now() END,
              last_error = NULL, claimed_at = NULL, next_attempt_at = NULL
        WHERE id = $1 AND status = 'sending'`,
      [deliveryId, change.status, change.providerMessageId],
    );
  }
}
