import { Module } from '@nestjs/common';
import { AlarmIntakeModule } from '@netduty/alarms';
import { NmsKeyGuard } from './nms-key.guard';
import { NmsRateLimitGuard } from './nms-rate-limit.guard';
import { NmsSourcesController } from './nms-sources.controller';
import { Tmf642AlarmsController } from './tmf642-alarms.controller';
import { Tmf642HubController } from './tmf642-hub.controller';
import { Tmf642TasksController } from './tmf642-tasks.controller';

/** TMF642 for the operators' NMSs (/tmf-api/alarm/v4) and the administration of their sources and keys (/api/v1/nms-sources). */
@Module({
  imports: [AlarmIntakeModule],
  controllers: [NmsSourcesController, Tmf642AlarmsController, Tmf642TasksController, Tmf642HubController],
  providers: [NmsKeyGuard, NmsRateLimitGuard],
})
export class AlarmsHttpModule {}
