import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { BatteryCountdownService } from './battery-countdown.service';
import { BatteryOutcomesService } from './battery-outcomes.service';
import { GeneratorDispatchService } from './generator-dispatch.service';

/** Battery runtime and generators: the countdown of the sites on batteries, generator dispatches, the estimates judged. */
@Module({
  imports: [AuditModule],
  providers: [BatteryCountdownService, GeneratorDispatchService, BatteryOutcomesService],
  exports: [BatteryCountdownService, GeneratorDispatchService, BatteryOutcomesService],
})
export class BatteryModule {}
