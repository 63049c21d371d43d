import { Module } from '@nestjs/common';
import { BatteryModule } from '@netduty/alarms';
import { BatteryController } from './battery.controller';

@Module({ imports: [BatteryModule], controllers: [BatteryController] })
export class BatteryHttpModule {}
