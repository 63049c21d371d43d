import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { SlaQueueModule } from '@netduty/platform-queue';
import { EventPeriodsService } from './event-periods.service';

/** Event periods (the congress): their P0 sites and tighter policy, switched on and off at their times. */
@Module({
  imports: [AuditModule, SlaQueueModule],
  providers: [EventPeriodsService],
  exports: [EventPeriodsService],
})
export class EventPeriodsModule {}
