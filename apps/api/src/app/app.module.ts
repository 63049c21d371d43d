import { DynamicModule, Module } from '@nestjs/common';
import { ApplicationCoreModule, type AppConfig } from '@netduty/application';
import { CatalogueModule } from './catalogue/catalogue.module';
import { HealthModule } from './health/health.module';
import { IncidentsModule } from './incidents/incidents.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SlaPoliciesModule } from './sla-policies/sla-policies.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ApplicationCoreModule.forRoot(config, 'api'),
        IncidentsModule,
        CatalogueModule,
        SlaPoliciesModule,
        HealthModule,
        RealtimeModule,
      ],
    };
  }
}
