import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '@netduty/persistence';

const url = (protocols: string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.join(' or ')}//`);

/** Express's named ranges for `trust proxy`. */
const TRUSTED_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (TRUSTED_RANGE_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * Which proxies may set X-Forwarded-For, in the forms Express accepts: false/true, a number of hops,
 * or a comma list of addresses, CIDR ranges and loopback/linklocal/uniquelocal. Off unless set, so a
 * client reaching the api directly cannot choose the address it is throttled and audited under.
 */
const trustProxy = z
  .string()
  .trim()
  .default('false')
  .refine((value) => {
    if (value === 'true' || value === 'false' || /^\d{1,2}$/.test(value)) return true;
    const entries = value.split(',').map((entry) => entry.trim());
    return entries.every((entry) => entry !== '' && isAddressOrRange(entry));
  }, 'must be false, true, a number of proxy hops, or a comma list of addresses, CIDR ranges, loopback, linklocal, uniquelocal')
  .transform((value): boolean | number | string[] => {
    if (value === 'true') return true;
    if (value === 'false') return false;
    if (/^\d+$/.test(value)) return Number(value);
    return value.split(',').map((entry) => entry.trim());
  });

const JWT_SECRET_HINT = 'openssl rand -base64 48';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * A drill (diễn tập) copy of the province: every screen, report and message is marked as a drill
   * (libs/domain drill-mark.ts). Needs its own database (name ending in _drill) and Redis prefix, so a
   * drill can never write into live data.
   */
  NETDUTY_DRILL: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** The api's and the worker's own login: a member of netduty_app, never the owner of the tables nor a superuser. */
  DATABASE_URL: url(['postgres:', 'postgresql:']).default(DEFAULT_DATABASE_URL),
  /** The owner of the tables; only the migrate command reads it (default outside production: postgres@127.0.0.1/netduty). */
  MIGRATION_DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_:-]{1,64}$/, 'must be 1-64 characters of letters, digits, _ : -')
    .default('netduty'),
  // 0 asks the OS for a free port (tests).
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:4200,http://127.0.0.1:4200,http://localhost:3000')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean)),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  WORKER_HEARTBEAT_FILE: z.string().optional(),
  /** Seconds between the reconciliation sweeps that re-enqueue lost deadline jobs. */
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /**
   * HMAC secret of access tokens, required in every environment: there is no default, so no start can
   * sign with a value readable in the source. `npm start` generates one into tmp/local-secrets.env.
   */
  JWT_SECRET: z
    .string({ error: (issue) => (issue.input === undefined ? `is required: at least 32 random characters (${JWT_SECRET_HINT})` : undefined) })
    .min(32, `must be at least 32 characters (${JWT_SECRET_HINT})`),
  /**
   * Seals the gateways' secrets at rest (SMTP passwords, webhook keys, header values such as API keys).
   * Unset, a key is derived from JWT_SECRET for this one purpose; set it (32+ random characters) to
   * rotate JWT_SECRET without re-entering every gateway's secrets.
   */
  SECRETS_KEY: z.preprocess((value) => (value === '' ? undefined : value), z.string().min(32, `must be at least 32 characters (${JWT_SECRET_HINT})`).optional()),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  /** Requests per minute per client address to /auth/* (login, refresh): slows password spraying. */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /**
   * Failed logins for one account from all addresses together within LOGIN_LOCKOUT_SECONDS after which
   * only addresses the user has logged in from before may keep trying (slows distributed guessing).
   */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Seconds in which a just-rotated refresh token may be presented again (two tabs) without revoking the session. */
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  /** Inbound socket events per second each socket may send on average, and the burst above that. */
  SOCKET_EVENTS_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(5),
  SOCKET_EVENT_BURST: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Demo and bootstrap accounts must change their password at first login (default: on in production). */
  FORCE_PASSWORD_CHANGE: z.enum(['true', 'false']).optional(),
  /** Refresh cookie only over HTTPS (default: on in production; TLS terminates in front of nginx). */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: trustProxy,
  /** Where people open the console, for links in outside messages (acknowledge links); required in production. */
  PUBLIC_CONSOLE_URL: url(['http:', 'https:']).optional(),
  OWNER_AGENCY: z.string().min(1).default('Sở Khoa học và Công nghệ tỉnh Lạng Sơn'),
  /** The report header's superior body and issuing agency (see DOMAIN: the owner agency is configurable). */
  REPORT_PARENT_AGENCY: z.string().trim().min(1).max(120).default('UBND TỈNH LẠNG SƠN'),
  REPORT_AGENCY: z.string().trim().min(1).max(120).default('SỞ KHOA HỌC VÀ CÔNG NGHỆ'),
  /** "Lạng Sơn, ngày … tháng … năm …". */
  REPORT_PLACE: z.string().trim().min(1).max(60).default('Lạng Sơn'),
  /** The symbol after a report's number: "Số: 12/BC-SKHCN". */
  REPORT_NUMBER_SYMBOL: z.string().trim().regex(/^[\p{L}\p{N}.-]{1,30}$/u, 'letters, digits, "." and "-" only').default('BC-SKHCN'),
  /** When situation reports are generated, a cron pattern in Asia/Ho_Chi_Minh (5 fields, or 6 with seconds). */
  SITUATION_REPORT_CRON: z
    .string()
    .trim()
    .refine((value) => [5, 6].includes(value.split(/\s+/).length) && /^[\d*/,\-\s]+$/.test(value), 'a cron pattern of 5 or 6 fields (digits, *, /, -, ",")')
    .default('0 7,17 * * *'),
  /** How often the worker applies accepted alarms to incidents (it is also woken by the intake). */
  ALARM_PROCESSOR_TICK_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  /** Alarm events applied per transaction. */
  ALARM_PROCESSOR_BATCH: z.coerce.number().int().min(1).max(50_000).default(5_000),
  /** A re-raise within this long after its incident was resolved reopens it instead of opening another. */
  ALARM_REOPEN_WINDOW_SECONDS: z.coerce.number().int().min(0).max(7 * 86_400).default(1_800),
  /** Mass-outage correlation: sites down within this window that share an upstream… */
  ALARM_CORRELATION_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
  /** …and at least this many of them, open one parent incident. */
  ALARM_CORRELATION_MIN_SITES: z.coerce.number().int().min(2).max(10_000).default(3),
  /** Flapping: this many raise/clear cycles within the window flag the incident and hold its notifications. */
  ALARM_FLAP_CYCLES: z.coerce.number().int().min(2).max(100).default(3),
  ALARM_FLAP_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Inter-operator roaming: an issued request's deadline (the 2025 typhoon directives: 30 minutes), escalated like any incident deadline. */
  ROAMING_DEADLINE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(1_800),
  /**
   * Alarm intake (group commit): a batch is written when it holds this many alarms… (at most 3,000: 19
   * bind parameters an alarm stay under PostgreSQL's 65,535 per statement)
   */
  ALARM_INTAKE_BATCH_SIZE: z.coerce.number().int().min(1).max(3_000).default(500),
  /** …or this long after its first alarm arrived, whichever comes first (the accept latency's floor). */
  ALARM_INTAKE_TICK_MS: z.coerce.number().int().min(1).max(1_000).default(5),
  /** Alarms waiting in one api process beyond which new ones are refused with 429 (back-pressure). */
  ALARM_INTAKE_MAX_PENDING: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  /** Alarm writes per second per NMS (sourceSystemId), across every api instance; more is 429 with Retry-After. */
  ALARM_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).max(1_000_000).default(2_000),
  /** UDP port of the SNMP trap receiver (v2c and v3) in the api process; 0 or unset: no receiver. */
  SNMP_TRAP_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Address the trap receiver binds to (0.0.0.0: every IPv4 interface). */
  SNMP_TRAP_ADDRESS: z
    .string()
    .trim()
    .default('0.0.0.0')
    .refine((value) => isIP(value) === 4, 'must be an IPv4 address (0.0.0.0 for every interface)'),
  /**
   * SNMPv3 trap users, as JSON: [{"user","sourceSystemId","authKey","privKey"}], each SHA + AES
   * (authPriv). The keys are read here, not stored: see libs/alarms/src/lib/snmp/snmp-v3-users.ts.
   */
  SNMP_V3_USERS: z
    .string()
    .trim()
    .default('[]')
    .transform((value, context) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON: [{"user","sourceSystemId","authKey","privKey"}]' });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .array(
          z.strictObject({
            user: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'must be 1-32 letters, digits, . _ -'),
            sourceSystemId: z.string().min(2).max(63),
            authKey: z.string().min(8, 'must be at least 8 characters (USM)').max(256),
            privKey: z.string().min(8, 'must be at least 8 characters (USM)').max(256),
          }),
        )
        .refine((users) => new Set(users.map((entry) => entry.user)).size === users.length, 'names a user twice'),
    ),
    // 'info' is accepted as the usual spelling of Nest's 'log'.
  LOG_LEVEL: z
    .enum(['error', 'warn', 'info', 'log', 'debug', 'verbose'])
    .default('log')
    .transform((level) => (level === 'info' ? 'log' : level)),
});

