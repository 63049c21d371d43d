export * from './lib/incident-commands';
export * from './lib/insert-incident';
export * from './lib/incident-mapper';
export * from './lib/incident.service';
export * from './lib/incident-list.service';
export * from './lib/incident-cursor';
export * from './lib/timeline';
export * from './lib/incidents.module';
