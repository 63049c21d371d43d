import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@netduty/identity';
import type { ShiftHandoverDto } from '@netduty/contracts';
import { HandoversService } from '@netduty/organisation';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CreateHandoverBody } from './dto/roster.body';

/**
 * Handovers (bàn giao ca). The routes need only organisation.read; who may write or acknowledge one
 * sheet (the outgoing lead or a duty officer; the incoming lead) depends on the roster, so the use case
 * decides and refuses with 403.
 */
@ApiTags('rosters')
@Controller()
export class HandoversController {
  constructor(private readonly handovers: HandoversService) {}

  @Get('on-duty-groups/:id/handovers')
  @RequirePermission('organisation.read')
  list(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor): Promise<ShiftHandoverDto[]> {
    return this.handovers.list(actor, id);
  }

  @Post('on-duty-groups/:id/handovers')
  @RequirePermission('organisation.read')
  create(@Param('id', uuidParam('id')) id: string, @Body() body: CreateHandoverBody, @CurrentActor() actor: Actor): Promise<ShiftHandoverDto> {
    return this.handovers.create(actor, id, { notes: body.notes, shiftStartsAt: body.shiftStartsAt }, new Date());
  }

  @Post('handovers/:id/acknowledge')
  @HttpCode(200)
  @RequirePermission('organisation.read')
  acknowledge(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor): Promise<ShiftHandoverDto> {
    return this.handovers.acknowledge(actor, id, new Date());
  }
}
