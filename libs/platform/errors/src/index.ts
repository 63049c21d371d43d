export * from './lib/application-errors';
