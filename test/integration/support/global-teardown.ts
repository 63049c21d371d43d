import { Redis } from 'ioredis';
import { Client } from 'pg';
import { currentTestEnvironment } from './test-environment';

/** Drops this run's database and deletes every Redis key under its prefix. */
export default async function globalTeardown(): Promise<void> {
  const environment = currentTestEnvironment();
  const admin = new Client({ connectionString: environment.adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${environment.databaseName}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
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
