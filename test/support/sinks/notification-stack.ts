import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { NotificationGatewayKind } from '@netduty/contracts';
import { NOTIFICATION_IN_APP_QUEUE, notificationGatewayQueue } from '@netduty/contracts';
import {
  DeliveryReconciler,
  DeliverySender,
  NotificationDispatcher,
  NotificationOutbox,
  NotificationQueues,
  NotificationsModule,
  NotificationWorkersModule,
  type NewDelivery,
} from '@netduty/notifications';
import { NotificationDeliveryEntity, NotificationGatewayEntity } from '@netduty/persistence';
import { loadAppConfig, type AppConfig } from '@netduty/platform-config';
import { PlatformModule } from '@netduty/platform';
import { currentTestEnvironment } from '../../integration/support/test-environment';
import type { HttpSink } from './http-sink';
import type { SmtpSink } from './smtp-sink';

/** This run's database and Redis, as a worker's configuration; `redisPrefix` narrows Redis to a test's own keys. */
export function notificationTestConfig(redisPrefix?: string): AppConfig {
  const environment = currentTestEnvironment();
  return loadAppConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: environment.redisUrl,
    REDIS_PREFIX: redisPrefix ?? environment.redisPrefix,
    JWT_SECRET: environment.jwtSecret,
    RECONCILE_INTERVAL_SECONDS: '3600',
    DATABASE_POOL_SIZE: '5',
    LOG_LEVEL: 'warn',
  });
}

@Module({})
class NotificationTestModule {}

export interface NotificationContext {
  app: INestApplicationContext;
  dataSource: DataSource;
  outbox: NotificationOutbox;
  queues: NotificationQueues;
  close(): Promise<void>;
}

export interface NotificationWorkerContext extends NotificationContext {
  sender: DeliverySender;
  reconciler: DeliveryReconciler;
  dispatcher: NotificationDispatcher;
}

/** What the api builds: the outbox and queues, no sending. */
export async function startNotificationProducer(config: AppConfig): Promise<NotificationContext> {
  const app = await NestFactory.createApplicationContext(
    { module: NotificationTestModule, imports: [PlatformModule.forRoot(config, 'api'), NotificationsModule] },
    { logger: false },
  );
  return { app, dataSource: app.get(DataSource), outbox: app.get(NotificationOutbox), queues: app.get(NotificationQueues), close: () => app.close() };
}

/** What the worker builds: the same, plus the channels, the per-gateway workers and the sweep (run once at start). */
export async function startNotificationWorker(
  config: AppConfig,
  workers: typeof NotificationWorkersModule | DynamicModule = NotificationWorkersModule,
): Promise<NotificationWorkerContext> {
  const app = await NestFactory.createApplicationContext(
    { module: NotificationTestModule, imports: [PlatformModule.forRoot(config, 'worker'), workers] },
    { logger: ['error'] },
  );
  return {
    app,
    dataSource: app.get(DataSource),
    outbox: app.get(NotificationOutbox),
    queues: app.get(NotificationQueues),
    sender: app.get(DeliverySender),
    reconciler: app.get(DeliveryReconciler),
    dispatcher: app.get(NotificationDispatcher),
    close: () => app.close(),
  };
}

