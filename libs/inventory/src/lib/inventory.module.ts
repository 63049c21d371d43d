import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { OperatorsService } from './operators.service';
import { SiteDependenciesService } from './site-dependencies.service';
import { SitesService } from './sites.service';
import { SiteMapService } from './site-map.service';
import { SiteStatesService } from './site-states.service';

/** Inventory: operators, communes and sites — what the network is made of and where. */
@Module({
  imports: [AuditModule],
  providers: [OperatorsService, SitesService, SiteDependenciesService, SiteStatesService, SiteMapService],
  exports: [OperatorsService, SitesService, SiteDependenciesService, SiteStatesService, SiteMapService],
})
export class InventoryModule {}
