import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { loadAppConfig, type AppConfig } from '@netduty/platform-config';
import type {
  ClientToServerEvents,
  IncidentDto,
  ServerEventName,
  ServerEventPayload,
  ServerToClientEvents,
  SiteSummaryDto,
} from '@netduty/contracts';
import { createApiApp } from '../../../apps/api/src/app/bootstrap';
import { createWorker } from '../../../apps/worker/src/app/bootstrap';
import { currentTestEnvironment } from './test-environment';

const WORKSPACE = join(__dirname, '../../..');

/** Environment for every process of the suite: this run's database and prefix, short test policies. */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment = currentTestEnvironment();
  return {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: environment.redisUrl,
    REDIS_PREFIX: environment.redisPrefix,
    JWT_SECRET: environment.jwtSecret,
    PORT: '0',
    RECONCILE_INTERVAL_SECONDS: '3600',
    // No scheduled situation report (07:00 / 17:00) fires in the middle of another suite's run; situation-reports.spec.ts sets its own.
    SITUATION_REPORT_CRON: '0 0 1 1 *',
    DATABASE_POOL_SIZE: '5',
    LOG_LEVEL: 'warn',
    // Every test logs in from 127.0.0.1; the per-address limit is not what these tests are about.
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    ...extra,
  };
}

export function testConfig(extra: Record<string, string> = {}): AppConfig {
  return loadAppConfig(testEnv(extra));
}

export interface RunningApi {
  app: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function startApi(extra: Record<string, string> = {}, port = 0): Promise<RunningApi> {
  const app = await createApiApp(testConfig(extra), { logger: false });
  await app.listen(port, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataSource: app.get(DataSource),
    close: () => app.close(),
  };
}

export async function startWorker(extra: Record<string, string> = {}): Promise<INestApplicationContext> {
  return createWorker(testConfig(extra), { logger: false });
}

export interface WorkerProcess {
  process: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** Runs the built worker (dist/apps/worker/main.js) as its own OS process, as production does. */
export async function spawnWorkerProcess(extra: Record<string, string> = {}): Promise<WorkerProcess> {
  return spawnBuiltApp('worker', 'NetDuty worker running', extra);
}

/** Runs the built api (dist/apps/api/main.js) as its own OS process on `port`. */
export async function spawnApiProcess(port: number, extra: Record<string, string> = {}): Promise<WorkerProcess & { baseUrl: string }> {
  const child = await spawnBuiltApp('api', 'NetDuty api listening', { PORT: String(port), ...extra });
  return { ...child, baseUrl: `http://127.0.0.1:${port}` };
}

async function spawnBuiltApp(app: 'api' | 'worker', readyLine: string, extra: Record<string, string>): Promise<WorkerProcess> {
  const main = join(WORKSPACE, `dist/apps/${app}/main.js`);
  if (!existsSync(main)) throw new Error(`${main} is missing: build the ${app} first (npx nx build ${app})`);
  const child = spawn(process.execPath, [main], { env: testEnv({ LOG_LEVEL: 'log', ...extra }), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyLine)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${app} exited with ${code} before it was ready:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function connectConsole(baseUrl: string, token: string, extraHeaders: Record<string, string> = {}): Promise<ConsoleSocket> {
  const socket: ConsoleSocket = io(baseUrl, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { token },
    extraHeaders,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** The demo accounts the seeder creates (see DEMO_USERS); all share the demo password. */
export const DEMO_PASSWORD = 'NetDuty@2026';

export interface Session {
  token: string;
  refreshCookie: string | null;
  user: { id: string; role: string; operatorCode: string | null };
}

export async function login(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { accessToken: string; user: Session['user'] };
  if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(body)}`);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('nd_refresh='));
  return { token: body.accessToken, refreshCookie: cookie?.split(';')[0] ?? null, user: body.user };
}

/** An HTTP client logged in as one user. */
export interface ApiClient {
  session: Session;
  request<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult<T>>;
}

export async function as(baseUrl: string, username: string): Promise<ApiClient> {
  const session = await login(baseUrl, username);
  return {
    session,
    request: (method, path, body, headers = {}) =>
      http(baseUrl, method, path, body, { authorization: `Bearer ${session.token}`, ...headers }),
  };
}

/** Resolves with the first `event` whose payload matches, recording when it arrived. */
export function nextEvent<E extends ServerEventName>(
  socket: ConsoleSocket,
  event: E,
  matches: (payload: ServerEventPayload<E>) => boolean,
  timeoutMs = 10_000,
): Promise<{ payload: ServerEventPayload<E>; receivedAt: number }> {
  return new Promise((resolve, reject) => {
    const listener = (payload: ServerEventPayload<E>) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve({ payload, receivedAt: Date.now() });
    };
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no matching ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on(event, listener as never);
  });
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

export async function http<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  return { status: response.status, body: (isJson && text ? JSON.parse(text) : text || undefined) as T };
}

export async function findSite(client: ApiClient, query: string): Promise<SiteSummaryDto> {
  const { body } = await client.request<SiteSummaryDto[]>('GET', `/sites?q=${encodeURIComponent(query)}&limit=1`);
  const site = body[0];
  if (!site) throw new Error(`no site matches ${query}`);
  return site;
}

export async function reportIncident(
  client: ApiClient,
  site: SiteSummaryDto,
  overrides: Partial<{ severity: string; category: string; description: string }> = {},
): Promise<IncidentDto> {
  const result = await client.request<IncidentDto>('POST', '/incidents', {
    siteId: site.id,
    category: 'mains_failure',
    severity: 'critical',
    description: 'Mất điện lưới, trạm đang chạy ắc quy',
    ...overrides,
  });
  if (result.status !== 201) throw new Error(`report failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}
