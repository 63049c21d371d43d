import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SLA_QUEUE } from '@netduty/contracts';
import { SlaScheduler } from './sla-scheduler';

/** The SLA queue and its scheduler; the BullMQ connection itself comes from PlatformModule.forRoot. */
@Module({
  imports: [BullModule.registerQueue({ name: SLA_QUEUE })],
  providers: [SlaScheduler],
  exports: [BullModule, SlaScheduler],
})
export class SlaQueueModule {}
