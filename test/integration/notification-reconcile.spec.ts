import type { NotificationGatewayEntity } from '@netduty/persistence';
import { startHttpSink, type HttpSink } from '../support/sinks/http-sink';
import {
  createHttpGateway,
  deleteKeysUnder,
  deliveriesFor,
  deliveryRows,
  demoRefs,
  disableGateways,
  notificationTestConfig,
  queueOf,
  settled,
  startNotificationProducer,
  startNotificationWorker,
} from '../support/sinks/notification-stack';
import { currentTestEnvironment } from './support/test-environment';

/**
 * Postgres is the source of truth for what is still to send. This test gets a Redis prefix of its own
 * (under the run's, so teardown removes it) and deletes every key under it, as FLUSHALL would.
 */
describe('the notification sweep after Redis lost its keys', () => {
  const environment = currentTestEnvironment();
  const prefix = `${environment.redisPrefix}:notification-flush`;
  let http: HttpSink;
  let gateway: NotificationGatewayEntity | undefined;

  beforeAll(async () => {
    http = await startHttpSink();
  });

  afterAll(async () => {
    await http.close();
  });

  it('re-sends what was pending, once, and nothing that was already sent', async () => {
    const config = notificationTestConfig(prefix);
    let worker = await startNotificationWorker(config);
    try {
      gateway = await createHttpGateway(worker.dataSource, http, { kind: 'sms' });
      await worker.dispatcher.syncAndSweep('test');
      const refs = await demoRefs(worker.dataSource);

      const before = await worker.outbox.addAndDispatch(deliveriesFor(refs, gateway, 5));
      await settled(worker, before.map((row) => row.id), [queueOf(gateway)]);
      expect(http.received.messages).toHaveLength(5);
      await worker.close();

      // While no worker runs, 7 more are committed and enqueued; then Redis loses every key of the deployment.
      const producer = await startNotificationProducer(config);
      const pending = await producer.outbox.addAndDispatch(deliveriesFor(refs, gateway, 7));
      expect(await producer.queues.queue(queueOf(gateway)).getJobCountByTypes('prioritized', 'wait')).toBe(7);
      await producer.close();
      expect(await deleteKeysUnder(environment.redisUrl, prefix)).toBeGreaterThan(0);

      // A worker starting on the empty Redis sweeps the outbox at once.
      worker = await startNotificationWorker(config);
      const rows = await settled(worker, pending.map((row) => row.id), [queueOf(gateway)]);
      expect(rows.map((row) => row.status)).toEqual(Array(7).fill('sent'));

      // A second sweep finds none of these open and sends nothing more. (Its count covers the whole
      // shared test database, where other suites' escalations leave deliveries pending.)
      await worker.reconciler.sweep();
      await settled(worker, pending.map((row) => row.id), [queueOf(gateway)]);

      expect(http.received.messages).toHaveLength(12);
      const keys = http.received.messages.map((request) => String(request.headers['idempotency-key']));
      expect(new Set(keys).size).toBe(12);
      expect(keys.slice(5).sort()).toEqual(pending.map((row) => row.id).sort());
      const sentBefore = await deliveryRows(worker.dataSource, before.map((row) => row.id));
      expect(sentBefore.map((row) => row.attempts)).toEqual(Array(5).fill(1));
    } finally {
      if (gateway) await disableGateways(worker.dataSource, [gateway]);
      await worker.close();
    }
  }, 40_000);

  it('takes over a row whose worker died after claiming it, and leaves a fresh claim alone', async () => {
    const config = notificationTestConfig(prefix);
    const worker = await startNotificationWorker(config);
    const deadGateway = await createHttpGateway(worker.dataSource, http, { kind: 'sms' });
    try {
      await worker.dispatcher.syncAndSweep('test');
      const refs = await demoRefs(worker.dataSource);
      http.received.clear();
      // Two rows claimed by workers that never finished: one two minutes ago (dead), one just now (still sending).
      const [abandoned, inFlight] = await worker.dataSource.transaction((manager) => worker.outbox.add(manager, deliveriesFor(refs, deadGateway, 2)));
      if (!abandoned || !inFlight) throw new Error('two rows expected');
      await worker.dataSource.query(`UPDATE notification_deliveries SET status = 'sending', attempts = 1, claimed_at = now() - interval '2 minutes' WHERE id = $1`, [abandoned.id]);
      await worker.dataSource.query(`UPDATE notification_deliveries SET status = 'sending', attempts = 1, claimed_at = now() WHERE id = $1`, [inFlight.id]);

      // The sweep re-enqueues the abandoned row (among other suites' pending ones), not the fresh claim.
      expect(await worker.reconciler.sweep()).toBeGreaterThanOrEqual(1);
      const [taken] = await settled(worker, [abandoned.id], [queueOf(deadGateway)]);
      expect([taken?.status, taken?.attempts]).toEqual(['sent', 2]);
      expect(http.received.messages.map((request) => request.headers['idempotency-key'])).toEqual([abandoned.id]);
      const [stillSending] = await deliveryRows(worker.dataSource, [inFlight.id]);
      expect(stillSending?.status).toBe('sending');
    } finally {
      await disableGateways(worker.dataSource, [deadGateway]);
      await worker.close();
    }
  });
});
