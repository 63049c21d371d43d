import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventPeriodDto } from '@netduty/contracts';
import { EventPeriodsService } from '@netduty/event-periods';
import { Authenticated, RequirePermission } from '../auth/access.decorators';
import { uuidParam } from '../http/uuid-param.pipe';
import { EventPeriodBody } from './event-period.body';

@ApiTags('event-periods')
@Controller('event-periods')
export class EventPeriodsController {
  constructor(private readonly periods: EventPeriodsService) {}

  @Get()
  @Authenticated()
  list(): Promise<EventPeriodDto[]> {
    return this.periods.list();
  }

  @Get('current')
  @Authenticated()
  @ApiOperation({ summary: "The period in force now and the next one: the console's banner and countdown" })
  current(): Promise<{ active: EventPeriodDto | null; next: EventPeriodDto | null }> {
    return this.periods.current();
  }

  @Post()
  @RequirePermission('sla.write')
  create(@Body() body: EventPeriodBody): Promise<EventPeriodDto> {
    return this.periods.create(body);
  }

  @Put(':id')
  @RequirePermission('sla.write')
  @ApiOperation({ summary: 'Replace a period; live deadlines only ever tighten when it starts' })
  replace(@Param('id', uuidParam('id')) id: string, @Body() body: EventPeriodBody): Promise<EventPeriodDto> {
    return this.periods.replace(id, body);
  }
}
