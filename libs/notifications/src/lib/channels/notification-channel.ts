import type { NotificationChannelName } from '@netduty/contracts';
import type { NotificationDeliveryEntity, NotificationGatewayEntity } from '@netduty/persistence';

/** What a channel needs to send one delivery: the claimed outbox row and, outside in-app, its gateway. */
export interface DeliveryToSend {
  delivery: NotificationDeliveryEntity;
  gateway: NotificationGatewayEntity | null;
}

export interface ChannelSendResult {
  /** The gateway's id for the message (Message-ID, the gateway's message id), or ours when it gives none. */
  providerMessageId: string | null;
  /** `delivered` when the channel itself is the destination (in-app); `sent` when a gateway accepted it. */
  status: 'sent' | 'delivered';
}

/** The send failed in a way a later attempt may fix (a 5xx, a timeout, a refused connection). */
export class RetryableSendError extends Error {
  override readonly name = 'RetryableSendError';
}

/** The send can never succeed as it stands (a 4xx, a rejected mailbox, a broken template). */
export class PermanentSendError extends Error {
  override readonly name = 'PermanentSendError';
}

/**
 * One way of reaching a person. Implementations throw RetryableSendError or PermanentSendError (any
 * other error counts as retryable); the sender records the outcome on the outbox row.
 */
export interface NotificationChannel {
  readonly channels: readonly NotificationChannelName[];
  send(toSend: DeliveryToSend): Promise<ChannelSendResult>;
}

/** The Nest token under which every channel is provided, as an array. */
export const NOTIFICATION_CHANNEL_ADAPTERS = Symbol('NOTIFICATION_CHANNEL_ADAPTERS');
