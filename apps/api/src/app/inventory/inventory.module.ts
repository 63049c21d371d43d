import { Module } from '@nestjs/common';
import { InventoryModule } from '@netduty/inventory';
import { InventoryController } from './inventory.controller';
import { SiteDependenciesController } from './site-dependencies.controller';

@Module({ imports: [InventoryModule], controllers: [SiteDependenciesController, InventoryController] })
export class InventoryHttpModule {}
