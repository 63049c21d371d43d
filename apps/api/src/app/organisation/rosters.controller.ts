import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DutyPersonDto, OnDutyGroupDto, OnDutyNowDto, StaffedShiftDto } from '@netduty/contracts';
import type { Actor } from '@netduty/identity';
import { AddShiftOverride, AddShiftSwap, RemoveShiftOverride, RemoveShiftSwap, RostersService } from '@netduty/organisation';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { AddShiftOverrideBody, AddShiftSwapBody, OnDutyGroupBody, ShiftsQuery, toCrewInterval, toRosterInput, toSwapTerms } from './dto/roster.body';

/**
 * On-duty groups (tổ trực) and their rosters (ca trực): everyone reads who is on duty, admins write the
 * roster whole, and the on-duty group adjusts it on the night (covers a shift, swaps a person, undoes either).
 */
@ApiTags('rosters')
@Controller()
export class RostersController {
  constructor(
    private readonly rosters: RostersService,
    private readonly addShiftOverride: AddShiftOverride,
    private readonly removeShiftOverride: RemoveShiftOverride,
    private readonly addShiftSwap: AddShiftSwap,
    private readonly removeShiftSwap: RemoveShiftSwap,
  ) {}

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

  @Post('on-duty-groups/:id/overrides')
  @RequirePermission('roster.adjust')
  addOverride(@Param('id', uuidParam('id')) id: string, @Body() body: AddShiftOverrideBody, @CurrentActor() actor: Actor): Promise<OnDutyGroupDto> {
    return this.addShiftOverride.execute({ groupId: id, override: toCrewInterval(body) }, actor);
  }

  @Delete('on-duty-groups/:id/overrides/:overrideId')
  @RequirePermission('roster.adjust')
  removeOverride(@Param('id', uuidParam('id')) id: string, @Param('overrideId') overrideId: string, @CurrentActor() actor: Actor): Promise<OnDutyGroupDto> {
    return this.removeShiftOverride.execute({ groupId: id, overrideId }, actor);
  }

  @Post('on-duty-groups/:id/swaps')
  @RequirePermission('roster.adjust')
  addSwap(@Param('id', uuidParam('id')) id: string, @Body() body: AddShiftSwapBody, @CurrentActor() actor: Actor): Promise<OnDutyGroupDto> {
    return this.addShiftSwap.execute({ groupId: id, swap: toSwapTerms(body) }, actor);
  }

  @Delete('on-duty-groups/:id/swaps/:swapId')
  @RequirePermission('roster.adjust')
  removeSwap(@Param('id', uuidParam('id')) id: string, @Param('swapId') swapId: string, @CurrentActor() actor: Actor): Promise<OnDutyGroupDto> {
    return this.removeShiftSwap.execute({ groupId: id, swapId }, actor);
  }

  /** Who an adjustment may put on one of the group's shifts (the console's pickers). */
  @Get('on-duty-groups/:id/candidates')
  @RequirePermission('roster.adjust')
  candidates(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor): Promise<DutyPersonDto[]> {
    return this.rosters.candidates(id, actor.scope);
  }

  @Get('on-duty/now')
  @RequirePermission('organisation.read')
  now(@CurrentActor() actor: Actor): Promise<OnDutyNowDto> {
    return this.rosters.onDutyNow(new Date(), actor.scope);
  }
}
