export * from './lib/processing';
