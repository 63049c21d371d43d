import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SlaPolicyService } from '@netduty/escalation';
import type { SlaPolicyDto } from '@netduty/contracts';
import { RequirePermission } from '../auth/access.decorators';
import { SlaPolicyParams } from './sla-policy.params';
import { UpdateSlaPolicyBody } from './update-sla-policy.body';

@ApiTags('sla-policies')
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPolicyService) {}

  @Get()
  @RequirePermission('sla.read')
  list(): Promise<SlaPolicyDto[]> {
    return this.policies.list();
  }

  @Put(':severity/:priority')
  @RequirePermission('sla.write')
  @ApiOperation({ summary: 'Change one window; applies to incidents reported or reopened from now on' })
  update(@Param() params: SlaPolicyParams, @Body() body: UpdateSlaPolicyBody): Promise<SlaPolicyDto> {
    return this.policies.update(params.severity, params.priority, body);
  }
}
