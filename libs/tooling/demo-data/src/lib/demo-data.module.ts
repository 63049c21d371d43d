import { DynamicModule, Module } from '@nestjs/common';
import { DEMO_SEED_OPTIONS, type DemoSeedOptions } from './demo-seed-options';
import { DemoSeeder } from './demo-seeder';

/**
 * The demo seeder, for the seed command and the test support only: no api or worker module imports
 * it. The database and the escalation and user services it calls come from the application module
 * imported beside it.
 */
@Module({})
export class DemoDataModule {
  static forRoot(options: DemoSeedOptions): DynamicModule {
    return {
      module: DemoDataModule,
      providers: [{ provide: DEMO_SEED_OPTIONS, useValue: options }, DemoSeeder],
      exports: [DemoSeeder],
    };
  }
}
