export * from './lib/enums';
export * from './lib/dto';
export * from './lib/socket-events';
export * from './lib/jobs';
export * from './lib/auth';
