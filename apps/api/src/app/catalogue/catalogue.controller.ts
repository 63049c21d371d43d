import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogueService } from '@netduty/application';
import type { CommuneDto, OperatorDto, SiteSummaryDto } from '@netduty/contracts';
import { SiteSearchQuery } from './site-search.query';

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('operators')
  operators(): Promise<OperatorDto[]> {
    return this.catalogue.operators();
  }

  @Get('communes')
  @ApiOperation({ summary: 'Communes and wards of the province (2025 two-tier units)' })
  communes(): Promise<CommuneDto[]> {
    return this.catalogue.communes();
  }

  @Get('sites')
  @ApiOperation({ summary: 'Find sites by code, name or commune, diacritics-insensitive' })
  sites(@Query() query: SiteSearchQuery): Promise<SiteSummaryDto[]> {
    return this.catalogue.searchSites(query.q ?? '', query.limit ?? 20);
  }
}
