import { DynamicModule, Module } from '@nestjs/common';
import { EscalationModule } from '@netduty/escalation';
import { IdentityModule } from '@netduty/identity';
import { DEMO_SEED_OPTIONS, type DemoSeedOptions } from './demo-seed-options';
import { DemoSeeder } from './demo-seeder';
import { ReportsModule } from '@netduty/reports';

/**
 * The demo seeder, for the seed command and the test support only: no api or worker module imports
 * it. The database comes from the PlatformModule imported beside it; the accounts from IdentityModule,
 * the deadlines from EscalationModule.
 */
@Module({})
export class DemoDataModule {
  static forRoot(options: DemoSeedOptions): DynamicModule {
    return {
      module: DemoDataModule,
      imports: [IdentityModule, EscalationModule, ReportsModule],
      providers: [{ provide: DEMO_SEED_OPTIONS, useValue: options }, DemoSeeder],
      exports: [DemoSeeder],
    };
  }
}
