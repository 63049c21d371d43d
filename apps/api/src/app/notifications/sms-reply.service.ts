import { Injectable } from '@nestjs/common';
import type { SmsReplyResultDto } from '@netduty/contracts';
import { AuditService, NotAuthenticatedError } from '@netduty/identity';
import { TransitionIncident } from '@netduty/incidents';
import { InboundReplyService } from '@netduty/notifications';
import { InvalidInputError, InvalidTransitionError, NotFoundError } from '@netduty/platform-errors';
import { ActingRecipient } from './acting-recipient';

const REPLY_NOTE = 'Xác nhận bằng tin nhắn trả lời / acknowledged by SMS reply';

/**
 * The SMS gateway's inbound webhook: a signed reply carrying a message's six-digit code acknowledges
 * that incident as the person it was sent to. Every outcome is audited, a bad signature as denied (401).
 */
@Injectable()
export class SmsReplyService {
  constructor(
    private readonly replies: InboundReplyService,
    private readonly recipients: ActingRecipient,
    private readonly transition: TransitionIncident,
    private readonly audit: AuditService,
  ) {}

  async receive(gatewayId: string, rawBody: Buffer, signature: string | undefined): Promise<SmsReplyResultDto> {
    const reply = await this.replies.resolve(gatewayId, rawBody, signature);
    if (!reply.ok) {
      const statusCode = reply.reason === 'unknown_gateway' ? 404 : reply.reason === 'bad_signature' ? 401 : reply.reason === 'malformed' ? 400 : 200;
      await this.audit.record({
        action: 'notification.sms_reply',
        entityType: 'notification_gateway',
        entityId: reply.reason === 'unknown_gateway' ? null : gatewayId,
        outcome: reply.reason === 'bad_signature' ? 'denied' : reply.reason === 'no_match' ? 'success' : 'failed',
        statusCode,
        after: { reason: reply.reason },
      });
      if (reply.reason === 'unknown_gateway') throw new NotFoundError('notification gateway', gatewayId);
      if (reply.reason === 'bad_signature') throw new NotAuthenticatedError('the webhook signature does not match the gateway secret');
      if (reply.reason === 'malformed') throw new InvalidInputError([{ field: 'text', code: 'invalid_format' }]);
      return { acknowledged: false, reason: 'no_match' };
    }
    const actor = await this.recipients.acknowledger(reply.userId, `sms-reply:${reply.deliveryId}`);
    try {
      // The reply's audit line commits with the acknowledgement it records.
      await this.transition.execute({ incidentId: reply.incidentId, action: 'acknowledge', note: REPLY_NOTE }, actor, (_transaction, audit) =>
        audit.record({ action: 'notification.sms_reply', entityType: 'incident', entityId: reply.incidentId, after: { deliveryId: reply.deliveryId, userId: reply.userId } }),
      );
    } catch (error) {
      if (!(error instanceof InvalidTransitionError)) throw error;
      await this.audit.record({ action: 'notification.sms_reply', entityType: 'incident', entityId: reply.incidentId, outcome: 'failed', statusCode: 200, after: { deliveryId: reply.deliveryId, reason: 'not_acknowledgeable' } });
      return { acknowledged: false, reason: 'not_acknowledgeable', incidentId: reply.incidentId };
    }
    return { acknowledged: true, incidentId: reply.incidentId };
  }
}
