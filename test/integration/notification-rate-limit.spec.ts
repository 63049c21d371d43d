import type { NotificationGatewayEntity } from '@netduty/persistence';
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
    expect(new Set(arrived.map((request) => request.headers['idempotency-key'])).size).toBe(BURST);
    expect(arrived.filter((request) => !rankByDelivery.has(String(request.headers['idempotency-key'])))).toEqual([]);

    // When each send started, from BullMQ's own record of the jobs (kept a day after completion).
    const jobs = await worker.queues.queue(queueOf(gateway)).getJobs(['completed']);
    const started = jobs
      .filter((job) => rankByDelivery.has(String(job.id)))
      .map((job) => ({ at: job.processedOn ?? 0, rank: rankByDelivery.get(String(job.id)) ?? -1 }))
      .sort((a, b) => a.at - b.at || a.rank - b.rank);
    expect(started).toHaveLength(BURST);

    // Urgency: jobs start in priority order, most urgent first.
    const startRanks = started.map((job) => job.rank);
    expect(startRanks).toEqual([...startRanks].sort((a, b) => a - b));
    // At the gateway, only sends of the same limiter window (10) can overtake one another: each message
    // is at least as urgent as every one that arrived RATE places later.
    const arrivalRanks = arrived.map((request) => rankByDelivery.get(String(request.headers['idempotency-key'])) ?? -1);
    for (let i = 0; i + RATE < arrivalRanks.length; i += 1) {
      expect(arrivalRanks[i]).toBeLessThanOrEqual(Math.min(...arrivalRanks.slice(i + RATE)));
    }

    // Rate: BullMQ's limiter admits 10 per 1-second window, so any 21 consecutive starts span more
    // than one whole window, and 40 starts span at least three.
    const times = started.map((job) => job.at);
    for (let i = 0; i + 2 * RATE < times.length; i += 1) {
      expect((times[i + 2 * RATE] ?? 0) - (times[i] ?? 0)).toBeGreaterThanOrEqual(1_000);
    }
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(2_900);
  }, 40_000);
});
