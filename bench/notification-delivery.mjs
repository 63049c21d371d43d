#!/usr/bin/env node
// Notification delivery through the built worker, to real sinks on loopback (an SMTP server on
// smtp-server, an HTTP gateway on node:http). Measures, in one run on this machine:
//   raw     — BullMQ alone: a job whose processor makes the same HTTP POST to a sink (the engine's floor)
//   netduty — outbox row committed → job (id = delivery id) → worker claims the row → SMTP or HTTP → sink
// and prints p50/p99 and the ratio netduty/raw; then a burst through a gateway limited to 10/s: all
// delivered, none doubled, in the order of urgency, at the limit.
// Rows are written and enqueued the way NotificationOutbox.add + dispatch do (same queue, job id,
// priority); the escalation that would write them is not part of this measurement.
// Needs PostgreSQL and Redis on the default ports and a build (npx nx run-many -t build -p api worker).
// Usage: node bench/notification-delivery.mjs [deliveries=300] [burst=1000]
import { createServer } from 'node:http';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { benchStack, percentile, REDIS_URL } from './support/bench-stack.mjs';

const COUNT = Number(process.argv[2] ?? 300);
const BURST = Number(process.argv[3] ?? 1000);
const BURST_RATE = 10;
const BATCH = 10;

const { hostname, port: redisPort } = new URL(REDIS_URL);
const connection = { host: hostname, port: Number(redisPort || 6379), maxRetriesPerRequest: null };
const summary = (values) => ({ p50: percentile(values, 50), p99: percentile(values, 99), max: Math.max(...values) });
const ms = (value) => `${value.toFixed(0)} ms`;

