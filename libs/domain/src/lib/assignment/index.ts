export * from './rank-responders';
