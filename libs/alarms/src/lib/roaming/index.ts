export * from './roaming.module';
export * from './roaming.service';
export * from './roaming-errors';
