import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BatteryCountdownDto, BatteryOutcomesDto, GeneratorDispatchDto, GeneratorDispatchStep } from '@netduty/contracts';
import { BatteryCountdownService, BatteryOutcomesService, GeneratorDispatchService } from '@netduty/alarms';
import type { Actor } from '@netduty/identity';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { BatteryOutcomesQuery, outcomesPeriodOf } from './dto/battery-outcomes.query';
import { CreateGeneratorDispatchBody } from './dto/generator-dispatch.body';

const uuid = uuidParam('id');

/**
 * Battery runtime and generators: which sites on batteries go dark first and where the generators go,
 * the teams' dispatches, and how the estimates held up. Reading is `incident.read` (within the caller's
 * scope); dispatching a team is assigning a responder, `incident.assign`.
 */
@ApiTags('battery')
@Controller('battery')
export class BatteryController {
  constructor(
    private readonly countdownService: BatteryCountdownService,
    private readonly dispatches: GeneratorDispatchService,
    private readonly outcomesService: BatteryOutcomesService,
  ) {}

  @Get('countdown')
  @RequirePermission('incident.read')
  @ApiOperation({
    summary: "Sites with an open mains failure, low battery or generator incident (the caller's scope), in the order generator teams should go out in",
    description:
      'Each with its minutes left on batteries (null: not counting down), when it goes off air, what the estimate rests on, whether its commune loses the operator\'s coverage, and the team dispatched there if any. Ranked by dispatchOrder: minutes left weighed by tier and communes losing service.',
  })
  countdown(@CurrentActor() actor: Actor): Promise<BatteryCountdownDto> {
    return this.countdownService.countdown(actor.scope);
  }

  @Get('outcomes')
  @RequirePermission('incident.read')
  @ApiOperation({ summary: 'Sites that went off air in the period while an estimate existed: how many minutes before (or after) their estimate' })
  outcomes(@Query() query: BatteryOutcomesQuery, @CurrentActor() actor: Actor): Promise<BatteryOutcomesDto> {
    return this.outcomesService.outcomes(actor.scope, outcomesPeriodOf(query));
  }

  @Post('dispatches')
  @RequirePermission('incident.assign')
  @ApiOperation({ summary: 'Assign a generator team to a site; 409 already_exists (siteId) while another team there has not stopped' })
  create(@Body() body: CreateGeneratorDispatchBody, @CurrentActor() actor: Actor): Promise<GeneratorDispatchDto> {
    return this.dispatches.create(actor, { siteId: body.siteId, team: body.team, note: body.note });
  }

  @Post('dispatches/:id/depart')
  @HttpCode(200)
  @RequirePermission('incident.assign')
  @ApiOperation({ summary: 'The team has set off (đang di chuyển); a repeat changes nothing' })
  depart(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<GeneratorDispatchDto> {
    return this.step(actor, id, 'depart');
  }

  @Post('dispatches/:id/arrive')
  @HttpCode(200)
  @RequirePermission('incident.assign')
  @ApiOperation({ summary: 'The team is at the site (đã đến trạm); 409 dispatch_out_of_order before it set off' })
  arrive(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<GeneratorDispatchDto> {
    return this.step(actor, id, 'arrive');
  }

  @Post('dispatches/:id/run')
  @HttpCode(200)
  @RequirePermission('incident.assign')
  @ApiOperation({ summary: "The generator is running (máy phát đang chạy): the site's countdown stops; 409 dispatch_out_of_order before arriving" })
  run(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<GeneratorDispatchDto> {
    return this.step(actor, id, 'run');
  }

  @Post('dispatches/:id/stop')
  @HttpCode(200)
  @RequirePermission('incident.assign')
  @ApiOperation({ summary: 'The generator is stopped, or the team stands down (from any step): the dispatch ends' })
  stop(@Param('id', uuid) id: string, @CurrentActor() actor: Actor): Promise<GeneratorDispatchDto> {
    return this.step(actor, id, 'stop');
  }

  private step(actor: Actor, id: string, step: GeneratorDispatchStep): Promise<GeneratorDispatchDto> {
    return this.dispatches.step(actor, id, step);
  }
}
