import type { DataSource } from 'typeorm';
import { NotificationGatewayEntity } from '@netduty/persistence';
import { isUuid } from '../uuid';
import { verifyWebhookSignature } from './webhook-signature';

export type SignedGatewayBody =
  | { ok: true; gateway: NotificationGatewayEntity; message: unknown }
  | { ok: false; reason: 'unknown_gateway' | 'bad_signature' | 'malformed' };

/**
 * What every gateway webhook checks first: the gateway exists and has a webhook secret, the raw body
 * carries its HMAC, and the body is JSON. Only then is the message looked at.
 */
export async function signedGatewayBody(dataSource: DataSource, gatewayId: string, rawBody: Buffer, signature: string | undefined): Promise<SignedGatewayBody> {
  if (!isUuid(gatewayId)) return { ok: false, reason: 'unknown_gateway' };
  const gateway = await dataSource
    .getRepository(NotificationGatewayEntity)
    .createQueryBuilder('gateway')
    .addSelect('gateway.webhookSecret')
    .where('gateway.id = :id', { id: gatewayId })
    .getOne();
  if (!gateway?.webhookSecret) return { ok: false, reason: 'unknown_gateway' };
  if (!verifyWebhookSignature(rawBody, signature, gateway.webhookSecret)) return { ok: false, reason: 'bad_signature' };
  try {
    return { ok: true, gateway, message: JSON.parse(rawBody.toString('utf8')) as unknown };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
