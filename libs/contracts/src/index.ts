export * from './lib/enums';
export * from './lib/dto';
export * from './lib/socket-events';
export * from './lib/jobs';
export * from './lib/auth';
export * from './lib/errors';
export * from './lib/timeline';
export * from './lib/limits';
// Generated from apps/api/openapi.json (`npm run openapi`): the REST surface for typed clients (openapi-fetch).
export type { paths as ApiPaths, components as ApiComponents, operations as ApiOperations } from './lib/openapi';
export * from './lib/incident-list';
export * from './lib/escalation-policy';
export * from './lib/event-period';
export * from './lib/rosters';
export * from './lib/notifications';
export * from './lib/duty';
export * from './lib/analytics';
export * from './lib/reports';
