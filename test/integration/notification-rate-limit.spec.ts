import type { NotificationGatewayEntity } from '@netduty/persistence';
import { GATEWAY_CONCURRENCY } from '@netduty/notifications';
import { startHttpSink, type HttpSink } from '../support/sinks/http-sink';
import {
  createHttpGateway,
  deliveriesFor,
  demoRefs,
  disableGateways,
  notificationTestConfig,
  queueOf,
  settled,
  startNotificationProducer,
  startNotificationWorker,
  type NotificationWorkerContext,
} from '../support/sinks/notification-stack';

const BURST = 40;
const RATE = 10;
/** Four urgency classes, interleaved so the order of insertion is not the order of urgency. */
const rankOf = (index: number) => [9, 0, 5, 2][index % 4] ?? 0;

describe('a gateway limited to 10 messages a second', () => {
  let http: HttpSink;
  let worker: NotificationWorkerContext | undefined;
  let gateway: NotificationGatewayEntity;

  beforeAll(async () => {
    http = await startHttpSink();
  });

  afterAll(async () => {
    if (worker) {
      await disableGateways(worker.dataSource, [gateway]);
      await worker.close();
    }
    await http.close();
  });

  it('delivers a burst of 40 at that rate, most urgent first, none doubled', async () => {
    const config = notificationTestConfig();
    // The whole burst is in the outbox and on the queue before any worker takes a job, as in a storm.
    const producer = await startNotificationProducer(config);
    gateway = await createHttpGateway(producer.dataSource, http, { kind: 'sms', ratePerSecond: RATE });
    const refs = await demoRefs(producer.dataSource);
    const deliveries = deliveriesFor(refs, gateway, BURST, undefined, rankOf);
    const added = await producer.outbox.addAndDispatch(deliveries);
    await producer.close();
    expect(added).toHaveLength(BURST);

    worker = await startNotificationWorker(config);
    const arrived = await http.received.waitFor(BURST, 20_000);
    await settled(worker, added.map((row) => row.id), [queueOf(gateway)]);
    expect(http.received.messages).toHaveLength(BURST);

    const rankByDelivery = new Map(added.map((row) => [row.id, row.urgencyRank]));
    const ranks = arrived.map((request) => rankByDelivery.get(String(request.headers['idempotency-key'])) ?? -1);
    expect(new Set(arrived.map((request) => request.headers['idempotency-key'])).size).toBe(BURST);
    expect(ranks.filter((rank) => rank === -1)).toEqual([]);
    // Jobs start in priority order; at most GATEWAY_CONCURRENCY run at once, so only sends that close
    // may overtake one another: every message is at least as urgent as all those that many places later.
    for (let i = 0; i < ranks.length; i += 1) {
      const later = ranks.slice(i + GATEWAY_CONCURRENCY);
      if (later.length > 0) expect(ranks[i]).toBeLessThanOrEqual(Math.min(...later));
    }
    expect(ranks.slice(0, 10).every((rank) => rank === 0)).toBe(true);

    // BullMQ's limiter admits 10 per 1-second window: the 11th message comes a window after the 1st,
    // and 40 take at least three windows after the first.
    const times = arrived.map((request) => request.receivedAt);
    for (let i = 0; i + RATE < times.length; i += 1) {
      expect((times[i + RATE] ?? 0) - (times[i] ?? 0)).toBeGreaterThanOrEqual(800);
    }
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(2_900);
  }, 40_000);
});
