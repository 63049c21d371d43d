import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ClusterDto, ResponderDto } from '@netduty/contracts';
import type { Actor } from '@netduty/identity';
import { ClustersService, RespondersService } from '@netduty/organisation';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/current-actor.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CreateClusterBody, CreateResponderBody, ResponderQuery, UpdateClusterBody, UpdateResponderBody } from './dto/organisation.body';

@ApiTags('organisation')
@Controller()
export class OrganisationController {
  constructor(
    private readonly clusters: ClustersService,
    private readonly responders: RespondersService,
  ) {}

  @Get('clusters')
  @RequirePermission('organisation.read')
  listClusters(@CurrentActor() actor: Actor): Promise<ClusterDto[]> {
    return this.clusters.list(actor.scope);
  }

  @Post('clusters')
  @RequirePermission('organisation.manage')
  createCluster(@Body() body: CreateClusterBody): Promise<ClusterDto> {
    return this.clusters.create(body);
  }

  @Patch('clusters/:id')
  @RequirePermission('organisation.manage')
  updateCluster(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateClusterBody): Promise<ClusterDto> {
    return this.clusters.update(id, body);
  }

  @Get('responders')
  @RequirePermission('organisation.read')
  listResponders(@Query() query: ResponderQuery, @CurrentActor() actor: Actor): Promise<ResponderDto[]> {
    return this.responders.list(actor.scope, query.clusterId);
  }

  @Post('responders')
  @RequirePermission('organisation.manage')
  createResponder(@Body() body: CreateResponderBody): Promise<ResponderDto> {
    return this.responders.create(body);
  }

  @Patch('responders/:id')
  @RequirePermission('organisation.manage')
  updateResponder(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateResponderBody): Promise<ResponderDto> {
    return this.responders.update(id, body);
  }
}
