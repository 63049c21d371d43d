import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { DemoDataModule, DemoSeeder } from '@netduty/demo-data';
import { PlatformModule } from '@netduty/platform';
import { loadAppConfig } from '@netduty/platform-config';
import { dropApplicationLogin, provisionApplicationLogin, runMigrations } from '@netduty/persistence';
import { currentTestEnvironment, newTestEnvironment, type TestEnvironment } from './test-environment';

/** The seed command's context, built here for each test run's database. */
@Module({})
class TestSeedModule {}

/**
 * A fresh database and Redis prefix for one test run: created, migrated and loaded with the demo
 * province (its deadlines are not enqueued, so only the tests' own incidents move through the queue).
 */
export async function createTestEnvironment(options: { drill?: boolean } = {}): Promise<TestEnvironment> {
  const environment = newTestEnvironment(options);
  const admin = new Client({ connectionString: environment.adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${environment.databaseName}"`);
  } finally {
    await admin.end();
  }
  await runMigrations(environment.ownerDatabaseUrl);
  await provisionApplicationLogin(environment.ownerDatabaseUrl, environment.databaseUrl);

  const config = loadAppConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: environment.redisUrl,
    REDIS_PREFIX: environment.redisPrefix,
    JWT_SECRET: environment.jwtSecret,
    ...(options.drill ? { NETDUTY_DRILL: 'true' } : {}),
  });
  const app = await NestFactory.createApplicationContext(
    {
      module: TestSeedModule,
      imports: [PlatformModule.forRoot(config, 'api'), DemoDataModule.forRoot({ forcePasswordChange: config.FORCE_PASSWORD_CHANGE })],
    },
    { logger: false },
  );
  try {
    await app.get(DemoSeeder).seed({ enqueueDeadlines: false });
  } finally {
    await app.close();
  }
  // A drill copy is a second environment beside the suite's own, which stays the current one.
  if (!options.drill) process.env['NETDUTY_TEST_ENVIRONMENT'] = JSON.stringify(environment);
  return environment;
}

/** Drops the run's database and its login, and deletes every Redis key under its prefix. */
export async function destroyTestEnvironment(environment: TestEnvironment): Promise<void> {
  const admin = new Client({ connectionString: environment.adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${environment.databaseName}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await dropApplicationLogin(environment.adminDatabaseUrl, environment.appRole);
  const redis = new Redis(environment.redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${environment.redisPrefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Runs one statement on a connection of its own as the owner of the tables (the migration role), for
 * what the application's role may not do: e.g. showing that the triggers refuse even the owner.
 */
export async function queryAsOwner<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const owner = new Client({ connectionString: currentTestEnvironment().ownerDatabaseUrl });
  await owner.connect();
  try {
    return (await owner.query(sql)).rows as T[];
  } finally {
    await owner.end();
  }
}
