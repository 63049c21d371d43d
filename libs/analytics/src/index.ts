export * from './lib/analytics-sources';
export * from './lib/network-safety.service';
export * from './lib/trends.service';
export * from './lib/analytics.module';
