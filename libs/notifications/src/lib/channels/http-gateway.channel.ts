import { Inject, Injectable } from '@nestjs/common';
import type { NotificationGatewayEntity } from '@netduty/persistence';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { renderBodyTemplate } from './body-template';
import { messageText } from './message-text';
import { PermanentSendError, RetryableSendError, type ChannelSendResult, type DeliveryToSend, type NotificationChannel } from './notification-channel';

const SEND_TIMEOUT_MS = 10_000;
/** Statuses worth trying again: timeouts, "too early", rate limited, and every server error. */
const RETRYABLE_STATUSES = new Set([408, 425, 429]);

function providerIdFrom(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    for (const key of ['messageId', 'message_id', 'id']) {
      const value = parsed[key];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  } catch {
    // Not JSON: the gateway gave no id.
  }
  return null;
}

/**
 * SMS brandname, Zalo OA and Telegram through a configured HTTP gateway: a URL and a JSON body
 * template, no provider in the code. The Idempotency-Key header is the delivery id, the same on every
 * attempt, so a gateway that honours it never sends a retried request twice. The id the gateway answers
 * with is kept, for its delivery receipts (DeliveryReceiptService).
 */
@Injectable()
export class HttpGatewayChannel implements NotificationChannel {
  readonly channels = ['sms', 'zalo', 'telegram'] as const;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send({ delivery, gateway }: DeliveryToSend): Promise<ChannelSendResult> {
    if (!gateway || gateway.kind === 'email' || !gateway.url || !gateway.bodyTemplate) {
      throw new PermanentSendError('the delivery has no HTTP gateway');
    }
    if (!delivery.address) throw new PermanentSendError(`the recipient has no ${delivery.channel} address`);
    const text = messageText(delivery.payload, delivery.ackCode, this.config.NETDUTY_DRILL);
    let body: string;
    try {
      body = renderBodyTemplate(gateway.bodyTemplate, {
        address: delivery.address,
        text: text.short + (delivery.ackCode ? ` (${delivery.ackCode})` : ''),
        deliveryId: delivery.id,
        ackCode: delivery.ackCode ?? '',
        ackUrl: delivery.payload.ackUrl ?? '',
        incidentReference: String(delivery.payload.params['reference'] ?? ''),
      });
    } catch (error) {
      throw new PermanentSendError((error as Error).message);
    }
    const response = await this.call(gateway, delivery.id, body);
    const answer = await response.text().catch(() => '');
    if (response.ok) return { providerMessageId: providerIdFrom(answer), status: 'sent' };
    const reason = `HTTP ${response.status}: ${answer.slice(0, 200)}`;
    if (response.status >= 500 || RETRYABLE_STATUSES.has(response.status)) throw new RetryableSendError(reason);
    throw new PermanentSendError(reason);
  }

  private async call(gateway: NotificationGatewayEntity, deliveryId: string, body: string): Promise<Response> {
    try {
      return await fetch(gateway.url ?? '', {
        method: gateway.method,
        // X-NetDuty-Gateway tells a gateway (or the local sink) where its receipts go: /webhooks/gateways/<id>/receipts.
        headers: { 'content-type': 'application/json', ...gateway.headers, 'idempotency-key': deliveryId, 'x-netduty-gateway': gateway.id },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      throw new RetryableSendError(`HTTP request failed: ${(error as Error).message}`);
    }
  }
}
