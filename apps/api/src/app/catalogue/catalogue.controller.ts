import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogueService, ReferenceService, type Actor } from '@netduty/application';
import type { ClusterDto, CommuneDto, OperatorDto, ResponderDto, SiteSummaryDto } from '@netduty/contracts';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CreateClusterBody, CreateSiteBody, OperatorParams, RenameOperatorBody, ResponderQuery, UpdateClusterBody, UpdateSiteBody } from './dto/reference.body';
import { SiteSearchQuery } from './site-search.query';

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly reference: ReferenceService,
  ) {}

  @Get('operators')
  @RequirePermission('catalogue.read')
  operators(): Promise<OperatorDto[]> {
    return this.catalogue.operators();
  }

  @Patch('operators/:code')
  @RequirePermission('reference.manage')
  renameOperator(@Param() params: OperatorParams, @Body() body: RenameOperatorBody): Promise<OperatorDto> {
    return this.reference.renameOperator(params.code, body.name);
  }

  @Get('communes')
  @RequirePermission('catalogue.read')
  @ApiOperation({ summary: 'Communes and wards of the province (2025 two-tier units)' })
  communes(): Promise<CommuneDto[]> {
    return this.catalogue.communes();
  }

  @Get('clusters')
  @RequirePermission('catalogue.read')
  clusters(@CurrentActor() actor: Actor): Promise<ClusterDto[]> {
    return this.reference.clusters(actor.scope);
  }

  @Post('clusters')
  @RequirePermission('reference.manage')
  createCluster(@Body() body: CreateClusterBody): Promise<ClusterDto> {
    return this.reference.createCluster(body);
  }

  @Patch('clusters/:id')
  @RequirePermission('reference.manage')
  updateCluster(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateClusterBody): Promise<ClusterDto> {
    return this.reference.updateCluster(id, body);
  }

  @Get('responders')
  @RequirePermission('catalogue.read')
  responders(@Query() query: ResponderQuery, @CurrentActor() actor: Actor): Promise<ResponderDto[]> {
    return this.reference.responders(actor.scope, query.clusterId);
  }

  @Post('sites')
  @RequirePermission('reference.manage')
  createSite(@Body() body: CreateSiteBody): Promise<SiteSummaryDto> {
    return this.reference.createSite(body);
  }

  @Patch('sites/:id')
  @RequirePermission('reference.manage')
  updateSite(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateSiteBody): Promise<SiteSummaryDto> {
    return this.reference.updateSite(id, body);
  }

  @Get('sites')
  @RequirePermission('catalogue.read')
  @ApiOperation({ summary: "Find sites by code, name or commune, diacritics-insensitive (within the caller's scope)" })
  sites(@Query() query: SiteSearchQuery, @CurrentActor() actor: Actor): Promise<SiteSummaryDto[]> {
    return this.catalogue.searchSites(query.q ?? '', query.limit ?? 20, actor.scope);
  }
}
