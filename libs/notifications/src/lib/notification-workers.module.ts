import { Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { EmailChannel } from './channels/email.channel';
import { HttpGatewayChannel } from './channels/http-gateway.channel';
import { IN_APP_ANNOUNCER, type InAppAnnouncer } from './channels/in-app-announcer';
import { InAppChannel } from './channels/in-app.channel';
import { NOTIFICATION_CHANNEL_ADAPTERS, type NotificationChannel } from './channels/notification-channel';
import { DeliveryReconciler } from './delivery/delivery-reconciler';
import { DeliverySender } from './delivery/delivery-sender';
import { NotificationDispatcher } from './delivery/notification-dispatcher';
import { NotificationsModule } from './notifications.module';

/**
 * The sending side, for the worker: the channels, the per-gateway BullMQ workers and the outbox sweep.
 * Importing it starts them (onApplicationBootstrap); the api imports NotificationsModule only.
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    InAppChannel,
    EmailChannel,
    HttpGatewayChannel,
    {
      provide: NOTIFICATION_CHANNEL_ADAPTERS,
      useFactory: (...channels: NotificationChannel[]) => channels,
      inject: [InAppChannel, EmailChannel, HttpGatewayChannel],
    },
    DeliverySender,
    DeliveryReconciler,
    NotificationDispatcher,
  ],
  exports: [NotificationsModule, DeliverySender, DeliveryReconciler, NotificationDispatcher],
})
export class NotificationWorkersModule {
  /** The same, with `announcer` telling consoles of each new in-app entry (`imports`: what it needs, e.g. RealtimeModule). */
  static withAnnouncer(announcer: Type<InAppAnnouncer>, imports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: NotificationWorkersModule,
      imports,
      providers: [announcer, { provide: IN_APP_ANNOUNCER, useExisting: announcer }],
    };
  }
}
