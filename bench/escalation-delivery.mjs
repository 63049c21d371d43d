#!/usr/bin/env node
// Escalation → message at the sink: how late after an escalation level's due time does its message
// arrive, per channel? Measures, in one run on this machine:
//   raw     — BullMQ alone: a delayed job's lateness at its worker (the engine's floor)
//   netduty — critical incidents reported over HTTP with a short chain policy (L1 at the acknowledge
//             deadline to the duty officer, L2 3 s later to leadership); the built worker fires each level
//             (its transaction writes the outbox rows), the notification queues send them: e-mail to an
//             SMTP sink and SMS to an HTTP gateway sink in this process, in-app to the console socket
//             (notification.created to the person's room)
// and prints p50/p99 of (arrival − the level's due time) per channel with the ratio to raw, missing and
// doubled messages. Then the 1,000-message burst through a gateway limited to 10/s, by
// bench/notification-delivery.mjs's own code (its latency part cut to 20 deliveries).
// Needs PostgreSQL and Redis on the default ports and a build (npx nx run-many -t build -p api worker).
// Deadlines fall due at the rate the incidents are reported: [rate] per second (default 10, i.e. 36,000 an
// hour, some 20× the worst provincial storm in ../shared/DOMAIN.md: Quảng Nam lost power at ~1,750 BTS
// after Typhoon Noru), or `max` for as fast as the api takes reports, which shows where one worker on this
// 2-core machine saturates.
// Usage: node bench/escalation-delivery.mjs [deadlines=300] [burst=1000] [rate=10|max]
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { io } from 'socket.io-client';
import { benchStack, percentile, REDIS_URL, ROOT } from './support/bench-stack.mjs';

const COUNT = Number(process.argv[2] ?? 300);
const BURST = Number(process.argv[3] ?? 1000);
const RATE = process.argv[4] === 'max' ? Infinity : Number(process.argv[4] ?? 10);
const ACK_SECONDS = 4;
const LEVEL_WAITS = [0, 3];
const PARALLEL = 5;
const GOAL_P99_MS = 2000;
// The api requires it in production (bench-stack runs NODE_ENV=production): messages carry acknowledge links to it.
process.env.PUBLIC_CONSOLE_URL ??= 'http://localhost:4200';

const { hostname, port: redisPort } = new URL(REDIS_URL);
const connection = { host: hostname, port: Number(redisPort || 6379), maxRetriesPerRequest: null };
const summary = (values) => (values.length ? { n: values.length, p50: percentile(values, 50), p99: percentile(values, 99), max: Math.max(...values) } : { n: 0, p50: NaN, p99: NaN, max: NaN });

async function rawBullmq() {
  const prefix = `netduty-bench-raw-${process.pid}`;
  const queue = new Queue('raw-delayed', { connection, prefix });
  const lateness = [];
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  const worker = new Worker(
    'raw-delayed',
    async (job) => {
      lateness.push(Date.now() - job.data.dueAt);
      if (lateness.length === COUNT) done();
    },
    { connection, prefix, concurrency: 20 },
  );
  const now = Date.now();
  await queue.addBulk(Array.from({ length: COUNT }, (_, i) => ({ name: 'raw', data: { dueAt: now + 2000 + i * 10 }, opts: { delay: 2000 + i * 10 } })));
  await finished;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return lateness;
}

/** Each message's first arrival (ms since epoch, the clock the api's deadlines use) and how often it came. */
function arrivals() {
  const first = new Map();
  const counts = new Map();
  return {
    first,
    counts,
    record(key) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (!first.has(key)) first.set(key, Date.now());
    },
    get total() {
      return first.size;
    },
  };
}

async function sinks(seen) {
  const http = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      seen.record(`sms:${request.headers['idempotency-key']}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"messageId":"bench"}');
    });
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => (head += head.length < 4096 ? chunk.toString() : ''));
      stream.on('end', () => {
        seen.record(`email:${/^x-netduty-delivery:\s*(\S+)/im.exec(head)?.[1] ?? '?'}`);
        callback();
      });
    },
  });
  await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    httpUrl: `http://127.0.0.1:${http.address().port}/sms`,
    smtpPort: smtp.server.address().port,
    close: async () => {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await new Promise((resolve) => smtp.close(resolve));
    },
  };
}

