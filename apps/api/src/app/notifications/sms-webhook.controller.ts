import { Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { SmsReplyResultDto } from '@netduty/contracts';
import { Public } from '../auth/access.decorators';
import { UnsupportedBodyError, webhookRawBody } from './webhook-raw-body';
import { SmsReplyService } from './sms-reply.service';

/** The SMS brandname gateway's inbound webhook: replies to our messages. Signed; no login. */
@ApiTags('notifications')
@Controller('webhooks/sms')
export class SmsWebhookController {
  constructor(private readonly replies: SmsReplyService) {}

  @Post(':gatewayId')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'A reply {"from","text"} with the six-digit code of a message acknowledges that incident as its recipient; audited',
    description: "X-Signature: hex HMAC-SHA256 of the raw body under the gateway's webhook secret (optionally 'sha256=…'); a bad one is 401 and audited.",
  })
  @ApiHeader({ name: 'X-Signature', required: true })
  receive(@Param('gatewayId') gatewayId: string, @Req() request: Request, @Headers('x-signature') signature: string | undefined): Promise<SmsReplyResultDto> {
    const raw = webhookRawBody(request);
    if (!raw) throw new UnsupportedBodyError();
    return this.replies.receive(gatewayId, raw, signature);
  }
}
