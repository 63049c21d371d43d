import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SLA_QUEUE } from '@netduty/contracts';
import { dataSourceOptions } from '@netduty/persistence';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { LoginLockout } from './auth/login-lockout';
import { PasswordHasher } from './auth/password-hasher';
import { CatalogueService } from './catalogue/catalogue.service';
import { ReferenceService } from './catalogue/reference.service';
import { SlaPolicyService } from './catalogue/sla-policy.service';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { redisOptionsFromUrl } from './config/redis-options';
import { DatabaseRoleCheck } from './database/database-role-check';
import { EscalationService } from './escalation/escalation.service';
import { IncidentService } from './incidents/incident.service';
import { IncidentListService } from './incidents/incident-list.service';
import { SlaScheduler } from './queue/sla-scheduler';
import { RealtimePublisher } from './realtime/realtime-publisher';
import { UserAdminService } from './users/user-admin.service';

const SERVICES = [
  IncidentService,
  IncidentListService,
  EscalationService,
  CatalogueService,
  SlaPolicyService,
  SlaScheduler,
  RealtimePublisher,
  AuditService,
  AuthService,
  PasswordHasher,
  LoginLockout,
  UserAdminService,
  ReferenceService,
];

/**
 * Everything the api and the worker share: validated configuration, the database, the SLA queue,
 * the realtime publisher and the use cases. Each process builds its own; they share only Postgres and Redis.
 */
@Module({})
export class ApplicationCoreModule {
  static forRoot(config: AppConfig, role: 'api' | 'worker'): DynamicModule {
    return {
      module: ApplicationCoreModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.DATABASE_URL, {
            poolSize: config.DATABASE_POOL_SIZE,
            applicationName: `netduty-${role}`,
          }),
          // Reconnects are handled by the pool; failing fast at boot gives a clear message instead.
          retryAttempts: role === 'worker' ? 10 : 3,
          retryDelay: 1000,
        }),
        BullModule.forRoot({
          connection: redisOptionsFromUrl(config.REDIS_URL),
          prefix: `${config.REDIS_PREFIX}:bull`,
        }),
        BullModule.registerQueue({ name: SLA_QUEUE }),
        JwtModule.register({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, DatabaseRoleCheck, ...SERVICES],
      exports: [APP_CONFIG, BullModule, ...SERVICES],
    };
  }
}
