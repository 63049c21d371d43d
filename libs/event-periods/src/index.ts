export * from './lib/event-period-mapper';
export * from './lib/event-periods.service';
export * from './lib/event-periods.module';
