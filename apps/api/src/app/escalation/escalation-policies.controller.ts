import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChainStatusDto, EscalationPolicyDto } from '@netduty/contracts';
import { EscalationChainService, EscalationPoliciesService } from '@netduty/escalation';
import type { Actor } from '@netduty/identity';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { ChainChangeBody, EscalationPolicyBody, toPolicyDefinition } from './dto/escalation-policy.body';

@ApiTags('escalation')
@Controller()
export class EscalationPoliciesController {
  constructor(
    private readonly policies: EscalationPoliciesService,
    private readonly chain: EscalationChainService,
  ) {}

  @Get('escalation-policies')
  @RequirePermission('sla.read')
  listPolicies(): Promise<EscalationPolicyDto[]> {
    return this.policies.list();
  }

  @Post('escalation-policies')
  @RequirePermission('sla.write')
  createPolicy(@Body() body: EscalationPolicyBody): Promise<EscalationPolicyDto> {
    return this.policies.create(toPolicyDefinition(body));
  }

  @Put('escalation-policies/:id')
  @RequirePermission('sla.write')
  @ApiOperation({ summary: 'Replace a chain; running chains continue under it from their next step' })
  replacePolicy(@Param('id', uuidParam('id')) id: string, @Body() body: EscalationPolicyBody): Promise<EscalationPolicyDto> {
    return this.policies.replace(id, toPolicyDefinition(body));
  }

  @Get('incidents/:id/chain')
  @RequirePermission('incident.read')
  @ApiOperation({ summary: 'Where the running escalation chain stands: current level, next level and when' })
  chainStatus(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor): Promise<ChainStatusDto> {
    return this.chain.status(id, actor.scope);
  }

  @Post('incidents/:id/escalate')
  @RequirePermission('incident.escalate')
  @ApiOperation({ summary: 'Escalate now to a level of the running chain, with a reason' })
  escalateNow(@Param('id', uuidParam('id')) id: string, @Body() body: ChainChangeBody, @CurrentActor() actor: Actor): Promise<ChainStatusDto> {
    return this.chain.escalateNow(id, body.targetLevel, body.reason, actor);
  }

  @Post('incidents/:id/de-escalate')
  @RequirePermission('incident.escalate')
  @ApiOperation({ summary: 'Hand the incident back to a lower level, with a reason; the chain continues from the level above' })
  deEscalate(@Param('id', uuidParam('id')) id: string, @Body() body: ChainChangeBody, @CurrentActor() actor: Actor): Promise<ChainStatusDto> {
    return this.chain.deEscalate(id, body.targetLevel, body.reason, actor);
  }
}
