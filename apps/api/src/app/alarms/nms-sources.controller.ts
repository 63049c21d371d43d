import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Permission, IssuedNmsApiKeyDto, NmsApiKeyDto, NmsSourceDto } from '@netduty/contracts';
import { NmsSourcesService } from '@netduty/alarms';
import type { Actor } from '@netduty/identity';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CreateNmsApiKeyBody, CreateNmsSourceBody, sourceIdParam } from './dto/nms-source.body';

/**
 * Who may keep the NMS sources and their keys: administrators. Meant to be its own permission,
 * alarm_source.manage; until the access policy (libs/domain, another area's file) grants it to the
 * admin role, these routes use the admin's reference-data permission, the one that keeps sites.
 */
export const NMS_SOURCE_PERMISSION: Permission = 'inventory.manage';

/** The operators' network management systems that send TMF642 alarms, and their API keys (admin). */
@ApiTags('nms-sources')
@Controller('nms-sources')
export class NmsSourcesController {
  constructor(private readonly sources: NmsSourcesService) {}

  @Get()
  @RequirePermission(NMS_SOURCE_PERMISSION)
  list(): Promise<NmsSourceDto[]> {
    return this.sources.list();
  }

  @Post()
  @RequirePermission(NMS_SOURCE_PERMISSION)
  @ApiOperation({ summary: 'Register an NMS: its TMF642 sourceSystemId and the operator it speaks for' })
  create(@Body() body: CreateNmsSourceBody): Promise<NmsSourceDto> {
    return this.sources.create(body);
  }

  @Get(':id/keys')
  @RequirePermission(NMS_SOURCE_PERMISSION)
  @ApiOperation({ summary: "The NMS's keys (hints only; a key's plaintext is never shown again)" })
  keys(@Param('id', sourceIdParam('id')) id: string): Promise<NmsApiKeyDto[]> {
    return this.sources.keys(id);
  }

  @Post(':id/keys')
  @RequirePermission(NMS_SOURCE_PERMISSION)
  @ApiOperation({ summary: 'Issue a key: the answer carries its plaintext, once (sent by the NMS as X-API-Key)' })
  issueKey(@Param('id', sourceIdParam('id')) id: string, @Body() body: CreateNmsApiKeyBody, @CurrentActor() actor: Actor): Promise<IssuedNmsApiKeyDto> {
    return this.sources.issueKey(actor, id, body.label);
  }

  @Delete(':id/keys/:keyId')
  @HttpCode(204)
  @RequirePermission(NMS_SOURCE_PERMISSION)
  @ApiOperation({ summary: 'Revoke a key: refused from then on (at once on this instance, within 2 s on the others)' })
  async revokeKey(@Param('id', sourceIdParam('id')) id: string, @Param('keyId', uuidParam('keyId')) keyId: string): Promise<void> {
    await this.sources.revokeKey(id, keyId);
  }
}
