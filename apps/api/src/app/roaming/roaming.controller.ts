import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RoamingProposalsDto, RoamingRequestDto } from '@netduty/contracts';
import { RoamingService } from '@netduty/alarms';
import type { Actor } from '@netduty/identity';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { RoamingListQuery } from './dto/roaming-list.query';
import { DismissRoamingProposalBody, IssueRoamingRequestBody } from './dto/roaming.body';

const uuid = uuidParam('id');

/**
 * Inter-operator roaming (chuyển vùng nội địa). Proposals and requests span operators, so reading them
 * is the province-wide network-safety view (`analytics.read`); issuing, confirming, ending and dismissing
 * are the on-duty group's (`incident.escalate`, which cluster staff do not hold): the duty officer
 * directs one operator to carry another's subscribers.
 */
@ApiTags('roaming')
@Controller('roaming')
export class RoamingController {
  constructor(private readonly roaming: RoamingService) {}

  @Get('proposals')
  @RequirePermission('analytics.read')
  @ApiOperation({
    summary: 'Communes where an operator lost every BTS while another still serves: proposed roaming, with any live request',
    description: 'Computed now from site state. Also the communes with no operator on air (no host to roam onto) and live requests no longer needed (the lost operator is back).',
  })
  proposals(): Promise<RoamingProposalsDto> {
    return this.roaming.proposals();
  }

  @Get('requests')
  @RequirePermission('analytics.read')
  @ApiOperation({ summary: 'Roaming requests, newest first (live by default; status=all for every one, dismissed proposals included)' })
  list(@Query() query: RoamingListQuery): Promise<RoamingRequestDto[]> {
    return this.roaming.list(query.status ?? 'live');
  }

  @Post('requests')
  @RequirePermission('incident.escalate')
  @ApiOperation({
    summary: 'Issue a roaming request (30-minute deadline, ROAMING_DEADLINE_SECONDS), carried by an incident for the host operator that escalates like any other',
    description: '422 unprocessable_input naming lostOperator or hostOperator when the commune is not proposed for that pair now; 409 already_exists (lostOperator) while a request for the commune and operator is live.',
  })
  issue(@Body() body: IssueRoamingRequestBody, @CurrentActor() actor: Actor): Promise<RoamingRequestDto> {
    return this.roaming.issue(actor, { communeCode: body.communeCode, lostOperator: body.lostOperator, hostOperator: body.hostOperator, ...(body.note ? { note: body.note } : {}) });
  }

  @Post('requests/:id/in-effect')
  @HttpCode(200)
  @RequirePermission('incident.escalate')
  @ApiOperation({ summary: 'The host operator confirms roaming is on: the incident is resolved; a repeat changes nothing; 409 once ended' })
  inEffect(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<RoamingRequestDto> {
    return this.roaming.markInEffect(actor, id);
  }

  @Post('requests/:id/end')
  @HttpCode(200)
  @RequirePermission('incident.escalate')
  @ApiOperation({ summary: 'Roaming switched off or no longer needed: the request ends (its incident resolved if still open); a repeat changes nothing' })
  end(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<RoamingRequestDto> {
    return this.roaming.end(actor, id);
  }

  @Post('dismissals')
  @RequirePermission('incident.escalate')
  @ApiOperation({ summary: 'Set a proposal aside while this outage lasts; 422 when it is not proposed now, 409 while a request is live' })
  dismiss(@Body() body: DismissRoamingProposalBody, @CurrentActor() actor: Actor): Promise<RoamingRequestDto> {
    return this.roaming.dismiss(actor, { communeCode: body.communeCode, lostOperator: body.lostOperator, ...(body.note ? { note: body.note } : {}) });
  }
}
