import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncidentCoverageImpactDto, NetworkSafetyDto, TrendsDto } from '@netduty/contracts';
import { NetworkSafetyService, TrendsService } from '@netduty/analytics';
import type { Actor } from '@netduty/identity';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { AnalyticsCriteriaQuery, AnalyticsTrendsQuery, criteriaOf, periodOf } from './analytics.query';

/** What the dashboard and the wall show, for the department's other systems too. */
@ApiTags('analytics')
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly networkSafety: NetworkSafetyService,
    private readonly trendsService: TrendsService,
  ) {}

  @Get('network-safety')
  @RequirePermission('analytics.read')
  @ApiOperation({ summary: "Network safety now: sites by state (by operator, kind, commune), P0 sites, open incidents, breaches, event periods, coverage impact (within the caller's scope)" })
  now(@Query() query: AnalyticsCriteriaQuery, @CurrentActor() actor: Actor): Promise<NetworkSafetyDto> {
    return this.networkSafety.now(actor.scope, criteriaOf(query));
  }

  @Get('trends')
  @RequirePermission('analytics.read')
  @ApiOperation({ summary: 'Opened and restored per hour or day, MTTA/MTTR by operator, severity and cluster, SLA compliance, recurring sites and causes, for a period' })
  trends(@Query() query: AnalyticsTrendsQuery, @CurrentActor() actor: Actor): Promise<TrendsDto> {
    return this.trendsService.trends(actor.scope, criteriaOf(query), periodOf(query));
  }

  @Get('incidents/:id/coverage-impact')
  @RequirePermission('incident.read')
  @ApiOperation({
    summary:
      "Coverage an incident and its mass-outage children cost now: of their sites' communes, those an operator has no BTS in service in, and those without any (within the caller's scope)",
  })
  incidentCoverage(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor): Promise<IncidentCoverageImpactDto> {
    return this.networkSafety.coverageOfIncident(actor.scope, id);
  }
}
