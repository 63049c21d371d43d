export * from './lib/entities';
export * from './lib/migrations';
export * from './lib/data-source-options';
export * from './lib/run-migrations';
export * from './lib/application-role';
export * from './seed';
export * from './lib/like-pattern';
export * from './lib/unique-violation';
