export * from './lib/organisation-mappers';
export * from './lib/clusters.service';
export * from './lib/responders.service';
export * from './lib/organisation.module';
export * from './lib/rosters/roster-mapper';
export * from './lib/rosters/rosters.service';
export * from './lib/rosters/adjustments/roster-adjustment-use-cases';
export * from './lib/handovers/handovers.service';