async function netduty() {
  const stack = await benchStack();
  const db = new pg.Client({ connectionString: stack.ownerUrl });
  await db.connect();
  const seen = arrivals();
  const sink = await sinks(seen);
  const sockets = [];
  try {
    // Only this run's incidents escalate: the demo's are closed. A short chain for every scope.
    await db.query(`UPDATE incidents SET status = 'closed' WHERE status <> 'closed'`);
    await db.query(`UPDATE sla_policies SET acknowledge_seconds = $1 WHERE severity = 'critical'`, [ACK_SECONDS]);
    const people = (await db.query(`SELECT id, username FROM users WHERE username IN ('trucban', 'lanhdao', 'lanhdao2')`)).rows;
    const idOf = (username) => people.find((person) => person.username === username).id;
    await db.query(`UPDATE users SET email = username || '@netduty.bench' WHERE username IN ('trucban', 'lanhdao', 'lanhdao2')`);
    const levels = [
      { waitSeconds: LEVEL_WAITS[0], recipients: [{ kind: 'person', userId: idOf('trucban') }] },
      { waitSeconds: LEVEL_WAITS[1], recipients: [{ kind: 'role', role: 'leadership' }] },
    ];
    await db.query(`UPDATE escalation_policies SET levels = $1::jsonb, repeat = 0`, [JSON.stringify(levels)]);
    await db.query(`UPDATE notification_gateways SET enabled = false`);
    await db.query(
      `INSERT INTO notification_gateways (kind, name, url, body_template, rate_limit_per_second) VALUES ('sms', 'bench-sms', $1, '{"to":"{{address}}","text":"{{text}}","ref":"{{deliveryId}}","code":"{{ackCode}}"}', 1000)`,
      [sink.httpUrl],
    );
    await db.query(
      `INSERT INTO notification_gateways (kind, name, smtp_host, smtp_port, from_address, rate_limit_per_second) VALUES ('email', 'bench-smtp', '127.0.0.1', $1, 'canhbao@netduty.bench', 1000)`,
      [sink.smtpPort],
    );

    stack.start('dist/apps/api/main.js');
    stack.start('dist/apps/worker/main.js');
    await stack.waitHealthy();
    const token = await stack.login();
    // In-app entries reach the person's consoles as notification.created (the worker's announcer).
    for (const username of ['trucban', 'lanhdao', 'lanhdao2']) {
      const socket = io(stack.base, { transports: ['websocket'], auth: { token: await stack.login(username) } });
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.on('notification.created', (entry) => seen.record(`in_app:${username}:${entry.incidentId}:${entry.params.level}`));
      sockets.push(socket);
    }
    const sites = await (await fetch(`${stack.base}/api/v1/sites?limit=50`, { headers: { authorization: `Bearer ${token}` } })).json();

    const incidents = [];
    let next = 0;
    const reportStarted = Date.now();
    const reporter = async () => {
      while (next < COUNT) {
        const i = next++;
        const at = reportStarted + (i * 1000) / RATE;
        if (at > Date.now()) await new Promise((resolve) => setTimeout(resolve, at - Date.now()));
        const response = await fetch(`${stack.base}/api/v1/incidents`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ siteId: sites[i % sites.length].id, category: 'mains_failure', severity: 'critical', description: `bench ${i}` }),
        });
        if (response.status !== 201) throw new Error(`report ${i}: ${response.status} ${await response.text()}`);
        incidents.push((await response.json()).id);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, reporter));
    const reportRate = COUNT / ((Date.now() - reportStarted) / 1000);

    // Each incident: L1 → the duty officer on 3 channels, L2 → two leaders on 3 channels.
    const expected = COUNT * (1 + 2) * 3;
    const lastDue = Date.now() + (ACK_SECONDS + LEVEL_WAITS[1]) * 1000;
    while (seen.total < expected && Date.now() < lastDue + 60_000) await new Promise((resolve) => setTimeout(resolve, 100));

    // Every fired level's outside deliveries and their due time (deadline + the waits up to that level).
    const rows = (
      await db.query(
        `SELECT d.id, d.channel, u.username, e.incident_id, e.chain_level AS level, e.deadline_at, e.fired_at
           FROM escalations e JOIN notification_deliveries d ON d.source_key = 'escalation-' || e.id
           JOIN users u ON u.id = d.recipient_user_id
          WHERE e.kind = 'acknowledge' AND e.incident_id = ANY($1::uuid[])`,
        [incidents],
      )
    ).rows;
    const dueOf = (row) => row.deadline_at.getTime() + LEVEL_WAITS.slice(0, row.level).reduce((sum, wait) => sum + wait * 1000, 0);
    const lateness = { in_app: [], email: [], sms: [] };
    // When the worker stored each level (its transaction, outbox rows included): the part before sending.
    const fired = new Map(rows.map((row) => [`${row.incident_id}:${row.level}`, row.fired_at.getTime() - dueOf(row)]));
    let missing = 0;
    for (const row of rows) {
      const key = row.channel === 'in_app' ? `in_app:${row.username}:${row.incident_id}:${row.level}` : `${row.channel}:${row.id}`;
      const at = seen.first.get(key);
      if (at === undefined) missing += 1;
      else lateness[row.channel]?.push(at - dueOf(row));
    }
    const doubled = [...seen.counts.values()].filter((count) => count > 1).length;
    return { lateness, fired: [...fired.values()], reportRate, planned: rows.length, expected, missing: missing + Math.max(0, expected - rows.length), doubled };
  } finally {
    for (const socket of sockets) socket.disconnect();
    await db.end();
    await sink.close();
    await stack.cleanup();
  }
}

