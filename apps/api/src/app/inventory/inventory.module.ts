import { Module } from '@nestjs/common';
import { InventoryModule } from '@netduty/inventory';
import { InventoryController } from './inventory.controller';

@Module({ imports: [InventoryModule], controllers: [InventoryController] })
export class InventoryHttpModule {}
