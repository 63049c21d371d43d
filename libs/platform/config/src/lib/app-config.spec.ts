import { ConfigError, loadAppConfig } from './app-config';
import { redisOptionsFromUrl } from './redis-options';

const JWT_SECRET = 'a-random-secret-of-at-least-32-characters';

describe('configuration read at boot', () => {
  it('runs locally with nothing but a JWT secret', () => {
    const config = loadAppConfig({ JWT_SECRET });
    // The application's own login; the owner (MIGRATION_DATABASE_URL) is only the migrate command's.
    expect(config.DATABASE_URL).toBe('postgres://netduty_app@127.0.0.1:5432/netduty');
    expect(config.MIGRATION_DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.CORS_ORIGINS).toContain('http://localhost:4200');
    expect(config.FORCE_PASSWORD_CHANGE).toBe(false);
    expect(config.COOKIE_SECURE).toBe(false);
  });

  it('lists every bad value by name in one error', () => {
    let error: unknown;
    try {
      loadAppConfig({ JWT_SECRET, DATABASE_URL: 'mysql://x', PORT: 'eighty', REDIS_PREFIX: 'has spaces' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^DATABASE_URL: must be a URL starting with postgres:/m);
    expect(problems).toMatch(/^PORT:/m);
    expect(problems).toMatch(/^REDIS_PREFIX:/m);
  });

  it.each(['development', 'test', 'production'])('refuses a missing or short JWT secret in %s: there is no default', (NODE_ENV) => {
    expect(() => loadAppConfig({ NODE_ENV })).toThrow(/JWT_SECRET: is required: at least 32 random characters/);
    expect(() => loadAppConfig({ NODE_ENV, JWT_SECRET: '' })).toThrow(/JWT_SECRET: must be at least 32 characters/);
    expect(() => loadAppConfig({ NODE_ENV, JWT_SECRET: 'x'.repeat(31) })).toThrow(/JWT_SECRET: must be at least 32 characters/);
    expect(loadAppConfig({ NODE_ENV, JWT_SECRET: 'x'.repeat(32), PUBLIC_CONSOLE_URL: 'https://netduty.example' }).JWT_SECRET).toBe('x'.repeat(32));
  });

  it('turns on the production defaults', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), PUBLIC_CONSOLE_URL: 'https://netduty.example/' };
    const config = loadAppConfig(production);
    expect(config.FORCE_PASSWORD_CHANGE).toBe(true);
    expect(config.COOKIE_SECURE).toBe(true);
    expect(config.PUBLIC_CONSOLE_URL).toBe('https://netduty.example');
    expect(loadAppConfig({ ...production, COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
  });

  it('needs PUBLIC_CONSOLE_URL in production only (links in messages), defaulting to the local console elsewhere', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(/PUBLIC_CONSOLE_URL: is required in production/);
    expect(loadAppConfig({ JWT_SECRET }).PUBLIC_CONSOLE_URL).toBe('http://localhost:4200');
    expect(() => loadAppConfig({ JWT_SECRET, PUBLIC_CONSOLE_URL: 'ftp://x.example' })).toThrow(/PUBLIC_CONSOLE_URL/);
  });

  it('runs a drill only on a database ending in _drill and a Redis prefix naming the drill', () => {
    expect(loadAppConfig({ JWT_SECRET }).NETDUTY_DRILL).toBe(false);
    const drill = { JWT_SECRET, NETDUTY_DRILL: 'true', DATABASE_URL: 'postgres://netduty_app@127.0.0.1:5432/netduty_drill', REDIS_PREFIX: 'netduty-drill' };
    expect(loadAppConfig(drill).NETDUTY_DRILL).toBe(true);
    expect(() => loadAppConfig({ ...drill, DATABASE_URL: 'postgres://netduty_app@127.0.0.1:5432/netduty' })).toThrow(/DATABASE_URL: must name a database ending in _drill/);
    expect(() => loadAppConfig({ ...drill, REDIS_PREFIX: 'netduty' })).toThrow(/REDIS_PREFIX: must contain "drill"/);
    expect(() => loadAppConfig({ ...drill, NETDUTY_DRILL: 'yes' })).toThrow(/^ {2}- NETDUTY_DRILL:/m);
  });

  it('splits CORS origins and accepts "info" as the log level Nest calls "log"', () => {
    const config = loadAppConfig({ JWT_SECRET, CORS_ORIGINS: 'https://a.example, https://b.example,', LOG_LEVEL: 'info' });
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.LOG_LEVEL).toBe('log');
  });

  it('trusts no proxy unless TRUST_PROXY says which, in the forms Express accepts', () => {
    expect(loadAppConfig({ JWT_SECRET }).TRUST_PROXY).toBe(false);
    expect(loadAppConfig({ JWT_SECRET, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadAppConfig({ JWT_SECRET, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadAppConfig({ JWT_SECRET, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8,192.168.1.5' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.5',
    ]);
    for (const bad of ['yes', '10.0.0.0/33', 'nginx', '1,,2', '-1', '10.0.0.0/8/1']) {
      expect(() => loadAppConfig({ JWT_SECRET, TRUST_PROXY: bad })).toThrow(/TRUST_PROXY: must be false, true, a number/);
    }
  });

  it('sizes the alarm intake (group commit and back-pressure) with bounded values', () => {
    expect(loadAppConfig({ JWT_SECRET })).toMatchObject({
      ALARM_INTAKE_BATCH_SIZE: 500,
      ALARM_INTAKE_TICK_MS: 5,
      ALARM_INTAKE_MAX_PENDING: 20_000,
      ALARM_RATE_LIMIT_PER_SECOND: 2_000,
    });
    expect(loadAppConfig({ JWT_SECRET, ALARM_INTAKE_BATCH_SIZE: '3000', ALARM_RATE_LIMIT_PER_SECOND: '5' })).toMatchObject({ ALARM_INTAKE_BATCH_SIZE: 3000, ALARM_RATE_LIMIT_PER_SECOND: 5 });
    // More than 3,000 rows of 19 parameters would pass PostgreSQL's 65,535 bind parameters per statement.
    expect(() => loadAppConfig({ JWT_SECRET, ALARM_INTAKE_BATCH_SIZE: '3001' })).toThrow(/ALARM_INTAKE_BATCH_SIZE/);
    for (const key of ['ALARM_INTAKE_TICK_MS', 'ALARM_INTAKE_MAX_PENDING', 'ALARM_RATE_LIMIT_PER_SECOND']) {
      expect(() => loadAppConfig({ JWT_SECRET, [key]: '0' })).toThrow(new RegExp(key));
    }
  });

  it('keeps the SNMP trap receiver off unless a port is set, and validates its v3 users', () => {
    expect(loadAppConfig({ JWT_SECRET })).toMatchObject({ SNMP_TRAP_PORT: 0, SNMP_TRAP_ADDRESS: '0.0.0.0', SNMP_V3_USERS: [] });
    const user = { user: 'vt-nms', sourceSystemId: 'viettel-nms', authKey: 'auth-pass-1', privKey: 'priv-pass-1' };
    expect(loadAppConfig({ JWT_SECRET, SNMP_TRAP_PORT: '1162', SNMP_TRAP_ADDRESS: '127.0.0.1', SNMP_V3_USERS: JSON.stringify([user]) })).toMatchObject({
      SNMP_TRAP_PORT: 1162,
      SNMP_TRAP_ADDRESS: '127.0.0.1',
      SNMP_V3_USERS: [user],
    });
    expect(() => loadAppConfig({ JWT_SECRET, SNMP_TRAP_PORT: '70000' })).toThrow(/SNMP_TRAP_PORT/);
    expect(() => loadAppConfig({ JWT_SECRET, SNMP_TRAP_ADDRESS: 'localhost' })).toThrow(/SNMP_TRAP_ADDRESS: must be an IPv4 address/);
    expect(() => loadAppConfig({ JWT_SECRET, SNMP_V3_USERS: '{not json' })).toThrow(/SNMP_V3_USERS: must be JSON/);
    expect(() => loadAppConfig({ JWT_SECRET, SNMP_V3_USERS: JSON.stringify([{ ...user, authKey: 'short' }]) })).toThrow(/SNMP_V3_USERS\.0\.authKey: must be at least 8 characters/);
    expect(() => loadAppConfig({ JWT_SECRET, SNMP_V3_USERS: JSON.stringify([user, { ...user, sourceSystemId: 'other' }]) })).toThrow(/SNMP_V3_USERS: names a user twice/);
  });

  it('reads Redis connection options from a URL', () => {
    expect(redisOptionsFromUrl('redis://:s%40cret@cache.internal:6380/2')).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      password: 's@cret',
      db: 2,
      maxRetriesPerRequest: null,
    });
    expect(redisOptionsFromUrl('rediss://cache').tls).toEqual({});
  });
});
