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
  private gatewayColumns?: string;

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
    // One statement decides who sends: of any number of jobs and workers, one gets the row back, with
    // its gateway (secrets are not selected; a channel reads its own when it needs it).
    const [claimed] = (await this.dataSource.query(
      `WITH claimed AS (
         UPDATE notification_deliveries
            SET status = 'sending', attempts = attempts + 1, claimed_at = now()
          WHERE id = $1 AND (status = 'pending' OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $2)))
          RETURNING *
       )
       SELECT claimed.*, ${this.gatewayJson()} AS gateway FROM claimed LEFT JOIN notification_gateways gateway ON gateway.id = claimed.gateway_id`,
      [deliveryId, NOTIFICATION_CLAIM_LEASE_MS / 1000],
    )) as Record<string, unknown>[];
    if (!claimed) {
      const rows = (await this.dataSource.query(`SELECT status FROM notification_deliveries WHERE id = $1`, [deliveryId])) as { status: string }[];
      return rows[0]?.status === 'sending' ? { outcome: 'in_flight' } : { outcome: 'already_done' };
    }
    const delivery = this.hydrate(NotificationDeliveryEntity, claimed);
    const gateway = claimed['gateway'] ? this.hydrate(NotificationGatewayEntity, claimed['gateway'] as Record<string, unknown>) : null;

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

  /** The gateway's selectable columns as one JSON value beside the claimed row: its secrets stay unselected. */
  private gatewayJson(): string {
    this.gatewayColumns ??= this.dataSource
      .getMetadata(NotificationGatewayEntity)
      .columns.filter((column) => column.isSelect)
      .map((column) => `'${column.databaseName}', gateway.${column.databaseName}`)
      .join(', ');
    return `CASE WHEN gateway.id IS NULL THEN NULL ELSE json_build_object(${this.gatewayColumns}) END`;
  }

  /** A raw row as the entity TypeORM would have loaded (column names, dates, json), by its own metadata. */
  private hydrate<T extends object>(target: new () => T, raw: Record<string, unknown>): T {
    const metadata = this.dataSource.getMetadata(target);
    const entity = metadata.create() as T;
    for (const column of metadata.columns) {
      if (!(column.databaseName in raw)) continue;
      const value: unknown = this.dataSource.driver.prepareHydratedValue(raw[column.databaseName], column);
      // The column's own transformer (sealed secrets) applies, as on any load.
      const transformer = Array.isArray(column.transformer) ? undefined : column.transformer;
      column.setEntityValue(entity, transformer ? transformer.from(value) : value);
    }
    return entity;
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
