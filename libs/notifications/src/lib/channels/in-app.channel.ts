import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationInAppEntity } from '@netduty/persistence';
import { IN_APP_ANNOUNCER, type InAppAnnouncer } from './in-app-announcer';
import type { ChannelSendResult, DeliveryToSend, NotificationChannel } from './notification-channel';

/**
 * The console's notification centre. The row is unique per delivery, so a retried or duplicated job
 * finds the entry it made before and reports it again instead of adding a second one.
 */
@Injectable()
export class InAppChannel implements NotificationChannel {
  readonly channels = ['in_app'] as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(IN_APP_ANNOUNCER) private readonly announcer?: InAppAnnouncer,
  ) {}

  async send({ delivery }: DeliveryToSend): Promise<ChannelSendResult> {
    const repository = this.dataSource.getRepository(NotificationInAppEntity);
    const values = {
      userId: delivery.recipientUserId,
      incidentId: delivery.incidentId,
      deliveryId: delivery.id,
      titleKey: delivery.payload.titleKey,
      params: delivery.payload.params,
    };
    const inserted = await repository.createQueryBuilder().insert().values(values).orIgnore().returning(['id', 'created_at']).execute();
    const made = (inserted.raw as { id: string; created_at: Date }[])[0];
    // A retried or duplicated job finds the entry its first run made.
    const entry = made ? { ...values, id: made.id, createdAt: made.created_at, readAt: null } : await repository.findOneByOrFail({ deliveryId: delivery.id });
    // At least once, like every console event: a retried job announces the same entry (same id) again.
    this.announcer?.announce(entry.userId, {
      id: entry.id,
      incidentId: entry.incidentId,
      titleKey: entry.titleKey,
      params: entry.params,
      createdAt: entry.createdAt.toISOString(),
      readAt: entry.readAt?.toISOString() ?? null,
    });
    return { providerMessageId: entry.id, status: 'delivered' };
  }
}
