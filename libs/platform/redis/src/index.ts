export * from './lib/redis-outage-log';
