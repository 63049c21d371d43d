#!/usr/bin/env node
// Replays a Yagi-shaped storm (scripts/storm/storm-scenario.mjs) into a drill copy of the province, through
// its TMF642 route, as the operators' NMSs would: a feeder failure (mains, batteries, then loss of signal at
// some sites), a fibre cut, noise, flapping, then the restoration (every storm alarm cleared). On the demo's
// own Lạng Sơn sites and upstreams (power feeders, fibre routes), read from the drill database.
//   node scripts/drill/replay.mjs --api <base-url> --database <url> --keys <drill-nms-keys.json> [--speed 1] [--seed 2024]
// Each alarm is sent at its offset divided by --speed and stamped with the time it is sent.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { stormScenario } from '../storm/storm-scenario.mjs';

function argument(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  return process.argv[at + 1];
}

const api = argument('api');
const databaseUrl = argument('database');
const keysFile = argument('keys');
const speed = Number(argument('speed', '1'));
const seed = Number(argument('seed', '2024'));
if (!(speed > 0)) throw new Error('--speed must be a positive number');

const { sources } = JSON.parse(readFileSync(keysFile, 'utf8'));
const sourceOf = Object.fromEntries(sources.map((source) => [source.operatorCode, source.sourceSystemId]));
const keyOf = Object.fromEntries(sources.map((source) => [source.sourceSystemId, source.key]));

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const { rows: sites } = await client
  .query(
    `SELECT code, operator_code AS "operatorCode", power_feeder AS "powerFeeder", transmission_route AS "transmissionRoute"
       FROM sites WHERE operator_code = ANY($1::text[]) ORDER BY code`,
    [Object.keys(sourceOf)],
  )
  .finally(() => client.end());

const { events, expected } = stormScenario(
  { sites, sourceOf, start: new Date() },
  { seed, feeders: 1, stormSeconds: 60, fibreCuts: 1, noise: 40, flapping: 3, flapCycles: 4, restore: true, restoreAfterSeconds: 150 },
);
const minutes = (Math.max(...events.map((event) => event.offsetMs)) / speed / 60_000).toFixed(1);
console.log(
  `Drill replay: ${events.length} alarms over ${minutes} min on ${sites.length} sites — feeder ${expected.feeders.map((f) => `${f.feeder} (${f.sites} sites)`).join(', ')}, ` +
    `fibre route ${expected.routes.map((r) => `${r.route} (${r.sites} sites)`).join(', ')}, noise, flapping, then restoration`,
);

const stamp = (body) => {
  const now = new Date().toISOString();
  // The scenario's clears carry specificProblem: null, which TMF642 does not take: an absent field instead.
  const stamped = Object.fromEntries(Object.entries({ ...body, alarmRaisedTime: now, alarmChangedTime: now }).filter(([, value]) => value !== null));
  if (body.alarmClearedTime) stamped.alarmClearedTime = now;
  return stamped;
};

async function send(event) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const response = await fetch(`${api}/tmf-api/alarm/v4/alarm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': keyOf[event.body.sourceSystemId] },
      body: JSON.stringify(stamp(event.body)),
    });
    if (response.ok) return true;
    if (response.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? '1') * 1000));
      continue;
    }
    console.error(`alarm ${event.body.externalAlarmId} refused: ${response.status} ${await response.text()}`);
    return false;
  }
  return false;
}

const started = Date.now();
let accepted = 0;
let restorationAnnounced = false;
for (const event of events) {
  const wait = started + event.offsetMs / speed - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  if (!restorationAnnounced && event.offsetMs >= 150_000) {
    restorationAnnounced = true;
    console.log('Drill replay: restoration — the storm alarms clear');
  }
  if (await send(event)) accepted += 1;
}
console.log(`Drill replay done: ${accepted} of ${events.length} alarms accepted`);
if (accepted < events.length) process.exitCode = 1;
