import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AlarmWebhookDryRunDto, AlarmWebhookMappingDto } from '@netduty/contracts';
import { AlarmWebhooks } from '@netduty/alarms';
import type { Actor } from '@netduty/identity';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { sourceIdParam } from './dto/nms-source.body';
import { NMS_SOURCE_PERMISSION } from './nms-sources.controller';

const FIELD_SOURCE = { type: 'object', properties: { path: { type: 'string', example: '$.neName' }, value: { type: 'string' } } };
const MAPPED_FIELD_SOURCE = { type: 'object', properties: { ...FIELD_SOURCE.properties, valueMap: { type: 'object', additionalProperties: { type: 'string' }, example: { CRIT: 'critical' } } } };
const TIME_SOURCE = { type: 'object', required: ['path'], properties: { path: { type: 'string' }, format: { type: 'string', enum: ['iso8601', 'epoch_milliseconds', 'epoch_seconds'] } } };
const MAPPING_SCHEMA = {
  type: 'object',
  required: ['externalAlarmId', 'siteCode', 'perceivedSeverity', 'probableCause', 'alarmType', 'raisedTime'],
  properties: {
    items: { type: 'string', default: '$', example: '$.data[*].alarmList[*]' },
    externalAlarmId: FIELD_SOURCE,
    siteCode: FIELD_SOURCE,
    perceivedSeverity: MAPPED_FIELD_SOURCE,
    probableCause: MAPPED_FIELD_SOURCE,
    alarmType: MAPPED_FIELD_SOURCE,
    specificProblem: FIELD_SOURCE,
    raisedTime: TIME_SOURCE,
    clearedTime: TIME_SOURCE,
    clear: { type: 'object', required: ['path', 'clearedValues'], properties: { path: { type: 'string' }, clearedValues: { type: 'array', items: { type: 'string' } } } },
  },
};

/**
 * The generic alarm webhook's mapping of an NMS source (admin): JSONPath for the items and each alarm
 * field, checked whole when saved; and a dry run that maps a sample payload and stores nothing.
 */
@ApiTags('nms-sources')
@Controller('nms-sources')
export class AlarmWebhookMappingsController {
  constructor(private readonly webhooks: AlarmWebhooks) {}

  @Get(':id/webhook-mapping')
  @RequirePermission(NMS_SOURCE_PERMISSION)
  @ApiOperation({ summary: "The source's webhook mapping (404 when it has none)" })
  mapping(@Param('id', sourceIdParam('id')) id: string): Promise<AlarmWebhookMappingDto> {
    return this.webhooks.mapping(id);
  }

  @Put(':id/webhook-mapping')
  @RequirePermission(NMS_SOURCE_PERMISSION)
  @ApiOperation({ summary: 'Set the webhook mapping (JSONPath without scripts); 400 naming each field at fault' })
  @ApiBody({ schema: MAPPING_SCHEMA })
  save(@Param('id', sourceIdParam('id')) id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<AlarmWebhookMappingDto> {
    return this.webhooks.saveMapping(actor, id, body);
  }

  @Post(':id/webhook-mapping/dry-run')
  @HttpCode(200)
  @RequirePermission(NMS_SOURCE_PERMISSION)
  @ApiOperation({ summary: 'Map a sample payload with the stored mapping (or `mapping` given here): its alarms and problems, nothing stored' })
  @ApiBody({ schema: { type: 'object', required: ['payload'], properties: { payload: {}, mapping: MAPPING_SCHEMA } } })
  dryRun(@Param('id', sourceIdParam('id')) id: string, @Body() body: unknown): Promise<AlarmWebhookDryRunDto> {
    return this.webhooks.dryRun(id, body);
  }
}
