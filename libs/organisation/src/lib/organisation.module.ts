import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { ClustersService } from './clusters.service';
import { RespondersService } from './responders.service';
import { HandoversService } from './handovers/handovers.service';
import { AddShiftOverride, AddShiftSwap, RemoveShiftOverride, RemoveShiftSwap } from './rosters/adjustments/roster-adjustment-use-cases';
import { RostersService } from './rosters/rosters.service';

/** The on-duty group's adjustments of a roster on the night, one class per use case. */
const ROSTER_ADJUSTMENTS = [AddShiftOverride, RemoveShiftOverride, AddShiftSwap, RemoveShiftSwap];

/** Organisation: the operators' technical clusters and their responders and the on-duty groups with their rosters (ca trực). */
@Module({
  imports: [AuditModule],
  providers: [ClustersService, RespondersService, RostersService, HandoversService, ...ROSTER_ADJUSTMENTS],
  exports: [ClustersService, RespondersService, RostersService, HandoversService, ...ROSTER_ADJUSTMENTS],
})
export class OrganisationModule {}
