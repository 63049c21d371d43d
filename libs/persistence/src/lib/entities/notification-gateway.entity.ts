import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SEALED_TEXT, SEALED_VALUES } from '../secret-box';
import {
  NOTIFICATION_GATEWAY_KINDS,
  NOTIFICATION_GATEWAY_METHODS,
  type NotificationGatewayKind,
  type NotificationGatewayMethod,
} from '@netduty/contracts';
import { oneOf } from './one-of-check';

/**
 * An outside gateway: an SMTP server for email, or an HTTP endpoint (SMS brandname, Zalo OA, Telegram)
 * described by a URL and a body template, so no provider is wired into the code. Each has its own rate
 * limit, applied across every worker.
 */
@Entity({ name: 'notification_gateways' })
@Check('notification_gateways_kind_check', oneOf('kind', NOTIFICATION_GATEWAY_KINDS))
@Check('notification_gateways_method_check', oneOf('method', NOTIFICATION_GATEWAY_METHODS))
@Check('notification_gateways_rate_limit_check', 'rate_limit_per_second >= 1 AND rate_limit_per_second <= 1000')
@Check('notification_gateways_email_complete', `kind <> 'email' OR (smtp_host IS NOT NULL AND smtp_port IS NOT NULL AND from_address IS NOT NULL)`)
@Check('notification_gateways_http_complete', `kind = 'email' OR (url IS NOT NULL AND body_template IS NOT NULL)`)
export class NotificationGatewayEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: NotificationGatewayKind;

  @Column({ type: 'text', unique: true })
  name!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'rate_limit_per_second', type: 'integer', default: 10 })
  rateLimitPerSecond!: number;

  @Column({ name: 'smtp_host', type: 'text', nullable: true })
  smtpHost!: string | null;

  @Column({ name: 'smtp_port', type: 'integer', nullable: true })
  smtpPort!: number | null;

  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @Column({ name: 'smtp_secure', type: 'boolean', default: false })
  smtpSecure!: boolean;

  @Column({ name: 'smtp_user', type: 'text', nullable: true })
  smtpUser!: string | null;

  /** Sealed at rest (secret-box). */
  @Column({ name: 'smtp_password', type: 'text', nullable: true, select: false, transformer: SEALED_TEXT })
  smtpPassword!: string | null;

  @Column({ name: 'from_address', type: 'text', nullable: true })
  fromAddress!: string | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'text', default: 'POST' })
  method!: NotificationGatewayMethod;

  /** Names readable, values sealed at rest (secret-box): they carry the gateway's API keys. */
  @Column({ type: 'jsonb', default: {}, transformer: SEALED_VALUES })
  headers!: Record<string, string>;

  /** JSON with `{{placeholder}}`s, each replaced by its JSON-escaped value. */
  @Column({ name: 'body_template', type: 'text', nullable: true })
  bodyTemplate!: string | null;

  /** HMAC-SHA256 key the gateway signs its inbound webhook (replies, receipts) with. */
  @Column({ name: 'webhook_secret', type: 'text', nullable: true, select: false, transformer: SEALED_TEXT })
  webhookSecret!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
