import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { OperatorsService } from './operators.service';
import { SitesService } from './sites.service';

/** Inventory: operators, communes and sites — what the network is made of and where. */
@Module({
  imports: [AuditModule],
  providers: [OperatorsService, SitesService],
  exports: [OperatorsService, SitesService],
})
export class InventoryModule {}
