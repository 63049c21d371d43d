import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AnonymousRefusalAudit, ApplicationCoreModule } from '@netduty/application';
import { redisOptionsFromUrl, type AppConfig } from '@netduty/platform-config';
import { watchRedisClient } from '@netduty/platform-redis';
import { AuditModule } from './audit/audit.module';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { HealthModule } from './health/health.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { IncidentsModule } from './incidents/incidents.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SlaPoliciesModule } from './sla-policies/sla-policies.module';
import { UsersModule } from './users/users.module';

/** Rate-limit counters in Redis; its client, like every other, reports outages through one listener. */
function throttlerStorage(config: AppConfig): ThrottlerStorageRedisService {
  const storage = new ThrottlerStorageRedisService({ ...redisOptionsFromUrl(config.REDIS_URL), keyPrefix: `${config.REDIS_PREFIX}:throttle:` });
  watchRedisClient(storage.redis, 'rate limiter');
  return storage;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ApplicationCoreModule.forRoot(config, 'api'),
        // Rate limits are counted in Redis, so they hold across every api instance.
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'auth', ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_MINUTE }],
          // Given options (not a client) the storage owns its connection and closes it on shutdown.
          storage: throttlerStorage(config),
        }),
        IncidentsModule,
        CatalogueModule,
        SlaPoliciesModule,
        AuthModule,
        UsersModule,
        AuditModule,
        HealthModule,
        RealtimeModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        AnonymousRefusalAudit,
      ],
    };
  }
}
