import type { NotificationChannelName, NotificationPayload } from '@netduty/contracts';

/** One row to put in the outbox. (sourceKey, recipientUserId, channel) is its identity. */
export interface NewDelivery {
  /** What causes it, e.g. `escalation-<escalation id>`; a retried transaction gives the same key. */
  sourceKey: string;
  incidentId: string | null;
  recipientUserId: string;
  channel: NotificationChannelName;
  /** Null exactly for in-app. */
  gatewayId: string | null;
  address: string | null;
  payload: NotificationPayload;
  /** 0 is the most urgent (see deliveryUrgencyRank). */
  urgencyRank: number;
  ackCode?: string | null;
}
