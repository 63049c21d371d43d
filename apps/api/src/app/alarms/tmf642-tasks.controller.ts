import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AlarmTasks, type NmsCaller, type TmfAckAlarms, type TmfClearAlarms, type TmfCommentAlarms, type TmfGroupAlarms } from '@netduty/alarms';
import { CurrentNms, NmsKeyAuthenticated, NmsWriteLimited } from './nms-key.decorators';

/** TMF642's task resources on the caller's own alarms, done at once (201 with `state: done`). */
@ApiTags('tmf642-alarm')
@Controller('tmf-api/alarm/v4')
@NmsKeyAuthenticated()
export class Tmf642TasksController {
  constructor(private readonly tasks: AlarmTasks) {}

  @Post('ackAlarms')
  @HttpCode(201)
  @NmsWriteLimited()
  @ApiOperation({ summary: 'Acknowledge the alarms matching alarmPattern' })
  ack(@Body() body: unknown, @CurrentNms() nms: NmsCaller): Promise<TmfAckAlarms> {
    return this.tasks.ack(nms, body);
  }

  @Post('clearAlarms')
  @HttpCode(201)
  @NmsWriteLimited()
  @ApiOperation({ summary: 'Clear the alarms matching alarmPattern, through the intake (each clear is an alarm event)' })
  clear(@Body() body: unknown, @CurrentNms() nms: NmsCaller): Promise<TmfClearAlarms> {
    return this.tasks.clear(nms, body);
  }

  @Post('commentAlarms')
  @HttpCode(201)
  @NmsWriteLimited()
  @ApiOperation({ summary: 'Add a comment to the alarms matching alarmPattern' })
  comment(@Body() body: unknown, @CurrentNms() nms: NmsCaller): Promise<TmfCommentAlarms> {
    return this.tasks.comment(nms, body);
  }

  @Post('groupAlarms')
  @HttpCode(201)
  @NmsWriteLimited()
  @ApiOperation({ summary: "Record the NMS's grouping (root cause and correlated alarms) in the alarms' details" })
  group(@Body() body: unknown, @CurrentNms() nms: NmsCaller): Promise<TmfGroupAlarms> {
    return this.tasks.group(nms, body);
  }
}
