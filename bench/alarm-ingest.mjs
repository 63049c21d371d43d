#!/usr/bin/env node
// Sustained alarm ingest: for 60 s a separate process posts new TMF642 alarms (CONCURRENCY in flight)
// to the built api; printed: accepted alarms per second, p50/p99 accept latency, and the ratio to a raw
// multi-row INSERT of the same rows (500 a statement, into a copy of the alarms table, pg without the
// api, measured in the same run). Goals: ≥ 0.5 of raw, p99 ≤ 50 ms.
// Needs PostgreSQL and Redis on the default ports and a build (npx nx run-many -t build -p api worker).
// With batch > 1 the alarms go `batch` to a payload through the source's generic webhook (a JSONPath
// mapping set by the bench), the path for an NMS that sends its alarms in bulk; TMF642 has no bulk create.
// Usage: node bench/alarm-ingest.mjs [seconds=60] [concurrency=32] [batch=1]
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { benchStack, percentile, ROOT } from './support/bench-stack.mjs';

const SECONDS = Number(process.argv[2] ?? 60);
const CONCURRENCY = Number(process.argv[3] ?? 32);
const BATCH = Number(process.argv[4] ?? 1);
const RAW_BATCH = 500;
/** The vendor shape alarm-sender.mjs posts when batching, read by a mapping like any NMS's. */
const WEBHOOK_MAPPING = {
  items: '$.alarms[*]',
  externalAlarmId: { path: '$.id' },
  siteCode: { path: '$.ne' },
  perceivedSeverity: { path: '$.level', valueMap: { CRIT: 'critical', MAJ: 'major', MIN: 'minor' } },
  probableCause: { value: 'temperatureUnacceptable' },
  alarmType: { value: 'environmentalAlarm' },
  specificProblem: { path: '$.name' },
  raisedTime: { path: '$.raisedAt', format: 'iso8601' },
};
const COLUMNS = ['source_system_id', 'external_alarm_id', 'operator_code', 'site_id', 'state', 'alarm_type', 'perceived_severity', 'probable_cause', 'specific_problem', 'alarm_raised_time', 'alarm_changed_time'];

function runSender(base, sustain) {
  const file = join(tmpdir(), `netduty-ingest-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(sustain));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench/support/alarm-sender.mjs')], {
      env: { ...process.env, SENDER_SUSTAIN: file, SENDER_BASE: base, SENDER_CONCURRENCY: String(CONCURRENCY), SENDER_DURATION_MS: String(SECONDS * 1000), SENDER_BATCH: String(BATCH) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`sender exited ${code}`))));
  });
}

/** The same rows, written the plain way: multi-row INSERTs of RAW_BATCH into a copy of the table (its unique key included). */
async function rawInsert(owner, rows) {
  await owner.query(`CREATE TABLE alarms_raw (LIKE alarms INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`);
  const started = performance.now();
  for (let start = 0; start < rows.length; start += RAW_BATCH) {
    const chunk = rows.slice(start, start + RAW_BATCH);
    const values = chunk.map((_, row) => `(${COLUMNS.map((__, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`).join(', ');
    await owner.query(`INSERT INTO alarms_raw (${COLUMNS.join(', ')}) VALUES ${values}`, chunk.flatMap((row) => COLUMNS.map((column) => row[column])));
  }
  const seconds = (performance.now() - started) / 1000;
  await owner.query(`DROP TABLE alarms_raw`);
  return rows.length / seconds;
}

const stack = await benchStack();
try {
  const owner = new pg.Client({ connectionString: stack.ownerUrl });
  await owner.connect();
  stack.start('dist/apps/api/main.js');
  if (process.env.BENCH_INGEST_WORKER !== '0') stack.start('dist/apps/worker/main.js');
  await stack.waitHealthy();
  const admin = await stack.login('admin');
  const call = async (method, path, body) => {
    const response = await fetch(`${stack.base}/api/v1${path}`, { method, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const sourceSystemId = 'viettel-nms-ingest';
  await call('POST', '/nms-sources', { id: sourceSystemId, operatorCode: 'viettel', name: 'NMS ingest bench' });
  const { key } = await call('POST', `/nms-sources/${sourceSystemId}/keys`, { label: 'ingest bench' });
  if (BATCH > 1) await call('PUT', `/nms-sources/${sourceSystemId}/webhook-mapping`, WEBHOOK_MAPPING);
  const { rows: siteRows } = await owner.query(`SELECT code FROM sites WHERE operator_code = 'viettel' ORDER BY code`);

  const sent = await runSender(stack.base, { key, sourceSystemId, siteCodes: siteRows.map((row) => row.code) });
  const perSecond = sent.accepted / sent.seconds;

  // The rows the intake stored, inserted again the raw way (same columns, same values).
  const { rows } = await owner.query(`SELECT ${COLUMNS.join(', ')} FROM alarms WHERE source_system_id = $1`, [sourceSystemId]);
  const raw = await rawInsert(owner, rows);

  const via = BATCH > 1 ? `generic webhook, ${BATCH} alarms a payload` : 'TMF642, one alarm a request';
  console.log(`sustained alarm ingest: ${SECONDS} s, ${CONCURRENCY} in flight, ${via}, from a separate process`);
  console.log(`  accepted ${sent.accepted} (${perSecond.toFixed(0)}/s), 429 ${sent.refused}, failed ${sent.failed}${sent.failed ? ` ${JSON.stringify(sent.errors)}` : ''}; stored ${rows.length}`);
  console.log(`  accept latency p50 ${percentile(sent.latencies, 50).toFixed(1)} ms, p99 ${percentile(sent.latencies, 99).toFixed(1)} ms${BATCH > 1 ? ' (of each alarm: its payload\'s answer)' : ''} (goal p99 ≤ 50 ms)`);
  console.log(`  raw multi-row INSERT of the same ${rows.length} rows (${RAW_BATCH} a statement): ${raw.toFixed(0)} rows/s`);
  console.log(`  ratio to raw: ${(perSecond / raw).toFixed(2)}× (goal ≥ 0.5)`);
  await owner.end();
} finally {
  await stack.cleanup();
}
