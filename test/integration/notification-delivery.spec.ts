import type { NotificationGatewayEntity } from '@netduty/persistence';
import { NotificationInAppEntity } from '@netduty/persistence';
import { startHttpSink, type HttpSink } from '../support/sinks/http-sink';
import {
  createEmailGateway,
  createHttpGateway,
  deliveriesFor,
  demoRefs,
  disableGateways,
  notificationTestConfig,
  queueOf,
  settled,
  startNotificationWorker,
  type DemoRefs,
  type NotificationWorkerContext,
} from '../support/sinks/notification-stack';
import { startSmtpSink, type SmtpSink } from '../support/sinks/smtp-sink';

/**
 * The outbox through real queues to real sinks: an SMTP server and an HTTP gateway on loopback. Every
 * test counts exactly what arrived once its rows are final and its queues empty, so a missing, an
 * unexpected or a doubled message fails it.
 */
describe('notification delivery', () => {
  let smtp: SmtpSink;
  let http: HttpSink;
  let worker: NotificationWorkerContext;
  let emailGateway: NotificationGatewayEntity;
  let smsGateway: NotificationGatewayEntity;
  let refs: DemoRefs;
  const gateways: NotificationGatewayEntity[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    http = await startHttpSink();
    const config = notificationTestConfig();
    // Gateways exist before the worker starts, as in production; the worker starts one queue worker per gateway.
    const setup = await startNotificationWorker(config);
    emailGateway = await createEmailGateway(setup.dataSource, smtp);
    smsGateway = await createHttpGateway(setup.dataSource, http, { kind: 'sms' });
    gateways.push(emailGateway, smsGateway);
    refs = await demoRefs(setup.dataSource);
    await setup.close();
    worker = await startNotificationWorker(config);
  });

  afterAll(async () => {
    if (worker) {
      await disableGateways(worker.dataSource, gateways);
      await worker.close();
    }
    await smtp?.close();
    await http?.close();
  });

  beforeEach(() => {
    smtp.received.clear();
    http.received.clear();
    http.accepted.clear();
    http.respondWith((_request, previous) => ({ status: 200, body: JSON.stringify({ messageId: `m-${previous}` }) }));
  });

  it('delivers N outbox rows as exactly N messages, once each, even when the rows are added twice and their jobs enqueued again', async () => {
    const emails = deliveriesFor(refs, emailGateway, 25);
    const texts = deliveriesFor(refs, smsGateway, 25);
    const inApp = deliveriesFor(refs, null, 10);
    const added = await worker.outbox.addAndDispatch([...emails, ...texts, ...inApp]);
    expect(added).toHaveLength(60);

    // The same rows again (a retried transaction) insert nothing; the same jobs again (a duplicate
    // enqueue, a sweep running at the same time) add nothing either.
    expect(await worker.outbox.addAndDispatch([...emails, ...texts, ...inApp])).toEqual([]);
    await Promise.all([worker.queues.enqueue(added), worker.reconciler.sweep(), worker.queues.enqueue(added)]);

    const rows = await settled(worker, added.map((row) => row.id), [queueOf(emailGateway), queueOf(smsGateway), queueOf(null)]);
    expect(rows.map((row) => row.status).sort()).toEqual([...Array(25 * 2).fill('sent'), ...Array(10).fill('delivered')].sort());
    expect(rows.every((row) => row.attempts === 1)).toBe(true);

    expect(smtp.received.messages).toHaveLength(25);
    expect(new Set(smtp.received.messages.map((mail) => mail.headers['x-netduty-delivery'])).size).toBe(25);
    expect(new Set(smtp.received.messages.map((mail) => mail.to.join(','))).size).toBe(25);
    // The Message-ID is derived from the delivery id, so a mailbox can drop a copy.
    for (const mail of smtp.received.messages) {
      expect(mail.headers['message-id']).toBe(`<delivery-${mail.headers['x-netduty-delivery']}@netduty.test>`);
    }

    expect(http.received.messages).toHaveLength(25);
    const keys = http.received.messages.map((request) => String(request.headers['idempotency-key']));
    expect(new Set(keys).size).toBe(25);
    for (const request of http.received.messages) {
      const body = JSON.parse(request.body) as { to: string; message: string; ref: string; code: string };
      expect(body.ref).toBe(request.headers['idempotency-key']);
      expect(body.message).toContain('Tin nhắn thử của NetDuty');
      expect(request.headers['authorization']).toBe('Bearer sink-token');
    }

    const inAppIds = added.filter((row) => row.gatewayId === null).map((row) => row.id);
    const entries = await worker.dataSource.getRepository(NotificationInAppEntity).createQueryBuilder('n').where('n.delivery_id IN (:...ids)', { ids: inAppIds }).getMany();
    expect(entries).toHaveLength(10);
  });

  it('never sends one row twice when two workers run it at the same moment', async () => {
    const second = await startNotificationWorker(notificationTestConfig());
    try {
      const rows = await worker.dataSource.transaction((manager) => worker.outbox.add(manager, deliveriesFor(refs, smsGateway, 10)));
      // No jobs: both processes run every row directly, at once.
      const outcomes = await Promise.all(rows.flatMap((row) => [worker.sender.deliver(row.id), second.sender.deliver(row.id)]));
      expect(outcomes.filter((result) => result.outcome === 'sent')).toHaveLength(10);
      expect(http.received.messages).toHaveLength(10);
      expect(new Set(http.received.messages.map((request) => request.headers['idempotency-key'])).size).toBe(10);
    } finally {
      await second.close();
    }
  });

  it('retries a gateway answering 500 and ends with one accepted message per delivery', async () => {
    http.respondWith((_request, previous) => (previous === 0 ? { status: 500, body: '{"error":"busy"}' } : { status: 200, body: '{"messageId":"ok"}' }));
    const added = await worker.outbox.addAndDispatch(deliveriesFor(refs, smsGateway, 3));
    const rows = await settled(worker, added.map((row) => row.id), [queueOf(smsGateway)]);

    expect(rows.map((row) => [row.status, row.attempts, row.providerMessageId, row.lastError])).toEqual(Array(3).fill(['sent', 2, 'ok', null]));
    expect(http.received.messages.map((request) => request.status).sort()).toEqual([200, 200, 200, 500, 500, 500]);
    expect(new Set(http.accepted.messages.map((request) => request.headers['idempotency-key'])).size).toBe(3);
    expect(http.accepted.messages).toHaveLength(3);
  });

  it('stores a permanent failure (400) with its reason and does not try again', async () => {
    http.respondWith(() => ({ status: 400, body: '{"error":"invalid msisdn"}' }));
    const added = await worker.outbox.addAndDispatch(deliveriesFor(refs, smsGateway, 2));
    const rows = await settled(worker, added.map((row) => row.id), [queueOf(smsGateway)]);

    for (const row of rows) {
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(1);
      expect(row.lastError).toContain('HTTP 400');
      expect(row.lastError).toContain('invalid msisdn');
    }
    expect(http.received.messages).toHaveLength(2);
  });

  it('retries an SMTP 4xx, fails an SMTP 5xx with its reason', async () => {
    smtp.refuseNext(1, { code: 451, message: 'greylisted, try later' });
    const retried = await worker.outbox.addAndDispatch(deliveriesFor(refs, emailGateway, 1));
    const [delivered] = await settled(worker, retried.map((row) => row.id), [queueOf(emailGateway)]);
    expect([delivered?.status, delivered?.attempts]).toEqual(['sent', 2]);

    smtp.refuseNext(1, { code: 550, message: 'no such mailbox' });
    const refused = await worker.outbox.addAndDispatch(deliveriesFor(refs, emailGateway, 1));
    const [failed] = await settled(worker, refused.map((row) => row.id), [queueOf(emailGateway)]);
    expect(failed?.status).toBe('failed');
    expect(failed?.attempts).toBe(1);
    expect(failed?.lastError).toMatch(/550/);
    expect(smtp.received.messages).toHaveLength(1);
  });
});
