import { Module } from '@nestjs/common';
import { IncidentsModule } from '@netduty/incidents';
import { RoamingService } from './roaming.service';

/** Inter-operator roaming: proposals from site state, requests whose deadline an incident carries. */
@Module({
  imports: [IncidentsModule],
  providers: [RoamingService],
  exports: [RoamingService],
})
export class RoamingModule {}
