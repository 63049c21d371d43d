export * from './lib/sla-scheduler';
export * from './lib/sla-queue.module';
