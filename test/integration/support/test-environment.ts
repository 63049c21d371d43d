import { randomBytes } from 'node:crypto';

/** Where the suite's own database and Redis prefix are written for the test files to read. */
export interface TestEnvironment {
  databaseUrl: string;
  databaseName: string;
  adminDatabaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** This run's random HMAC secret for access tokens: no constant secret exists anywhere. */
  jwtSecret: string;
}

export function newTestEnvironment(): TestEnvironment {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const adminDatabaseUrl = process.env['TEST_ADMIN_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseName = `netduty_test_${runId}`;
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${databaseName}`;
  return {
    adminDatabaseUrl,
    databaseName,
    databaseUrl: url.toString(),
    redisUrl: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    redisPrefix: `netduty-test-${runId}`,
    jwtSecret: randomBytes(48).toString('base64url'),
  };
}

export function currentTestEnvironment(): TestEnvironment {
  const raw = process.env['NETDUTY_TEST_ENVIRONMENT'];
  if (!raw) throw new Error('NETDUTY_TEST_ENVIRONMENT is not set: run the suite through its jest config');
  return JSON.parse(raw) as TestEnvironment;
}
