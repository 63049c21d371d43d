import { Module } from '@nestjs/common';
import { AckLinkService } from './ack/ack-link.service';
import { DeliveryLogService } from './delivery-log.service';
import { NotificationOutbox } from './outbox/notification-outbox';
import { NotificationPlanner } from './planning/notification-planner';
import { NotificationQueues } from './queue/notification-queues';
import { InboundReplyService } from './webhook/inbound-reply.service';

/**
 * Notifications for any process: plan and add deliveries to the outbox (in the caller's transaction)
 * and enqueue them, the delivery log, acknowledge links and the inbound SMS webhook check. Sending is
 * NotificationWorkersModule's, in the worker.
 */
@Module({
  providers: [NotificationQueues, NotificationOutbox, NotificationPlanner, DeliveryLogService, AckLinkService, InboundReplyService],
  exports: [NotificationQueues, NotificationOutbox, NotificationPlanner, DeliveryLogService, AckLinkService, InboundReplyService],
})
export class NotificationsModule {}