/** Resolves `arrived(key)` waiters as messages come in; records when each key first arrived and how often. */
function arrivals() {
  const first = new Map();
  const counts = new Map();
  const order = [];
  let waiters = [];
  return {
    first,
    counts,
    order,
    record(key) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (!first.has(key)) {
        first.set(key, performance.now());
        order.push(key);
      }
      waiters = waiters.filter((waiter) => (order.length >= waiter.count ? (waiter.resolve(), false) : true));
    },
    waitFor(count) {
      return order.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}

async function httpSink(seen) {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      seen.record(String(request.headers['idempotency-key'] ?? request.headers['x-bench-key']));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"messageId":"bench"}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/send`, close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))) };
}

async function smtpSink(seen) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => (head += head.length < 4096 ? chunk.toString() : ''));
      stream.on('end', () => {
        seen.record(/^x-netduty-delivery:\s*(\S+)/im.exec(head)?.[1] ?? '?');
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function raw() {
  const seen = arrivals();
  const sink = await httpSink(seen);
  const prefix = `netduty-bench-raw-${process.pid}`;
  const queue = new Queue('raw-notify', { connection, prefix });
  const worker = new Worker(
    'raw-notify',
    async (job) => {
      await fetch(sink.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bench-key': job.id }, body: '{}' });
    },
    { connection, prefix, concurrency: 20 },
  );
  await queue.add('raw', {}, { jobId: 'raw-warm-up' });
  await seen.waitFor(1);
  const started = new Map();
  for (let i = 0; i < COUNT; i += BATCH) {
    const jobs = Array.from({ length: Math.min(BATCH, COUNT - i) }, (_, k) => ({ name: 'raw', data: {}, opts: { jobId: `raw-${i + k}`, priority: 1 } }));
    const at = performance.now();
    await queue.addBulk(jobs);
    for (const job of jobs) started.set(job.opts.jobId, at);
    await seen.waitFor(1 + i + jobs.length);
  }
  const latencies = [...started].map(([key, at]) => seen.first.get(key) - at);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await sink.close();
  return latencies;
}

async function netduty() {
  const stack = await benchStack();
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const seen = arrivals();
  const http = await httpSink(seen);
  const smtp = await smtpSink(seen);
  const queues = new Map();
  const queueOf = (gatewayId) => {
    const name = `notifications-gateway-${gatewayId}`;
    if (!queues.has(name)) queues.set(name, new Queue(name, { connection, prefix: `${stack.prefix}:bull` }));
    return queues.get(name);
  };
  try {
    const gateway = async (columns) =>
      (await db.query(
        `INSERT INTO notification_gateways (${Object.keys(columns).join(', ')}) VALUES (${Object.keys(columns).map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id, kind`,
        Object.values(columns),
      )).rows[0];
    const template = '{"to":"{{address}}","message":"{{text}}","ref":"{{deliveryId}}"}';
    const sms = await gateway({ kind: 'sms', name: 'bench-sms', url: http.url, body_template: template, rate_limit_per_second: 1000 });
    const email = await gateway({ kind: 'email', name: 'bench-smtp', smtp_host: '127.0.0.1', smtp_port: smtp.port, from_address: 'canhbao@netduty.bench', rate_limit_per_second: 1000 });
    const limited = await gateway({ kind: 'sms', name: 'bench-sms-10ps', url: http.url, body_template: template, rate_limit_per_second: BURST_RATE });
    // The demo's own overdue incidents would escalate and notify through these gateways; close them first.
    await db.query(`UPDATE incidents SET status = 'closed' WHERE status <> 'closed'`);
    const incidentId = (await db.query(`SELECT id FROM incidents LIMIT 1`)).rows[0].id;
    const userId = (await db.query(`SELECT id FROM users ORDER BY username LIMIT 1`)).rows[0].id;

    /** What NotificationOutbox.add does (one INSERT … ON CONFLICT DO NOTHING), then dispatch (one job per row, id = delivery id). */
    const addAndDispatch = async (gatewayRow, sources, rankOf = () => 0) => {
      const values = [];
      const params = [];
      sources.forEach((source, index) => {
        const base = params.length;
        params.push(source, incidentId, userId, gatewayRow.kind, gatewayRow.id, gatewayRow.kind === 'email' ? `nhan.${source}@netduty.bench` : `09${String(index).padStart(8, '0')}`, JSON.stringify({ titleKey: 'gateway.test', params: { n: index } }), rankOf(index));
        values.push(`(${Array.from({ length: 8 }, (_, k) => `$${base + k + 1}`).join(', ')})`);
      });
      const { rows } = await db.query(
        `INSERT INTO notification_deliveries (source_key, incident_id, recipient_user_id, channel, gateway_id, address, payload, urgency_rank)
         VALUES ${values.join(', ')} ON CONFLICT DO NOTHING RETURNING id, urgency_rank`,
        params,
      );
      const committedAt = performance.now();
      await queueOf(gatewayRow.id).addBulk(
        rows.map((row) => ({
          name: 'notification.deliver',
          data: { deliveryId: row.id },
          opts: { jobId: row.id, priority: row.urgency_rank + 1, attempts: 8, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 3600 } },
        })),
      );
      return rows.map((row) => ({ id: row.id, rank: row.urgency_rank, committedAt }));
    };

    stack.start('dist/apps/worker/main.js');
    // Ready when a first message gets through each gateway.
    await addAndDispatch(sms, ['warm-sms']);
    await addAndDispatch(email, ['warm-email']);
    await seen.waitFor(2);

    const latencies = { sms: [], email: [] };
    let expected = seen.order.length;
    for (let i = 0; i < COUNT; i += BATCH) {
      const size = Math.min(BATCH, COUNT - i);
      const target = i % (2 * BATCH) === 0 ? sms : email;
      const rows = await addAndDispatch(target, Array.from({ length: size }, (_, k) => `latency-${i + k}`));
      expected += rows.length;
      await seen.waitFor(expected);
      for (const row of rows) latencies[target.kind].push(seen.first.get(row.id) - row.committedAt);
    }

    // The burst: every row of it committed and enqueued at once, urgency ranks shuffled.
    const ranks = Array.from({ length: BURST }, (_, i) => i % 12).sort(() => Math.random() - 0.5);
    const before = seen.order.length;
    const burstStarted = performance.now();
    const burst = await addAndDispatch(limited, Array.from({ length: BURST }, (_, i) => `burst-${i}`), (i) => ranks[i]);
    await seen.waitFor(before + burst.length);
    const burstMs = performance.now() - burstStarted;
    const rankOf = new Map(burst.map((row) => [row.id, row.rank]));
    const arrived = seen.order.slice(before).map((key) => rankOf.get(key));
    // The limiter admits BURST_RATE per window: count messages that arrived after a less urgent one
    // of an earlier window (more than BURST_RATE places before them).
    let outOfOrder = 0;
    let minLater = Infinity;
    for (let i = arrived.length - 1; i >= 0; i -= 1) {
      if (i + BURST_RATE < arrived.length) minLater = Math.min(minLater, arrived[i + BURST_RATE]);
      if (arrived[i] > minLater) outOfOrder += 1;
    }
    const doubled = [...seen.counts.values()].filter((count) => count > 1).length;
    // The worker records 'sent' just after the gateway answered: give the last rows a moment (bounded).
    const countSent = async () => (await db.query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE gateway_id = $1 AND status = 'sent'`, [limited.id])).rows[0].n;
    let sent = await countSent();
    for (let tries = 0; sent < burst.length && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sent = await countSent();
    }
    return { latencies, burst: { count: burst.length, sent, ms: burstMs, outOfOrder, doubled, ratePerSecond: burst.length / (burstMs / 1000) } };
  } finally {
    for (const queue of queues.values()) await queue.close();
    await db.end();
    await http.close();
    await smtp.close();
    await stack.cleanup();
  }
}

const rawLatency = summary(await raw());
const result = await netduty();
const sms = summary(result.latencies.sms);
const email = summary(result.latencies.email);
console.log(`notification delivery, ${COUNT} deliveries (${BATCH} committed at a time), commit → message at the sink`);
console.log(`  raw BullMQ job + HTTP POST   p50 ${ms(rawLatency.p50)}  p99 ${ms(rawLatency.p99)}  max ${ms(rawLatency.max)}`);
console.log(`  netduty, HTTP gateway (SMS)  p50 ${ms(sms.p50)}  p99 ${ms(sms.p99)}  max ${ms(sms.max)}  ratio p50 ${(sms.p50 / rawLatency.p50).toFixed(2)}× p99 ${(sms.p99 / rawLatency.p99).toFixed(2)}×`);
console.log(`  netduty, SMTP (e-mail)       p50 ${ms(email.p50)}  p99 ${ms(email.p99)}  max ${ms(email.max)}  ratio p50 ${(email.p50 / rawLatency.p50).toFixed(2)}× p99 ${(email.p99 / rawLatency.p99).toFixed(2)}×`);
const { burst } = result;
console.log(`burst of ${burst.count} through a gateway limited to ${BURST_RATE}/s: ${burst.sent} sent, ${burst.doubled} doubled, ` +
  `${burst.outOfOrder} out of urgency order across limiter windows, ${(burst.ms / 1000).toFixed(1)} s (${burst.ratePerSecond.toFixed(2)}/s)`);
process.exit(0);
