import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { dataSourceOptions, useSecretKey } from '@netduty/persistence';
import { APP_CONFIG, redisOptionsFromUrl, type AppConfig } from '@netduty/platform-config';
import { DatabaseRoleCheck } from './database-role-check';

export type ProcessRole = 'api' | 'worker';

/**
 * The infrastructure every process builds for itself: validated configuration, the database and the
 * BullMQ connection. Each process builds its own; they share only Postgres and Redis. Services come
 * from the area modules each app imports.
 */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, role: ProcessRole): DynamicModule {
    // The key the gateways' secrets are sealed with in Postgres, for this one purpose.
    useSecretKey(createHmac('sha256', config.SECRETS_KEY ?? config.JWT_SECRET).update('netduty.gateway-secrets.v1').digest());
    return {
      module: PlatformModule,
      // Only the configuration is global, as a validated value; no service is.
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
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, DatabaseRoleCheck],
      exports: [APP_CONFIG],
    };
  }
}
