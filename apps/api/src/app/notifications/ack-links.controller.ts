import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AckLinkPreviewDto, IncidentDto } from '@netduty/contracts';
import { Public } from '../auth/access.decorators';
import { AckLinkRedemptionService } from './ack-link-redemption.service';
import { ackTokenParam } from './ack-token.pipe';

/** The acknowledge link in an e-mail or SMS: no login, the signed token is the credential. */
@ApiTags('notifications')
@Controller('ack')
export class AckLinksController {
  constructor(private readonly redemptions: AckLinkRedemptionService) {}

  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'What the link acknowledges and as whom (409 details.reason ack_link_expired / ack_link_used; 404 for a link we did not sign)' })
  preview(@Param('token', ackTokenParam) token: string): Promise<AckLinkPreviewDto> {
    return this.redemptions.preview(token);
  }

  @Post(':token')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: "Acknowledge as the link's person; single use, audited" })
  redeem(@Param('token', ackTokenParam) token: string): Promise<IncidentDto> {
    return this.redemptions.redeem(token);
  }
}
