import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { DataSource } from 'typeorm';
import { NotificationGatewayEntity, openSecretIfReadable } from '@netduty/persistence';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { messageText } from './message-text';
import { PermanentSendError, RetryableSendError, type ChannelSendResult, type DeliveryToSend, type NotificationChannel } from './notification-channel';

const SEND_TIMEOUT_MS = 10_000;

/** The Message-ID of a delivery: the same on every attempt, so a mailbox can drop a second copy. */
export function deliveryMessageId(deliveryId: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1]?.replace(/[^A-Za-z0-9.-]/g, '') || 'netduty.local';
  return `<delivery-${deliveryId}@${domain}>`;
}

interface SmtpFailure {
  responseCode?: number;
  code?: string;
  message: string;
}

/** 5xx replies (no such mailbox, refused sender) will not change on a retry; 4xx and network errors may. */
function classify(error: SmtpFailure): Error {
  const reason = error.responseCode ? `SMTP ${error.responseCode}: ${error.message}` : `SMTP ${error.code ?? 'error'}: ${error.message}`;
  if (error.responseCode !== undefined && error.responseCode >= 500 && error.responseCode < 600) return new PermanentSendError(reason);
  if (error.code === 'EENVELOPE' && error.responseCode === undefined) return new PermanentSendError(reason);
  return new RetryableSendError(reason);
}

/** E-mail through the gateway's SMTP server, with nodemailer; one pooled transport per gateway version. */
@Injectable()
export class EmailChannel implements NotificationChannel, OnModuleDestroy {
  readonly channels = ['email'] as const;
  private readonly transports = new Map<string, { version: number; transport: Transporter<SMTPTransport.SentMessageInfo> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send({ delivery, gateway }: DeliveryToSend): Promise<ChannelSendResult> {
    if (!gateway || gateway.kind !== 'email') throw new PermanentSendError('the delivery has no e-mail gateway');
    if (!delivery.address) throw new PermanentSendError('the recipient has no e-mail address');
    const from = gateway.fromAddress ?? '';
    const messageId = deliveryMessageId(delivery.id, from);
    const text = messageText(delivery.payload, null, this.config.NETDUTY_DRILL);
    const transport = await this.transportFor(gateway);
    try {
      const info = await transport.sendMail({
        from,
        to: delivery.address,
        subject: text.short,
        text: text.long,
        messageId,
        headers: { 'X-NetDuty-Delivery': delivery.id },
      });
      if (info.rejected.length > 0) throw new PermanentSendError(`SMTP rejected ${info.rejected.join(', ')}: ${info.response}`);
      return { providerMessageId: info.messageId || messageId, status: 'sent' };
    } catch (error) {
      if (error instanceof PermanentSendError || error instanceof RetryableSendError) throw error;
      throw classify(error as SmtpFailure);
    }
  }

  private async transportFor(gateway: NotificationGatewayEntity): Promise<Transporter<SMTPTransport.SentMessageInfo>> {
    const version = gateway.updatedAt.getTime();
    const cached = this.transports.get(gateway.id);
    if (cached && cached.version === version) return cached.transport;
    cached?.transport.close();
    // The password is not selected with the row; read it (sealed: a raw read opens it) only when building the transport.
    const secret = await this.dataSource
      .getRepository(NotificationGatewayEntity)
      .createQueryBuilder('gateway')
      .select('gateway.smtpPassword', 'password')
      .where('gateway.id = :id', { id: gateway.id })
      .getRawOne<{ password: string | null }>();
    const transport = createTransport({
      host: gateway.smtpHost ?? undefined,
      port: gateway.smtpPort ?? undefined,
      secure: gateway.smtpSecure,
      auth: gateway.smtpUser ? { user: gateway.smtpUser, pass: (secret?.password ? openSecretIfReadable(secret.password) : null) ?? '' } : undefined,
      pool: true,
      maxConnections: 2,
      connectionTimeout: SEND_TIMEOUT_MS,
      greetingTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
    });
    this.transports.set(gateway.id, { version, transport });
    return transport;
  }

  onModuleDestroy(): void {
    for (const { transport } of this.transports.values()) transport.close();
    this.transports.clear();
  }
}
