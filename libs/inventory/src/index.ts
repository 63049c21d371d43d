export * from './lib/inventory-mappers';
export * from './lib/operators.service';
export * from './lib/sites.service';
export * from './lib/site-dependencies.service';
export * from './lib/inventory.module';
export * from './lib/site-states.service';
export * from './lib/site-map.service';
