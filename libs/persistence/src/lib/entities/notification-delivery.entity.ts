import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_DELIVERY_STATUSES,
  type NotificationChannelName,
  type NotificationDeliveryStatus,
  type NotificationPayload,
} from '@netduty/contracts';
import { IncidentEntity } from './incident.entity';
import { NotificationGatewayEntity } from './notification-gateway.entity';
import { oneOf } from './one-of-check';
import { UserEntity } from './user.entity';

/**
 * The notification outbox: one row per (source, recipient, channel), written in the transaction of
 * what causes it (an escalation level stored). Postgres is the source of truth; the queue only carries
 * the row's id, and a sweep re-enqueues what Redis lost.
 */
@Entity({ name: 'notification_deliveries' })
@Check('notification_deliveries_channel_check', oneOf('channel', NOTIFICATION_CHANNELS))
@Check('notification_deliveries_status_check', oneOf('status', NOTIFICATION_DELIVERY_STATUSES))
@Check('notification_deliveries_gateway_for_outside', `(channel = 'in_app') = (gateway_id IS NULL)`)
@Unique('notification_deliveries_once', ['sourceKey', 'recipientUserId', 'channel'])
@Index('notification_deliveries_open', ['status', 'nextAttemptAt'], { where: `status IN ('pending', 'sending')` })
@Index('notification_deliveries_incident', ['incidentId', 'createdAt'])
@Index('notification_deliveries_recipient', ['recipientUserId', 'createdAt'])
@Index('notification_deliveries_reply', ['gatewayId', 'ackCode'], { where: 'ack_code IS NOT NULL' })
@Index('notification_deliveries_receipt', ['gatewayId', 'providerMessageId'], { where: 'provider_message_id IS NOT NULL' })
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What caused it, e.g. `escalation-<id>`: with recipient and channel, the delivery's identity. */
  @Column({ name: 'source_key', type: 'text' })
  sourceKey!: string;

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  @ForeignKey(() => IncidentEntity, { name: 'notification_deliveries_incident_id_fkey' })
  incidentId!: string | null;

  @Column({ name: 'recipient_user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'notification_deliveries_recipient_user_id_fkey' })
  recipientUserId!: string;

  @Column({ type: 'text' })
  channel!: NotificationChannelName;

  @Column({ name: 'gateway_id', type: 'uuid', nullable: true })
  @ForeignKey(() => NotificationGatewayEntity, { name: 'notification_deliveries_gateway_id_fkey' })
  gatewayId!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'jsonb' })
  payload!: NotificationPayload;

  /** 0 is the most urgent; the queue's job priority is this + 1. */
  @Column({ name: 'urgency_rank', type: 'integer', default: 0 })
  urgencyRank!: number;

  /** The short code a recipient may reply to the SMS gateway to acknowledge. */
  @Column({ name: 'ack_code', type: 'text', nullable: true })
  ackCode!: string | null;

  @Column({ type: 'text', default: 'pending' })
  status!: NotificationDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** When a worker claimed it; a claim older than the lease is taken to be a dead worker's. */
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
