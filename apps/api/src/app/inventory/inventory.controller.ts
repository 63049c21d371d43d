import { Body, Controller, Get, Header, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommuneDto, OperatorDto, SiteDetailDto, SiteStateSummaryDto } from '@netduty/contracts';
import type { Actor } from '@netduty/identity';
import { OperatorsService, SiteMapService, SitesService, SiteStatesService } from '@netduty/inventory';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CreateSiteBody, OperatorParams, RenameOperatorBody, UpdateSiteBody } from './dto/inventory.body';
import { SiteSearchQuery, SiteStateSummaryQuery } from './site-search.query';

@ApiTags('inventory')
@Controller()
export class InventoryController {
  constructor(
    private readonly operators: OperatorsService,
    private readonly sites: SitesService,
    private readonly siteStates: SiteStatesService,
    private readonly siteMap: SiteMapService,
  ) {}

  @Get('operators')
  @RequirePermission('inventory.read')
  listOperators(): Promise<OperatorDto[]> {
    return this.operators.operators();
  }

  @Patch('operators/:code')
  @RequirePermission('inventory.manage')
  renameOperator(@Param() params: OperatorParams, @Body() body: RenameOperatorBody): Promise<OperatorDto> {
    return this.operators.renameOperator(params.code, body.name);
  }

  @Get('communes')
  @RequirePermission('inventory.read')
  @ApiOperation({ summary: 'Communes and wards of the province (2025 two-tier units)' })
  communes(): Promise<CommuneDto[]> {
    return this.operators.communes();
  }

  // Before `sites/:id` and `sites`: a literal segment must be matched ahead of the parameter.
  @Get('sites/map')
  @RequirePermission('analytics.read')
  @ApiOperation({ summary: "Every site within the caller's scope as the map plots it: position, state and its count of open (not resolved or closed) incidents" })
  @Header('Content-Type', 'application/json; charset=utf-8')
  mapSites(@CurrentActor() actor: Actor): Promise<string> {
    // A MapSiteDto[] as JSON text, built by PostgreSQL; sent as it is.
    return this.siteMap.sitesJson(actor.scope);
  }

  @Post('sites')
  @RequirePermission('inventory.manage')
  createSite(@Body() body: CreateSiteBody): Promise<SiteDetailDto> {
    return this.sites.create(body);
  }

  @Patch('sites/:id')
  @RequirePermission('inventory.manage')
  updateSite(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateSiteBody): Promise<SiteDetailDto> {
    return this.sites.update(id, body);
  }

  @Get('sites/state-summary')
  @RequirePermission('inventory.read')
  @ApiOperation({ summary: "Sites in service, degraded and down (on battery, on generator, off air) by operator and kind, now or at a past instant (within the caller's scope)" })
  siteStateSummary(@Query() query: SiteStateSummaryQuery, @CurrentActor() actor: Actor): Promise<SiteStateSummaryDto> {
    return this.siteStates.summary(query.at ? new Date(query.at) : null, actor.scope);
  }

  @Get('sites')
  @RequirePermission('inventory.read')
  @ApiOperation({ summary: "Find sites by code, name or commune, diacritics-insensitive (within the caller's scope)" })
  searchSites(@Query() query: SiteSearchQuery, @CurrentActor() actor: Actor): Promise<SiteDetailDto[]> {
    return this.sites.search(query.q ?? '', query.limit ?? 20, actor.scope);
  }
}
