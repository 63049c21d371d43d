import { Module } from '@nestjs/common';
import { OrganisationModule } from '@netduty/organisation';
import { OrganisationController } from './organisation.controller';

@Module({ imports: [OrganisationModule], controllers: [OrganisationController] })
export class OrganisationHttpModule {}
