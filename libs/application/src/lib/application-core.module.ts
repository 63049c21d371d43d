import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PlatformModule, type ProcessRole } from '@netduty/platform';
import type { AppConfig } from '@netduty/platform-config';
import { SlaQueueModule } from '@netduty/platform-queue';
import { RealtimeModule } from '@netduty/platform-realtime';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { LoginLockout } from './auth/login-lockout';
import { PasswordHasher } from './auth/password-hasher';
import { CatalogueService } from './catalogue/catalogue.service';
import { ReferenceService } from './catalogue/reference.service';
import { IncidentService } from './incidents/incident.service';
import { IncidentListService } from './incidents/incident-list.service';
import { UserAdminService } from './users/user-admin.service';

const SERVICES = [
  IncidentService,
  IncidentListService,
  CatalogueService,
  AuditService,
  AuthService,
  PasswordHasher,
  LoginLockout,
  UserAdminService,
  ReferenceService,
];

/**
 * The use cases the api and the worker still share, over the platform (PlatformModule: configuration,
 * database, BullMQ; SlaQueueModule; RealtimeModule). Each process builds its own; they share only Postgres and Redis.
 */
@Module({})
export class ApplicationCoreModule {
  static forRoot(config: AppConfig, role: ProcessRole): DynamicModule {
    return {
      module: ApplicationCoreModule,
      global: true,
      imports: [
        PlatformModule.forRoot(config, role),
        SlaQueueModule,
        RealtimeModule,
        JwtModule.register({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
      ],
      providers: [...SERVICES],
      exports: [SlaQueueModule, RealtimeModule, ...SERVICES],
    };
  }
}
