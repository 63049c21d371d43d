import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AlarmIntake, alarmCreateChange, alarmListQuery, AlarmQueries, alarmUpdateChange, NotAlarmOwnerError, selectFields, singleResourceFields, type NmsCaller, type TmfAlarm } from '@netduty/alarms';
import { CurrentNms, NmsKeyAuthenticated, NmsWriteLimited } from './nms-key.decorators';
import { tmfPage } from './tmf-page';

/**
 * TMF642 Alarm Management v4, the alarm resource, for the operators' NMSs (exactly at
 * /tmf-api/alarm/v4, outside the api's prefix). Writes go through the group-commit intake and are
 * answered once committed. A POST of an alarm already stored (same sourceSystemId and externalAlarmId)
 * is the same alarm: 201 when this request created it, 200 with the same id when it existed already.
 */
@ApiTags('tmf642-alarm')
@Controller('tmf-api/alarm/v4')
@NmsKeyAuthenticated()
export class Tmf642AlarmsController {
  constructor(
    private readonly intake: AlarmIntake,
    private readonly queries: AlarmQueries,
  ) {}

  @Post('alarm')
  @HttpCode(201)
  @NmsWriteLimited()
  @ApiOperation({ summary: 'Raise, update or clear an alarm (Alarm_Create); 201 when created, 200 when it already existed' })
  async create(@Body() body: unknown, @CurrentNms() nms: NmsCaller, @Res({ passthrough: true }) response: Response): Promise<TmfAlarm> {
    const result = await this.intake.accept(alarmCreateChange(body, nms));
    const alarm = await this.representation(result);
    response.status(result.outcome === 'created' ? 201 : 200);
    response.setHeader('Location', alarm.href);
    return alarm;
  }

  @Patch('alarm/:id')
  @NmsWriteLimited()
  @ApiOperation({ summary: 'Update or clear an alarm (Alarm_Update); only the NMS that raised it' })
  async update(@Param('id') id: string, @Body() body: unknown, @CurrentNms() nms: NmsCaller): Promise<TmfAlarm> {
    const { alarm: stored } = await this.queries.find(nms, id);
    if (stored.sourceSystemId !== nms.sourceSystemId) throw new NotAlarmOwnerError();
    return this.representation(await this.intake.accept(alarmUpdateChange(body, nms, stored)));
  }

  @Get('alarm')
  @ApiOperation({ summary: "The operator's alarms, newest raised first; filters, fields, offset/limit with X-Total-Count and X-Result-Count" })
  async list(@Query() query: Record<string, unknown>, @CurrentNms() nms: NmsCaller, @Res({ passthrough: true }) response: Response): Promise<Record<string, unknown>[]> {
    const parsed = alarmListQuery(query);
    return tmfPage(response, await this.queries.list(nms, parsed), parsed.fields);
  }

  @Get('alarm/:id')
  async get(@Param('id') id: string, @Query() query: Record<string, unknown>, @CurrentNms() nms: NmsCaller): Promise<Record<string, unknown>> {
    const fields = singleResourceFields(query);
    return selectFields(await this.queries.get(nms, id), fields);
  }

  private async representation(result: Awaited<ReturnType<AlarmIntake['accept']>>): Promise<TmfAlarm> {
    const [alarm] = await this.queries.present([result]);
    if (!alarm) throw new Error('an accepted alarm has no representation');
    return alarm;
  }
}
