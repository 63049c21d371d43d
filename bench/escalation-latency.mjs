#!/usr/bin/env node
// Escalation latency, end to end: how late after its deadline does a console learn of an escalation?
// Measures, in one run on this machine:
//   raw    — BullMQ alone: a delayed job's lateness at the worker (the engine's floor)
//   netduty — report over HTTP → delayed job → worker transaction → Redis emitter → socket.io → client
// and prints percentiles and the ratio netduty/raw. Needs PostgreSQL and Redis on the default ports and
// a build (npx nx run-many -t build -p api worker).
// Usage: node bench/escalation-latency.mjs [incidents=200] [parallel reports=10]
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { io } from 'socket.io-client';
import { benchStack, percentile, REDIS_URL } from './support/bench-stack.mjs';

const COUNT = Number(process.argv[2] ?? 200);
// Reports in flight at once: 1 spreads deadlines out; more bunches them like an alarm storm.
const PARALLEL = Number(process.argv[3] ?? 10);
const DELAY_MS = 2000;

const summary = (values) => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  p99: percentile(values, 99),
  max: Math.max(...values),
});

async function rawBullmq() {
  const { hostname, port } = new URL(REDIS_URL);
  const connection = { host: hostname, port: Number(port || 6379), maxRetriesPerRequest: null };
  const prefix = `netduty-bench-raw-${process.pid}`;
  const queue = new Queue('raw', { connection, prefix });
  const lateness = [];
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  const worker = new Worker(
    'raw',
    async (job) => {
      lateness.push(Date.now() - job.data.dueAt);
      if (lateness.length === COUNT) done();
    },
    { connection, prefix, concurrency: 20, lockDuration: 5000, stalledInterval: 2000 },
  );
  const now = Date.now();
  await queue.addBulk(
    Array.from({ length: COUNT }, (_, i) => ({ name: 'raw', data: { dueAt: now + DELAY_MS + i * 5 }, opts: { delay: DELAY_MS + i * 5 } })),
  );
  await finished;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return lateness;
}

async function netduty() {
  const stack = await benchStack();
  // The demo's own overdue incidents would escalate during the run; resolve them away first.
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  await db.query(`UPDATE incidents SET status = 'closed' WHERE status <> 'closed'`);
  await db.query(`UPDATE sla_policies SET acknowledge_seconds = ${DELAY_MS / 1000} WHERE severity = 'warning'`);
  const redis = new Redis(REDIS_URL);
  for (const key of await redis.keys(`${stack.prefix}:bull:*`)) await redis.del(key);
  redis.disconnect();

  stack.start('dist/apps/api/main.js');
  stack.start('dist/apps/worker/main.js');
  const { base } = stack;
  await stack.waitHealthy();
  const token = await stack.login();
  const socket = io(base, { transports: ['websocket'], auth: { token } });
  await new Promise((resolve) => socket.once('connect', resolve));
  const sites = await (await fetch(`${base}/api/v1/sites?limit=50`, { headers: { authorization: `Bearer ${token}` } })).json();

  const due = new Map();
  const lateness = [];
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  socket.on('incident.escalated', ({ escalation }) => {
    if (escalation.level !== 1 || escalation.kind !== 'acknowledge') return;
    const dueAt = due.get(escalation.incidentId);
    if (dueAt === undefined) return;
    lateness.push(Date.now() - dueAt);
    due.delete(escalation.incidentId);
    if (lateness.length === COUNT) done();
  });
  const reportStarted = Date.now();
  let next = 0;
  const reporter = async () => {
    while (next < COUNT) {
      const i = next++;
      const site = sites[i % sites.length];
      const response = await fetch(`${base}/api/v1/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ siteId: site.id, category: 'mains_failure', severity: 'warning', description: `bench ${i}` }),
      });
      const incident = await response.json();
      due.set(incident.id, Date.parse(incident.acknowledgeDeadline.dueAt));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, reporter));
  const reportSeconds = (Date.now() - reportStarted) / 1000;
  const timeout = setTimeout(() => done(), 60_000);
  await finished;
  clearTimeout(timeout);
  socket.disconnect();
  await db.end();
  await stack.cleanup();
  return { lateness, reportRate: COUNT / reportSeconds, missing: COUNT - lateness.length };
}

const raw = summary(await rawBullmq());
const result = await netduty();
const nd = summary(result.lateness);
console.log(`escalation latency, ${COUNT} deadlines of ${DELAY_MS} ms, reported ${PARALLEL} at a time (lateness after the deadline, ms)`);
console.log(`  raw BullMQ delayed job at worker : p50 ${raw.p50}  p95 ${raw.p95}  p99 ${raw.p99}  max ${raw.max}`);
console.log(`  NetDuty deadline → console event : p50 ${nd.p50}  p95 ${nd.p95}  p99 ${nd.p99}  max ${nd.max}`);
console.log(`  ratio NetDuty/raw                : p50 ${(nd.p50 / Math.max(1, raw.p50)).toFixed(2)}x  p99 ${(nd.p99 / Math.max(1, raw.p99)).toFixed(2)}x`);
console.log(`  reports accepted over HTTP       : ${result.reportRate.toFixed(0)}/s (${PARALLEL} in flight)`);
console.log(`  escalations missing              : ${result.missing}`);
console.log(`  target (issue #2): every console sees it within 1 s; tests assert < 3 s of the deadline`);
process.exit(result.missing === 0 ? 0 : 1);
