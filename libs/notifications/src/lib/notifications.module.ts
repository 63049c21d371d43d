import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { AckLinkService } from './ack/ack-link.service';
import { DeliveryLogService } from './delivery-log.service';
import { NotificationGatewayService } from './gateways/notification-gateway.service';
import { InAppNotificationService } from './inbox/in-app-notification.service';
import { NotificationOutbox } from './outbox/notification-outbox';
import { NotificationPlanner } from './planning/notification-planner';
import { NotificationPreferenceService } from './preferences/notification-preference.service';
import { NotificationQueues } from './queue/notification-queues';
import { InboundReplyService } from './webhook/inbound-reply.service';
import { DeliveryReceiptService } from './webhook/delivery-receipt.service';

/**
 * Notifications for any process: plan and add deliveries to the outbox (in the caller's transaction)
 * and enqueue them, the delivery log, acknowledge links and the inbound SMS webhook check, the gateways'
 * admin, people's channel preferences and the in-app centre. Sending is NotificationWorkersModule's.
 */
const SERVICES = [
  NotificationQueues,
  NotificationOutbox,
  NotificationPlanner,
  DeliveryLogService,
  AckLinkService,
  InboundReplyService,
  DeliveryReceiptService,
  NotificationGatewayService,
  NotificationPreferenceService,
  InAppNotificationService,
];

@Module({
  imports: [AuditModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class NotificationsModule {}
