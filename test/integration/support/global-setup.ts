import './register-paths';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { ApplicationCoreModule, DemoSeeder, loadAppConfig } from '@netduty/application';
import { runMigrations } from '@netduty/persistence';
import { newTestEnvironment } from './test-environment';

/** Creates this run's database, migrates it, loads the demo province (without enqueueing its deadlines). */
export default async function globalSetup(): Promise<void> {
  const environment = newTestEnvironment();
  const admin = new Client({ connectionString: environment.adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${environment.databaseName}"`);
  } finally {
    await admin.end();
  }
  await runMigrations(environment.databaseUrl);

  const config = loadAppConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: environment.redisUrl,
    REDIS_PREFIX: environment.redisPrefix,
  });
  const app = await NestFactory.createApplicationContext(ApplicationCoreModule.forRoot(config, 'api'), { logger: false });
  try {
    await app.get(DemoSeeder).seed({ enqueueDeadlines: false });
  } finally {
    await app.close();
  }
  process.env['NETDUTY_TEST_ENVIRONMENT'] = JSON.stringify(environment);
}
