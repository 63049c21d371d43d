import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { NotificationDeliveryEntity } from '@netduty/persistence';
import { NotificationQueues, type EnqueuedDelivery } from '../queue/notification-queues';
import type { NewDelivery } from './new-delivery';

/**
 * The notification outbox. `add` runs inside the caller's transaction (the one that stores an
 * escalation level), so the deliveries exist exactly when what caused them does; `dispatch`, after the
 * commit, puts one job per new row on its queue. If the process dies in between, or Redis is away,
 * the reconciliation sweep finds the rows still pending: Postgres, not Redis, is the source of truth.
 */
@Injectable()
export class NotificationOutbox {
  private readonly logger = new Logger(NotificationOutbox.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: NotificationQueues,
  ) {}

  /** Inserts the rows not there yet (ON CONFLICT DO NOTHING on the unique key) and returns those it inserted. */
  async add(manager: EntityManager, deliveries: readonly NewDelivery[]): Promise<EnqueuedDelivery[]> {
    if (deliveries.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationDeliveryEntity)
      .values(deliveries.map((delivery) => ({ ...delivery, ackCode: delivery.ackCode ?? null })))
      .orIgnore()
      .returning(['id', 'gatewayId', 'urgencyRank'])
      .execute();
    const rows = result.raw as { id: string; gateway_id: string | null; urgency_rank: number }[];
    return rows.map((row) => ({ id: row.id, gatewayId: row.gateway_id, urgencyRank: Number(row.urgency_rank) }));
  }

  /**
   * Enqueues rows after their transaction committed. A Redis failure is logged, not thrown: the
   * caller's work is committed and the sweep will enqueue them.
   */
  async dispatch(rows: readonly EnqueuedDelivery[]): Promise<void> {
    if (rows.length === 0) return;
    await this.queues.enqueue(rows).catch((error: Error) => {
      this.logger.warn(`could not enqueue ${rows.length} deliveries (the sweep will): ${error.message}`);
    });
  }

  /** `add` in a transaction of its own, then `dispatch`. */
  async addAndDispatch(deliveries: readonly NewDelivery[]): Promise<EnqueuedDelivery[]> {
    const rows = await this.dataSource.transaction((manager) => this.add(manager, deliveries));
    await this.dispatch(rows);
    return rows;
  }
}