/** The burst, by notification-delivery.mjs's code: its latency part cut to 20 deliveries. */
function burstThroughLimitedGateway() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench/notification-delivery.mjs'), '20', String(BURST)], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(output.split('\n').find((line) => line.startsWith('burst of')) ?? output) : reject(new Error(`notification-delivery.mjs exited ${code}`))));
  });
}

const raw = summary(await rawBullmq());
const result = await netduty();
const f = (value) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '—');
console.log(`escalation delivery, ${COUNT} critical deadlines falling due at ${Number.isFinite(RATE) ? `${RATE}/s` : 'the rate the api takes reports'} (acknowledge ${ACK_SECONDS} s; L1 at the deadline, L2 ${LEVEL_WAITS[1]} s later), message arrival − the level's due time`);
console.log(`  raw BullMQ delayed job at worker   p50 ${f(raw.p50)}  p99 ${f(raw.p99)}  max ${f(raw.max)}`);
const firedAt = summary(result.fired);
console.log(`  netduty level stored by the worker   p50 ${f(firedAt.p50)}  p99 ${f(firedAt.p99)}  max ${f(firedAt.max)}  (escalations.fired_at; reports accepted ${result.reportRate.toFixed(0)}/s, ${PARALLEL} in flight)`);
let met = true;
for (const [channel, label] of [['sms', 'HTTP gateway (SMS) sink'], ['email', 'SMTP (e-mail) sink       '], ['in_app', 'in-app (console socket)  ']]) {
  const s = summary(result.lateness[channel]);
  met &&= s.p99 <= GOAL_P99_MS;
  console.log(`  netduty ${label}  n ${s.n}  p50 ${f(s.p50)}  p99 ${f(s.p99)}  max ${f(s.max)}  ratio p50 ${(s.p50 / Math.max(1, raw.p50)).toFixed(1)}× p99 ${(s.p99 / Math.max(1, raw.p99)).toFixed(1)}×`);
}
console.log(`  messages: ${result.expected} expected, ${result.planned} planned, ${result.missing} missing, ${result.doubled} doubled; goal p99 ≤ ${GOAL_P99_MS} ms: ${met ? 'met' : 'NOT met'}`);
console.log(`  ${await burstThroughLimitedGateway()}`);
process.exit(result.missing === 0 && result.doubled === 0 ? 0 : 1);
