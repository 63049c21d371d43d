import { randomBytes } from 'node:crypto';

/** Where the suite's own database and Redis prefix are written for the test files to read. */
export interface TestEnvironment {
  /** The application's login for this run (a member of netduty_app): what the api and the workers use. */
  databaseUrl: string;
  /** The owner of the tables, which migrates. */
  ownerDatabaseUrl: string;
  appRole: string;
  databaseName: string;
  adminDatabaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** This run's random HMAC secret for access tokens: no constant secret exists anywhere. */
  jwtSecret: string;
}

/** `drill`: a database named …_drill and a prefix naming the drill, as NETDUTY_DRILL=true requires. */
export function newTestEnvironment(options: { drill?: boolean } = {}): TestEnvironment {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}${options.drill ? '_drill' : ''}`;
  const adminDatabaseUrl = process.env['TEST_ADMIN_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseName = `netduty_test_${runId}`;
  const owner = new URL(adminDatabaseUrl);
  owner.pathname = `/${databaseName}`;
  // Roles are shared by every database on the server: one login per run, dropped at the end.
  const appRole = `netduty_app_${runId}`;
  const app = new URL(owner);
  app.username = appRole;
  app.password = randomBytes(18).toString('hex');
  return {
    adminDatabaseUrl,
    databaseName,
    databaseUrl: app.toString(),
    ownerDatabaseUrl: owner.toString(),
    appRole,
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