export function uniqueName(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}`;
}

export async function createHttpGateway(
  dataSource: DataSource,
  sink: HttpSink,
  options: { kind?: Exclude<NotificationGatewayKind, 'email'>; ratePerSecond?: number; webhookSecret?: string } = {},
): Promise<NotificationGatewayEntity> {
  return dataSource.getRepository(NotificationGatewayEntity).save({
    kind: options.kind ?? 'sms',
    name: uniqueName('test-http-gateway'),
    url: sink.url,
    method: 'POST',
    headers: { authorization: 'Bearer sink-token' },
    bodyTemplate: '{"to":"{{address}}","message":"{{text}}","ref":"{{deliveryId}}","code":"{{ackCode}}"}',
    rateLimitPerSecond: options.ratePerSecond ?? 100,
    webhookSecret: options.webhookSecret ?? null,
  });
}

export async function createEmailGateway(dataSource: DataSource, sink: SmtpSink, ratePerSecond = 100): Promise<NotificationGatewayEntity> {
  return dataSource.getRepository(NotificationGatewayEntity).save({
    kind: 'email',
    name: uniqueName('test-smtp-gateway'),
    smtpHost: sink.host,
    smtpPort: sink.port,
    smtpSecure: false,
    fromAddress: 'canhbao@netduty.test',
    rateLimitPerSecond: ratePerSecond,
  });
}

/** Stops a test's gateways from being worked on by later test files (their sinks are gone). */
export async function disableGateways(dataSource: DataSource, gateways: NotificationGatewayEntity[]): Promise<void> {
  for (const gateway of gateways) await dataSource.getRepository(NotificationGatewayEntity).update({ id: gateway.id }, { enabled: false });
}

export interface DemoRefs {
  incidentId: string;
  userIds: string[];
}

/** An incident and some accounts of the seeded demo province, for the outbox's foreign keys. */
export async function demoRefs(dataSource: DataSource, users = 5): Promise<DemoRefs> {
  const [incident] = (await dataSource.query(`SELECT id FROM incidents ORDER BY reported_at LIMIT 1`)) as { id: string }[];
  const rows = (await dataSource.query(`SELECT id FROM users ORDER BY username LIMIT $1`, [users])) as { id: string }[];
  if (!incident || rows.length < users) throw new Error('the demo province is not seeded');
  return { incidentId: incident.id, userIds: rows.map((row) => row.id) };
}

/** `count` deliveries on one gateway (or in-app), each its own (source, recipient, channel). */
export function deliveriesFor(
  refs: DemoRefs,
  gateway: NotificationGatewayEntity | null,
  count: number,
  source = uniqueName('test-source'),
  urgency: (index: number) => number = () => 0,
): NewDelivery[] {
  return Array.from({ length: count }, (_, index) => ({
    sourceKey: `${source}-${Math.floor(index / refs.userIds.length)}`,
    incidentId: refs.incidentId,
    recipientUserId: refs.userIds[index % refs.userIds.length] ?? '',
    channel: gateway ? gateway.kind : 'in_app',
    gatewayId: gateway?.id ?? null,
    address: gateway ? (gateway.kind === 'email' ? `nguoi.nhan.${index}@netduty.test` : `09${String(10_000_000 + index)}`) : null,
    payload: { titleKey: 'gateway.test', params: { n: index, reference: `SC-TEST-${index}` } },
    urgencyRank: urgency(index),
    ackCode: gateway?.kind === 'sms' ? String(100_000 + index) : null,
  }));
}

export async function deliveryRows(dataSource: DataSource, ids: readonly string[]): Promise<NotificationDeliveryEntity[]> {
  if (ids.length === 0) return [];
  return dataSource.getRepository(NotificationDeliveryEntity).createQueryBuilder('d').where('d.id IN (:...ids)', { ids }).getMany();
}

/**
 * Waits for a condition the code under test brings about (rows reaching a final status); checks
 * every 50 ms and fails with the last value after `timeoutMs`.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

const FINAL = new Set(['sent', 'delivered', 'failed']);

/** Every row sent, delivered or failed, and no job of `queueNames` left waiting, delayed or running. */
export async function settled(context: NotificationContext, ids: readonly string[], queueNames: readonly string[], timeoutMs = 20_000): Promise<NotificationDeliveryEntity[]> {
  await eventually(
    async () => {
      const rows = await deliveryRows(context.dataSource, ids);
      const counts = await Promise.all(queueNames.map((name) => context.queues.queue(name).getJobCounts('active', 'wait', 'delayed', 'prioritized')));
      return { open: rows.filter((row) => !FINAL.has(row.status)).length, jobs: counts.reduce((sum, count) => sum + Object.values(count).reduce((a, b) => a + b, 0), 0) };
    },
    (state) => state.open === 0 && state.jobs === 0,
    timeoutMs,
  );
  return deliveryRows(context.dataSource, ids);
}

export function queueOf(gateway: NotificationGatewayEntity | null): string {
  return gateway ? notificationGatewayQueue(gateway.id) : NOTIFICATION_IN_APP_QUEUE;
}

/** Deletes every Redis key under `prefix:` (what a FLUSH does to one deployment's keys). */
export async function deleteKeysUnder(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
