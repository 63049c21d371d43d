import { Module } from '@nestjs/common';
import { OrganisationModule } from '@netduty/organisation';
import { HandoversController } from './handovers.controller';
import { OrganisationController } from './organisation.controller';
import { RostersController } from './rosters.controller';

@Module({ imports: [OrganisationModule], controllers: [OrganisationController, RostersController, HandoversController] })
export class OrganisationHttpModule {}