const DEFAULT_PUBLIC_CONSOLE_URL = 'http://localhost:4200';

function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
}

const validated = schema
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && !env.PUBLIC_CONSOLE_URL) {
      context.addIssue({ code: 'custom', path: ['PUBLIC_CONSOLE_URL'], message: 'is required in production: the console address people open from a message (https://…)' });
    }
    if (env.NETDUTY_DRILL && !/_drill$/.test(databaseName(env.DATABASE_URL))) {
      context.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'must name a database ending in _drill when NETDUTY_DRILL=true (a drill never runs on live data)' });
    }
    if (env.NETDUTY_DRILL && !env.REDIS_PREFIX.includes('drill')) {
      context.addIssue({ code: 'custom', path: ['REDIS_PREFIX'], message: 'must contain "drill" when NETDUTY_DRILL=true (a drill never shares the live queues)' });
    }
  })
  .transform((env) => ({
  ...env,
  PUBLIC_CONSOLE_URL: (env.PUBLIC_CONSOLE_URL ?? DEFAULT_PUBLIC_CONSOLE_URL).replace(/\/+$/, ''),
  FORCE_PASSWORD_CHANGE: env.FORCE_PASSWORD_CHANGE ? env.FORCE_PASSWORD_CHANGE === 'true' : env.NODE_ENV === 'production',
  COOKIE_SECURE: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : env.NODE_ENV === 'production',
}));

export type AppConfig = z.output<typeof validated>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once at boot; a bad value stops the process with a clear list. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = validated.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
