import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { IdentityModule } from '@netduty/identity';
import { PlatformModule } from '@netduty/platform';
import { redisOptionsFromUrl, type AppConfig } from '@netduty/platform-config';
import { watchRedisClient } from '@netduty/platform-redis';
import { AlarmsHttpModule } from './alarms/alarms.module';
import { nmsThrottler } from './alarms/nms-rate-limit.guard';
import { AnalyticsHttpModule } from './analytics/analytics.module';
import { AuditHttpModule } from './audit/audit.module';
import { BatteryHttpModule } from './battery/battery.module';
import { RoamingHttpModule } from './roaming/roaming.module';
import { AccessGuard } from './auth/access.guard';
import { AuthHttpModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { IncidentsHttpModule } from './incidents/incidents.module';
import { InventoryHttpModule } from './inventory/inventory.module';
import { NotificationsHttpModule } from './notifications/notifications.module';
import { OrganisationHttpModule } from './organisation/organisation.module';
import { RealtimeHttpModule } from './realtime/realtime.module';
import { ReportsHttpModule } from './reports/reports.module';
import { EscalationHttpModule } from './escalation/escalation.module';
import { EventPeriodsHttpModule } from './event-periods/event-periods.module';
import { UsersHttpModule } from './users/users.module';

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
        PlatformModule.forRoot(config, 'api'),
        // The guard and the exception filter below authenticate and audit every request.
        IdentityModule,
        // Rate limits are counted in Redis, so they hold across every api instance: /auth per client
        // address, the TMF642 alarm writes per NMS (each named throttler applies only where it is meant).
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'auth', ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_MINUTE }, nmsThrottler(config)],
          // Given options (not a client) the storage owns its connection and closes it on shutdown.
          storage: throttlerStorage(config),
        }),
        // First: Express matches routes in order, and the TMF642 intake is the hot path (hundreds a second).
        AlarmsHttpModule,
        IncidentsHttpModule,
        InventoryHttpModule,
        OrganisationHttpModule,
        EscalationHttpModule,
        EventPeriodsHttpModule,
        NotificationsHttpModule,
        AuthHttpModule,
        UsersHttpModule,
        AuditHttpModule,
        AnalyticsHttpModule,
        ReportsHttpModule,
        AlarmsHttpModule,
        BatteryHttpModule,
        RoamingHttpModule,
        HealthModule,
        RealtimeHttpModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
