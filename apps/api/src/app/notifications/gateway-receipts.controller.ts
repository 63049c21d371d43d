import { Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { DeliveryReceiptResultDto } from '@netduty/contracts';
import { AuditService, NotAuthenticatedError } from '@netduty/identity';
import { DeliveryReceiptService } from '@netduty/notifications';
import { InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { Public } from '../auth/access.decorators';
import { UnsupportedBodyError, webhookRawBody } from './webhook-raw-body';

/**
 * An HTTP gateway's delivery receipts (DLR): the delivery log's "delivered" and "failed after sending"
 * come from here. Signed with the gateway's webhook secret, like its replies; no login. A bad signature
 * is audited as denied; receipts themselves are machine traffic, kept on the deliveries they change.
 */
@ApiTags('notifications')
@Controller('webhooks/gateways')
export class GatewayReceiptsController {
  constructor(
    private readonly receipts: DeliveryReceiptService,
    private readonly audit: AuditService,
  ) {}

  @Post(':gatewayId/receipts')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Delivery receipts {"messageId","status":"delivered"|"failed","reason"?} or {"receipts":[…]} (≤ 500) for messages this gateway accepted',
    description: "X-Signature: hex HMAC-SHA256 of the raw body under the gateway's webhook secret (optionally 'sha256=…'); a bad one is 401 and audited. Unknown ids are answered in `unmatched`.",
  })
  @ApiHeader({ name: 'X-Signature', required: true })
  async receive(@Param('gatewayId') gatewayId: string, @Req() request: Request, @Headers('x-signature') signature: string | undefined): Promise<DeliveryReceiptResultDto> {
    const raw = webhookRawBody(request);
    if (!raw) throw new UnsupportedBodyError();
    const outcome = await this.receipts.apply(gatewayId, raw, signature);
    if (outcome.ok) return outcome.result;
    switch (outcome.reason) {
      case 'unknown_gateway':
        throw new NotFoundError('notification gateway', gatewayId);
      case 'bad_signature':
        await this.audit.record({ action: 'notification.receipt', entityType: 'notification_gateway', entityId: gatewayId, outcome: 'denied', statusCode: 401, after: { reason: 'bad_signature' } });
        throw new NotAuthenticatedError('the webhook signature does not match the gateway secret');
      case 'malformed':
        throw new InvalidInputError(outcome.problems);
    }
  }
}
