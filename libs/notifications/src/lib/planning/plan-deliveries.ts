import type { NotificationChannelName, NotificationGatewayKind, NotificationPayload, PriorityTier, Severity } from '@netduty/contracts';
import { NOTIFICATION_CHANNELS } from '@netduty/contracts';
import type { NewDelivery } from '../outbox/new-delivery';
import { deliveryUrgencyRank, usesEveryChannel } from './delivery-urgency';

/** What a person asked for when they chose nothing: the more severe, the more channels. */
export const DEFAULT_CHANNELS_BY_SEVERITY: Record<Severity, readonly NotificationChannelName[]> = {
  critical: NOTIFICATION_CHANNELS,
  major: ['in_app', 'email', 'sms'],
  minor: ['in_app', 'email'],
  warning: ['in_app'],
};

export interface NotificationRecipient {
  userId: string;
  /** Where they can be reached on each outside channel; in-app needs no address. */
  addresses: Partial<Record<NotificationGatewayKind, string>>;
  /** Their chosen channels per severity; a severity they have not set uses the default. */
  preferences: Partial<Record<Severity, readonly NotificationChannelName[]>>;
}

export interface DeliveryPlanRequest {
  sourceKey: string;
  incidentId: string | null;
  severity: Severity;
  priority: PriorityTier;
  payload: NotificationPayload;
}

export interface SkippedChannel {
  userId: string;
  channel: NotificationChannelName;
  reason: 'no_address' | 'no_gateway';
}

export interface DeliveryPlan {
  deliveries: NewDelivery[];
  /** Channels wanted but not reachable, for the caller's log. */
  skipped: SkippedChannel[];
}

/**
 * Who gets what, on which channel: a critical or P0 escalation goes to every channel each recipient
 * can be reached on; otherwise to the channels they chose for the severity. Pure: the caller loads
 * recipients and the enabled gateway of each kind, and `ackCodeFor` makes the SMS reply codes.
 */
export function planDeliveries(
  request: DeliveryPlanRequest,
  recipients: readonly NotificationRecipient[],
  gatewayByKind: Partial<Record<NotificationGatewayKind, string>>,
  ackCodeFor: () => string,
): DeliveryPlan {
  const everyChannel = usesEveryChannel(request.severity, request.priority);
  const urgencyRank = deliveryUrgencyRank(request.severity, request.priority);
  const deliveries: NewDelivery[] = [];
  const skipped: SkippedChannel[] = [];
  const seen = new Set<string>();
  for (const recipient of recipients) {
    if (seen.has(recipient.userId)) continue;
    seen.add(recipient.userId);
    const wanted = everyChannel
      ? NOTIFICATION_CHANNELS
      : (recipient.preferences[request.severity] ?? DEFAULT_CHANNELS_BY_SEVERITY[request.severity]);
    for (const channel of NOTIFICATION_CHANNELS.filter((candidate) => wanted.includes(candidate))) {
      const base = { sourceKey: request.sourceKey, incidentId: request.incidentId, recipientUserId: recipient.userId, channel, payload: request.payload, urgencyRank };
      if (channel === 'in_app') {
        deliveries.push({ ...base, gatewayId: null, address: null });
        continue;
      }
      const address = recipient.addresses[channel];
      const gatewayId = gatewayByKind[channel];
      // With every channel, an unreachable one is simply not one of theirs; a chosen one is reported.
      if (!address) {
        if (!everyChannel) skipped.push({ userId: recipient.userId, channel, reason: 'no_address' });
        continue;
      }
      if (!gatewayId) {
        skipped.push({ userId: recipient.userId, channel, reason: 'no_gateway' });
        continue;
      }
      deliveries.push({ ...base, gatewayId, address, ackCode: channel === 'sms' ? ackCodeFor() : null });
    }
  }
  return { deliveries, skipped };
}
