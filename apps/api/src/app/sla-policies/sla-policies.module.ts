import { Module } from '@nestjs/common';
import { SlaPoliciesController } from './sla-policies.controller';

@Module({ controllers: [SlaPoliciesController] })
export class SlaPoliciesModule {}
