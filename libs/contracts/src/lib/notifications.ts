import type { IncidentDto } from './dto';
import type { PriorityTier, Severity } from './enums';

/** Where a person can be told: the console's notification centre, or an outside gateway. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'sms', 'zalo', 'telegram'] as const;
export type NotificationChannelName = (typeof NOTIFICATION_CHANNELS)[number];

/** The kinds of outside gateway (every channel but in-app goes through one). */
export const NOTIFICATION_GATEWAY_KINDS = ['email', 'sms', 'zalo', 'telegram'] as const;
export type NotificationGatewayKind = (typeof NOTIFICATION_GATEWAY_KINDS)[number];

/**
 * A delivery's life: `pending` (in the outbox, or waiting for a retry) → `sending` (claimed by one
 * worker) → `sent` (the gateway accepted it) → `delivered` (the in-app centre has it, or the gateway
 * reported the handset/mailbox has it); `failed` holds the reason of a permanent failure.
 */
export const NOTIFICATION_DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'delivered', 'failed'] as const;
export type NotificationDeliveryStatus = (typeof NOTIFICATION_DELIVERY_STATUSES)[number];

/** HTTP methods an HTTP gateway may be called with. */
export const NOTIFICATION_GATEWAY_METHODS = ['POST', 'PUT'] as const;
export type NotificationGatewayMethod = (typeof NOTIFICATION_GATEWAY_METHODS)[number];

/** What a notification says, as a key the console and the message renderer word (vi first, en second). */
export type NotificationTitleKey = 'escalation.fired' | 'incident.assigned' | 'gateway.test' | 'situation_report.generated';

export type NotificationParams = Record<string, string | number>;

/** Stored with each delivery: enough to word it on any channel without reading the incident again. */
export interface NotificationPayload {
  titleKey: NotificationTitleKey;
  params: NotificationParams;
  /** The signed, single-use acknowledge link, when the recipient may acknowledge from the message. */
  ackUrl?: string;
}

/** One line of the delivery log (per incident, per person). */
export interface NotificationDeliveryDto {
  id: string;
  incidentId: string | null;
  recipientUserId: string;
  channel: NotificationChannelName;
  gatewayId: string | null;
  address: string | null;
  status: NotificationDeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
}

/** An entry of the in-app notification centre. */
export interface InAppNotificationDto {
  id: string;
  incidentId: string | null;
  titleKey: NotificationTitleKey;
  params: NotificationParams;
  createdAt: string;
  readAt: string | null;
}

/** A person's channels for incidents of one severity (critical and P0 always use every channel). */
export interface NotificationPreferenceDto {
  severity: Severity;
  channels: NotificationChannelName[];
}

/** Urgency of a delivery, as the escalation that causes it knows it. */
export interface NotificationUrgency {
  severity: Severity;
  priority: PriorityTier;
}

/** Create or change a gateway (admin). Secrets are write-only: they never come back in NotificationGatewayDto. */
export interface SaveNotificationGatewayRequest {
  kind: NotificationGatewayKind;
  name: string;
  enabled?: boolean;
  rateLimitPerSecond?: number;
  smtpHost?: string | null;
  smtpPort?: number | null;
  smtpSecure?: boolean;
  smtpUser?: string | null;
  smtpPassword?: string | null;
  fromAddress?: string | null;
  url?: string | null;
  method?: NotificationGatewayMethod;
  headers?: Record<string, string>;
  bodyTemplate?: string | null;
  webhookSecret?: string | null;
}

export interface NotificationGatewayDto {
  id: string;
  kind: NotificationGatewayKind;
  name: string;
  enabled: boolean;
  rateLimitPerSecond: number;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecure: boolean;
  smtpUser: string | null;
  fromAddress: string | null;
  url: string | null;
  method: NotificationGatewayMethod;
  /** Header names only: values often hold the gateway's API key. */
  headerNames: string[];
  bodyTemplate: string | null;
  hasSmtpPassword: boolean;
  hasWebhookSecret: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The notification centre's header: how many are unread. */
export interface InAppNotificationCountDto {
  unread: number;
}

/** What an acknowledge link acknowledges, shown before the person confirms (GET /ack/:token). */
export interface AckLinkPreviewDto {
  incident: IncidentDto;
  /** Whose acknowledgement it will be. */
  recipientName: string;
  expiresAt: string;
}

/** Why a link cannot be used: sent as `details.reason` of a 409 conflict. */
export const ACK_LINK_REFUSALS = ['ack_link_expired', 'ack_link_used'] as const;
export type AckLinkRefusal = (typeof ACK_LINK_REFUSALS)[number];

/** What a gateway's delivery receipt reports about a message it accepted. */
export const DELIVERY_RECEIPT_STATUSES = ['delivered', 'failed'] as const;
export type DeliveryReceiptStatus = (typeof DELIVERY_RECEIPT_STATUSES)[number];

/**
 * One delivery receipt (DLR) from an HTTP gateway: the message by the id the gateway answered the send
 * with (`messageId`, `message_id` or `id` in its answer), what became of it, and for a failure why.
 * The webhook takes one receipt or `{"receipts": [...]}` (at most DELIVERY_RECEIPT_BATCH_MAX).
 */
export interface DeliveryReceiptDto {
  messageId: string;
  status: DeliveryReceiptStatus;
  reason?: string;
}

export const DELIVERY_RECEIPT_BATCH_MAX = 500;

/** The receipt webhook's answer: how many messages changed, and the ids it does not know (yet). */
export interface DeliveryReceiptResultDto {
  applied: number;
  /** Known messages already delivered or failed: a repeated receipt changes nothing. */
  unchanged: number;
  unmatched: string[];
}

/** The inbound SMS webhook's answer to the gateway. */
export interface SmsReplyResultDto {
  acknowledged: boolean;
  /** Why not, when not: no message with that code to that number, or the incident is past acknowledging. */
  reason?: 'no_match' | 'not_acknowledgeable';
  incidentId?: string;
}
