#!/usr/bin/env node
// Sends TMF642 alarms to the api from a process of its own (as an operator's NMS would), on a schedule:
// each alarm at its offset scaled into the run's seconds, `CONCURRENCY` requests in flight at most,
// honouring 429 Retry-After. Prints one JSON line at the end: accepted, refused (429), failed, and the
// accept latencies (ms) of every accepted alarm.
// Input (env): SENDER_PLAN (a JSON file: [{ offsetMs, key, body }]), SENDER_BASE, SENDER_CONCURRENCY.
// Or, for a sustained run: SENDER_SUSTAIN (a JSON file: { key, sourceSystemId, siteCodes }) and
// SENDER_DURATION_MS: new alarms on those sites as fast as CONCURRENCY allows, until the duration ends.
// SENDER_BATCH > 1 (sustained only) posts them SENDER_BATCH at a time to the source's generic webhook
// (POST /api/v1/alarm-webhooks/{sourceSystemId}, a vendor-shaped `{ alarms: [...] }`) instead of TMF642:
// each alarm of an accepted payload counts, with the payload's latency.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const sustain = process.env.SENDER_SUSTAIN ? JSON.parse(readFileSync(process.env.SENDER_SUSTAIN, 'utf8')) : null;
const durationMs = Number(process.env.SENDER_DURATION_MS ?? 60_000);
const plan = sustain ? null : JSON.parse(readFileSync(process.env.SENDER_PLAN, 'utf8'));
const base = process.env.SENDER_BASE;
const concurrency = Number(process.env.SENDER_CONCURRENCY ?? 64);
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const batch = sustain ? Number(process.env.SENDER_BATCH ?? 1) : 1;
const target = new URL(batch > 1 ? `${base}/api/v1/alarm-webhooks/${encodeURIComponent(sustain.sourceSystemId)}` : `${base}/tmf-api/alarm/v4/alarm`);

/** One POST on a kept-alive connection: its status and its Retry-After. */
function post(key, body) {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      { agent, hostname: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-api-key': key } },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode, retryAfter: response.headers['retry-after'] }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const latencies = [];
let accepted = 0;
let refused = 0;
let failed = 0;
const errors = {};
let inFlight = 0;
let next = 0;
const started = performance.now();
let lastAcceptedAt = 0;

async function send(item) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const sentAt = performance.now();
    try {
      const response = await post(item.key, item.body);
      if (response.status === 201 || response.status === 200 || response.status === 202) {
        const latency = performance.now() - sentAt;
        const alarms = item.alarms ?? 1;
        for (let i = 0; i < alarms; i++) latencies.push(latency);
        accepted += alarms;
        lastAcceptedAt = Date.now();
        return;
      }
      if (response.status === 429) {
        refused += 1;
        const wait = Number(response.retryAfter ?? '1') * 1000;
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      failed += 1;
      errors[response.status] = (errors[response.status] ?? 0) + 1;
      return;
    } catch (error) {
      failed += 1;
      errors[error.code ?? 'network'] = (errors[error.code ?? 'network'] ?? 0) + 1;
      return;
    }
  }
}

/** The sustained run's next alarm: a new one each time, on the next site, its own time. */
let sequence = 0;
function sustainedItem() {
  sequence += 1;
  const at = new Date().toISOString();
  return {
    key: sustain.key,
    body: {
      externalAlarmId: `sustain-${process.pid}-${sequence}`,
      sourceSystemId: sustain.sourceSystemId,
      alarmType: 'environmentalAlarm',
      perceivedSeverity: 'minor',
      probableCause: 'temperatureUnacceptable',
      specificProblem: 'High temperature',
      state: 'raised',
      alarmRaisedTime: at,
      alarmChangedTime: at,
      alarmedObject: { id: sustain.siteCodes[sequence % sustain.siteCodes.length], '@referredType': 'Site' },
    },
  };
}

/** The batched run's next payload: `batch` new alarms in the vendor shape the bench's mapping reads. */
function sustainedPayload() {
  const alarms = Array.from({ length: batch }, () => {
    const { body } = sustainedItem();
    return { id: body.externalAlarmId, ne: body.alarmedObject.id, level: 'MIN', name: 'High temperature', raisedAt: body.alarmRaisedTime };
  });
  return { key: sustain.key, alarms: batch, body: { alarms } };
}

if (sustain) {
  await new Promise((resolve) => {
    const worker = async () => {
      while (performance.now() - started < durationMs) await send(batch > 1 ? sustainedPayload() : sustainedItem());
    };
    void Promise.all(Array.from({ length: concurrency }, worker)).then(resolve);
  });
} else await new Promise((resolve) => {
  const pump = () => {
    const now = performance.now() - started;
    while (inFlight < concurrency && next < plan.length && plan[next].offsetMs <= now) {
      const item = plan[next++];
      inFlight += 1;
      void send(item).finally(() => {
        inFlight -= 1;
        if (next >= plan.length && inFlight === 0) resolve();
        else pump();
      });
    }
    if (next < plan.length && inFlight < concurrency) setTimeout(pump, Math.max(0, Math.min(5, plan[next].offsetMs - now)));
  };
  pump();
});

process.stdout.write(`${JSON.stringify({ accepted, refused, failed, errors, latencies, seconds: (performance.now() - started) / 1000, lastAcceptedAt })}\n`);
