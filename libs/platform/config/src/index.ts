export * from './lib/app-config';
export * from './lib/redis-options';
