import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { ClustersService } from './clusters.service';
import { RespondersService } from './responders.service';
import { HandoversService } from './handovers/handovers.service';
import { RostersService } from './rosters/rosters.service';

/** Organisation: the operators' technical clusters and their responders and the on-duty groups with their rosters (ca trực). */
@Module({
  imports: [AuditModule],
  providers: [ClustersService, RespondersService, RostersService, HandoversService],
  exports: [ClustersService, RespondersService, RostersService, HandoversService],
})
export class OrganisationModule {}
