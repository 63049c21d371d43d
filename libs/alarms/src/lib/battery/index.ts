export * from './battery.module';
export * from './battery-countdown.service';
export * from './battery-outcomes.service';
export * from './generator-dispatch.service';
export * from './generator-dispatch-errors';
