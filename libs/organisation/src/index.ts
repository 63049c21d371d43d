export * from './lib/organisation-mappers';
export * from './lib/clusters.service';
export * from './lib/responders.service';
export * from './lib/organisation.module';
