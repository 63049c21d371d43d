import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { signedGatewayBody } from './signed-gateway-body';

export type InboundReply =
  | { ok: true; deliveryId: string; incidentId: string; userId: string }
  | { ok: false; reason: 'unknown_gateway' | 'bad_signature' | 'malformed' | 'no_match' };

/** Replies are accepted for a day after the message. */
const REPLY_WINDOW_HOURS = 24;

/** Vietnamese numbers written +84…, 84… or 0…: compared as 0… digits. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

/**
 * The SMS gateway's inbound webhook: `{"from": "+84…", "text": "… 123456 …"}` signed with the gateway's
 * secret. A good signature and a six-digit code matching a message sent to that number resolve to the
 * incident and person; the api's route then acknowledges as that person and audits it.
 */
@Injectable()
export class InboundReplyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resolve(gatewayId: string, rawBody: Buffer, signature: string | undefined): Promise<InboundReply> {
    const body = await signedGatewayBody(this.dataSource, gatewayId, rawBody, signature);
    if (!body.ok) return body;
    const { from, text } = (body.message ?? {}) as { from?: unknown; text?: unknown };
    const code = typeof text === 'string' ? /(?:^|\D)(\d{6})(?:\D|$)/.exec(text)?.[1] : undefined;
    if (typeof from !== 'string' || !code) return { ok: false, reason: 'malformed' };

    const candidates: { id: string; incident_id: string | null; recipient_user_id: string; address: string | null }[] = await this.dataSource.query(
      `SELECT id, incident_id, recipient_user_id, address FROM notification_deliveries
        WHERE gateway_id = $1 AND ack_code = $2 AND status IN ('sent', 'delivered')
          AND created_at > now() - make_interval(hours => $3)
        ORDER BY created_at DESC`,
      [gatewayId, code, REPLY_WINDOW_HOURS],
    );
    const match = candidates.find((row) => row.address !== null && row.incident_id !== null && normalisePhone(row.address) === normalisePhone(from));
    if (!match?.incident_id) return { ok: false, reason: 'no_match' };
    return { ok: true, deliveryId: match.id, incidentId: match.incident_id, userId: match.recipient_user_id };
  }
}
