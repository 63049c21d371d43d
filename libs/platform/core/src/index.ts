export * from './lib/platform.module';
export * from './lib/database-role-check';
export * from './lib/database';
