export * from './lib/realtime-publisher';
export * from './lib/realtime.module';
