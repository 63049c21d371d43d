import { MiddlewareConsumer, Module, RequestMethod, type NestModule } from '@nestjs/common';
import { IdentityModule } from '@netduty/identity';
import { IncidentsModule } from '@netduty/incidents';
import { NotificationsModule } from '@netduty/notifications';
import { AckLinkRedemptionService } from './ack-link-redemption.service';
import { AckLinksController } from './ack-links.controller';
import { ActingRecipient } from './acting-recipient';
import { DeliveryLogController } from './delivery-log.controller';
import { GatewayReceiptsController } from './gateway-receipts.controller';
import { MyNotificationsController } from './my-notifications.controller';
import { NotificationCentreController } from './notification-centre.controller';
import { NotificationGatewaysController } from './notification-gateways.controller';
import { SmsReplyService } from './sms-reply.service';
import { SmsWebhookController } from './sms-webhook.controller';
import { webhookRawBodyParser } from './webhook-raw-body';

@Module({
  imports: [NotificationsModule, IncidentsModule, IdentityModule],
  controllers: [NotificationCentreController, MyNotificationsController, DeliveryLogController, NotificationGatewaysController, AckLinksController, SmsWebhookController, GatewayReceiptsController],
  providers: [ActingRecipient, AckLinkRedemptionService, SmsReplyService],
})
export class NotificationsHttpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(webhookRawBodyParser)
      .forRoutes({ path: 'webhooks/sms/*path', method: RequestMethod.POST }, { path: 'webhooks/gateways/*path', method: RequestMethod.POST });
  }
}
