import { Module } from '@nestjs/common';
import { IncidentsModule } from '@netduty/incidents';
import { RealtimeModule } from '@netduty/platform-realtime';
import { AlarmProcessor } from './alarm-processor.service';

/** The worker's half of the alarm path: accepted alarm events to incidents, correlation, parents. */
@Module({
  imports: [IncidentsModule, RealtimeModule],
  providers: [AlarmProcessor],
  exports: [AlarmProcessor],
})
export class AlarmProcessingModule {}
