import { Module } from '@nestjs/common';
import { RoamingModule } from '@netduty/alarms';
import { RoamingController } from './roaming.controller';

@Module({ imports: [RoamingModule], controllers: [RoamingController] })
export class RoamingHttpModule {}
