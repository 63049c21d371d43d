import { Module } from '@nestjs/common';
import { EventPeriodsModule } from '@netduty/event-periods';
import { EventPeriodsController } from './event-periods.controller';

@Module({ imports: [EventPeriodsModule], controllers: [EventPeriodsController] })
export class EventPeriodsHttpModule {}
