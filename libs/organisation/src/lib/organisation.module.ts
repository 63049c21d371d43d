import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { ClustersService } from './clusters.service';
import { RespondersService } from './responders.service';

/** Organisation: the operators' technical clusters and their responders (the on-duty rosters come next). */
@Module({
  imports: [AuditModule],
  providers: [ClustersService, RespondersService],
  exports: [ClustersService, RespondersService],
})
export class OrganisationModule {}
