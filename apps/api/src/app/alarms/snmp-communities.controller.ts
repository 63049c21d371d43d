import { Body, Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SnmpTrapSources } from '@netduty/alarms';
import { RequirePermission } from '../auth/access.decorators';
import { SetSnmpCommunityBody } from './dto/snmp-community.body';
import { NMS_SOURCE_PERMISSION } from './nms-sources.controller';
import { sourceIdParam } from './dto/nms-source.body';

/** An NMS source's SNMPv2c trap community (admin): set or removed, never read back (only its hash is kept). */
@ApiTags('nms-sources')
@Controller('nms-sources')
export class SnmpCommunitiesController {
  constructor(private readonly sources: SnmpTrapSources) {}

  @Put(':id/snmp-community')
  @HttpCode(204)
  @RequirePermission(NMS_SOURCE_PERMISSION)
  @ApiOperation({ summary: "Set the source's SNMPv2c trap community (its traps are dropped until one is set); 409 when another source has it" })
  async set(@Param('id', sourceIdParam('id')) id: string, @Body() body: SetSnmpCommunityBody): Promise<void> {
    await this.sources.setCommunity(id, body.community);
  }

  @Delete(':id/snmp-community')
  @HttpCode(204)
  @RequirePermission(NMS_SOURCE_PERMISSION)
  @ApiOperation({ summary: "Remove the source's SNMPv2c community: its v2c traps are dropped from then on (within 10 s on other instances)" })
  async remove(@Param('id', sourceIdParam('id')) id: string): Promise<void> {
    await this.sources.setCommunity(id, null);
  }
}
