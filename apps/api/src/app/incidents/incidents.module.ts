import { Module } from '@nestjs/common';
import { IncidentsModule } from '@netduty/incidents';
import { IncidentsController } from './incidents.controller';

@Module({ imports: [IncidentsModule], controllers: [IncidentsController] })
export class IncidentsHttpModule {}
