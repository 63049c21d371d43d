import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeliveryReceiptResultDto, FieldProblem } from '@netduty/contracts';
import { parseDeliveryReceipts } from './delivery-receipts';
import { signedGatewayBody } from './signed-gateway-body';

export type ReceiptOutcome =
  | { ok: true; result: DeliveryReceiptResultDto }
  | { ok: false; reason: 'unknown_gateway' | 'bad_signature' }
  | { ok: false; reason: 'malformed'; problems: FieldProblem[] };

/**
 * A gateway's delivery receipts (DLR), signed like its replies: each names a message by the id the
 * gateway answered the send with and says delivered or failed. A sent message moves on, in one
 * statement for the whole batch; a repeated receipt changes nothing; an id we do not know is reported
 * back (a receipt can outrun the send's own write), not treated as an error.
 */
@Injectable()
export class DeliveryReceiptService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async apply(gatewayId: string, rawBody: Buffer, signature: string | undefined): Promise<ReceiptOutcome> {
    const body = await signedGatewayBody(this.dataSource, gatewayId, rawBody, signature);
    if (!body.ok) {
      if (body.reason === 'malformed') return { ok: false, reason: 'malformed', problems: [{ field: 'body', code: 'invalid_format' }] };
      return { ok: false, reason: body.reason };
    }
    const parsed = parseDeliveryReceipts(body.message);
    if (!parsed.ok) return { ok: false, reason: 'malformed', problems: parsed.problems };

    const ids = parsed.receipts.map((receipt) => receipt.messageId);
    // As a SELECT over the UPDATE, so the driver answers the changed rows themselves.
    const applied: { provider_message_id: string }[] = await this.dataSource.query(
      `WITH receipt AS (
         SELECT DISTINCT ON (message_id) message_id, status, reason
           FROM unnest($2::text[], $3::text[], $4::text[]) AS r (message_id, status, reason)
       ), changed AS (
         UPDATE notification_deliveries d
            SET status = receipt.status,
                delivered_at = CASE WHEN receipt.status = 'delivered' THEN now() ELSE d.delivered_at END,
                last_error = CASE WHEN receipt.status = 'failed' THEN 'gateway receipt: ' || coalesce(nullif(receipt.reason, ''), 'not delivered') END
           FROM receipt
          WHERE d.gateway_id = $1 AND d.provider_message_id = receipt.message_id AND d.status = 'sent'
          RETURNING d.provider_message_id
       )
       SELECT provider_message_id FROM changed`,
      [gatewayId, ids, parsed.receipts.map((receipt) => receipt.status), parsed.receipts.map((receipt) => receipt.reason ?? null)],
    );
    const known: { provider_message_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT provider_message_id FROM notification_deliveries WHERE gateway_id = $1 AND provider_message_id = ANY($2::text[])`,
      [gatewayId, ids],
    );
    const knownIds = new Set(known.map((row) => row.provider_message_id));
    const distinct = [...new Set(ids)];
    return {
      ok: true,
      result: {
        applied: applied.length,
        unchanged: Math.max(0, distinct.filter((id) => knownIds.has(id)).length - applied.length),
        unmatched: distinct.filter((id) => !knownIds.has(id)),
      },
    };
  }
}
