import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OnDutyGroupDto, OnDutyNowDto, StaffedShiftDto } from '@netduty/contracts';
import type { Actor } from '@netduty/identity';
import { RostersService } from '@netduty/organisation';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { OnDutyGroupBody, ShiftsQuery, toRosterInput } from './dto/roster.body';

/** On-duty groups (tổ trực) and their rosters (ca trực): everyone reads who is on duty, admins write. */
@ApiTags('rosters')
@Controller()
export class RostersController {
  constructor(private readonly rosters: RostersService) {}

  @Get('on-duty-groups')
  @RequirePermission('organisation.read')
  list(@CurrentActor() actor: Actor): Promise<OnDutyGroupDto[]> {
    return this.rosters.list(actor.scope);
  }

  @Post('on-duty-groups')
  @RequirePermission('organisation.manage')
  create(@Body() body: OnDutyGroupBody): Promise<OnDutyGroupDto> {
    return this.rosters.create(toRosterInput(body));
  }

  @Get('on-duty-groups/:id')
  @RequirePermission('organisation.read')
  get(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor): Promise<OnDutyGroupDto> {
    return this.rosters.get(id, actor.scope);
  }

  @Put('on-duty-groups/:id')
  @RequirePermission('organisation.manage')
  replace(@Param('id', uuidParam('id')) id: string, @Body() body: OnDutyGroupBody): Promise<OnDutyGroupDto> {
    return this.rosters.replace(id, toRosterInput(body));
  }

  @Get('on-duty-groups/:id/shifts')
  @RequirePermission('organisation.read')
  shifts(@Param('id', uuidParam('id')) id: string, @Query() query: ShiftsQuery, @CurrentActor() actor: Actor): Promise<StaffedShiftDto[]> {
    return this.rosters.shifts(id, new Date(query.from), new Date(query.to), actor.scope);
  }

  @Get('on-duty/now')
  @RequirePermission('organisation.read')
  now(@CurrentActor() actor: Actor): Promise<OnDutyNowDto> {
    return this.rosters.onDutyNow(new Date(), actor.scope);
  }
}
