#!/usr/bin/env node
// Incident lists at scale: 100,000 incidents (5,000 open) generated into a fresh database with SQL,
// then, one request at a time over HTTP against the built api, the p50 and p95 of
//   - the board's first page      GET /incidents?limit=50
//   - a later page (page 41)      GET /incidents?limit=50&cursor=…
//   - the board header's counts   GET /incidents/counts
// each next to the same query in raw SQL (pg, the application's login, same run) and the ratio.
// Needs PostgreSQL and Redis on the default ports and a build (npx nx run-many -t build -p api worker).
// Usage: node bench/incident-list.mjs [samples=300]
import pg from 'pg';
import { benchStack, measureSequential } from './support/bench-stack.mjs';

const SAMPLES = Number(process.argv[2] ?? 300);
const TOTAL = 100_000;
const OPEN = 5_000;
const PAGE = 50;
const LATER_PAGE = 41;

// The board's keyset, exactly as libs/persistence/src/lib/incident-list-order.ts writes it (the index's expressions).
const DUE = `(CASE WHEN i.status = 'reported' THEN i.ack_due_at WHEN i.status IN ('resolved', 'closed') THEN 'infinity'::timestamptz ELSE i.restore_due_at END)`;
const RANK = `(CASE i.severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'minor' THEN 2 ELSE 3 END)`;

/** What the api must deliver for a page, in one statement: the page's keys, then the rows with their relations. */
const BREACHED = `(CASE WHEN ${DUE} <= $1::timestamptz THEN 0 ELSE 1 END)`;
const CLOCK = `(CASE WHEN i.status IN ('resolved', 'closed') THEN 1 ELSE 0 END)`;
const P0 = `(CASE WHEN i.priority = 'P0' THEN 0 ELSE 1 END)`;
const rawPageSql = (afterCondition) => `
  WITH page AS (
    SELECT i.id, ${BREACHED} AS breached, ${CLOCK} AS clock, ${P0} AS p0, ${RANK} AS rank, ${DUE} AS due FROM incidents i
    WHERE i.status <> 'closed' ${afterCondition ? `AND (${BREACHED}, ${CLOCK}, ${P0}, ${RANK}, ${DUE}, i.id) > ($2::int, $3::int, $4::int, $5::int, $6::timestamptz, $7::uuid)` : ''}
    ORDER BY ${BREACHED}, ${CLOCK}, ${P0}, ${RANK}, ${DUE}, i.id LIMIT ${PAGE + 1}
  )
  SELECT i.*, s.code AS site_code, s.name AS site_name, s.kind AS site_kind, s.priority AS site_priority, s.latitude, s.longitude,
         o.code AS operator_code, o.name AS operator_name, o.kind AS operator_kind,
         c.code AS commune_code, c.name AS commune_name, c.division_type, c.former_district,
         r.id AS responder_id, r.name AS responder_name, r.phone, r.cluster_id, cl.name AS cluster_name
  FROM page p
  JOIN incidents i ON i.id = p.id
  JOIN sites s ON s.id = i.site_id
  JOIN operators o ON o.code = s.operator_code
  JOIN communes c ON c.code = s.commune_code
  LEFT JOIN incident_responders ir ON ir.incident_id = i.id
  LEFT JOIN responders r ON r.id = ir.responder_id
  LEFT JOIN clusters cl ON cl.id = r.cluster_id
  ORDER BY p.breached, p.clock, p.p0, p.rank, p.due, p.id`;

const RAW_COUNTS_SQL = `
  SELECT count(*)::int AS open,
         count(*) FILTER (WHERE ${DUE} <= now())::int AS breached,
         count(*) FILTER (WHERE i.escalation_level > 0)::int AS escalated,
         count(*) FILTER (WHERE i.priority = 'P0')::int AS p0,
         ${['reported', 'acknowledged', 'in_progress', 'resolved', 'reopened'].map((s) => `count(*) FILTER (WHERE i.status = '${s}')::int AS status_${s}`).join(', ')},
         ${['critical', 'major', 'minor', 'warning'].map((s) => `count(*) FILTER (WHERE i.severity = '${s}')::int AS severity_${s}`).join(', ')}
  FROM incidents i WHERE i.status <> 'closed'`;

const measure = (fn) => measureSequential(fn, SAMPLES, 20);

async function generate(owner) {
  // The demo's own incidents stay, closed; the generated ones make the total exactly TOTAL.
  await owner.query(`UPDATE incidents SET status = 'closed', closed_at = now() WHERE status <> 'closed'`);
  const [{ n: existing }] = (await owner.query(`SELECT count(*)::int AS n FROM incidents`)).rows;
  const started = Date.now();
  await owner.query(
    `WITH numbered AS (SELECT s.*, row_number() OVER (ORDER BY s.id) - 1 AS n, count(*) OVER () AS total FROM sites s)
     INSERT INTO incidents (site_id, operator_code, commune_code, category, severity, priority, status, description, reporter_name,
                            reported_at, acknowledged_at, resolved_at, closed_at, ack_starts_at, ack_due_at, restore_starts_at, restore_due_at, escalation_level)
     SELECT s.id, s.operator_code, s.commune_code,
            (ARRAY['mains_failure','low_battery','generator','fibre_cut','microwave_transmission','equipment','overheating',
                   'flooding_tower_damage','vandalism_theft','congestion','cyber_security','postal_disruption','other'])[1 + g % 13],
            (ARRAY['critical','major','minor','warning'])[1 + (g * 7) % 4],
            s.priority,
            CASE WHEN g < $1 THEN (ARRAY['reported','acknowledged','in_progress','resolved','reopened'])[1 + g % 5] ELSE 'closed' END,
            'bench incident ' || g, 'bench',
            t.reported, t.reported + interval '5 minutes', t.reported + interval '3 hours', t.reported + interval '4 hours',
            t.reported, t.reported + (1 + g % 4) * interval '15 minutes',
            t.reported, t.reported + (1 + g % 3) * interval '4 hours',
            CASE WHEN g % 11 = 0 THEN 1 ELSE 0 END
     FROM generate_series(0, $2 - 1) g
     JOIN numbered s ON s.n = (g * 7919) % s.total
     CROSS JOIN LATERAL (SELECT CASE WHEN g < $1 THEN now() - (g % 900) * interval '1 minute'
                                     ELSE now() - interval '1 day' - g * interval '5 minutes' END AS reported) t`,
    [OPEN, TOTAL - existing],
  );
  // Open incidents in progress have a responder of a cluster of their operator, as on a real board.
  await owner.query(
    `INSERT INTO incident_responders (incident_id, responder_id)
     SELECT i.id, r.id FROM incidents i
     CROSS JOIN LATERAL (SELECT r.id FROM responders r JOIN clusters c ON c.id = r.cluster_id
                         WHERE c.operator_code = i.operator_code ORDER BY r.id LIMIT 1) r
     WHERE i.status IN ('in_progress', 'reopened')`,
  );
  await owner.query(`ANALYZE`);
  return { seconds: (Date.now() - started) / 1000 };
}

const stack = await benchStack();
let exitCode = 0;
const owner = new pg.Client({ connectionString: stack.ownerUrl });
const raw = new pg.Client({ connectionString: stack.databaseUrl });
try {
  await owner.connect();
  const generated = await generate(owner);
  const [{ total, open }] = (await owner.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE status <> 'closed')::int AS open FROM incidents`)).rows;

  stack.start('dist/apps/api/main.js');
  const base = `${stack.base}/api/v1`;
  await stack.waitHealthy();
  const headers = { authorization: `Bearer ${await stack.login()}` };
  const get = async (path) => {
    const response = await fetch(`${base}${path}`, { headers });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };

  // The cursor of the later page, reached by walking the board; the raw query gets the same key.
  let cursor = null;
  for (let page = 1; page < LATER_PAGE; page++) cursor = (await get(`/incidents?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor;
  // The cursor carries the first page's instant and the last row's key (breached, clock, P0, severity, due, id).
  const [, asOf, ...key] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  const laterPage = await get(`/incidents?limit=${PAGE}&cursor=${cursor}`);

  await raw.connect();
  const rawLater = await raw.query(rawPageSql(true), [asOf, ...key]);
  const rawIds = [...new Set(rawLater.rows.map((row) => row.id))].slice(0, PAGE);
  if (JSON.stringify(rawIds) !== JSON.stringify(laterPage.items.map((item) => item.id))) throw new Error('raw SQL and the api disagree on the later page');

  const rows = [
    ['board, first page', () => get(`/incidents?limit=${PAGE}`), () => raw.query(rawPageSql(false), [new Date().toISOString()])],
    [`board, page ${LATER_PAGE} (cursor)`, () => get(`/incidents?limit=${PAGE}&cursor=${cursor}`), () => raw.query(rawPageSql(true), [asOf, ...key])],
    ['counts', () => get('/incidents/counts'), () => raw.query(RAW_COUNTS_SQL)],
  ];
  const results = [];
  for (const [name, overHttp, overSql] of rows) {
    const sql = await measure(overSql);
    const http = await measure(overHttp);
    results.push({ name, http, sql });
  }

  // The floor of any authenticated request (guard, per-request account check, JSON), with no list query.
  const floor = await measure(() => get('/operators'));
  console.log(`incident lists: ${total.toLocaleString('en')} incidents (${open.toLocaleString('en')} open), generated in ${generated.seconds.toFixed(1)} s; ${SAMPLES} sequential samples each (ms)`);
  const pad = (text, width) => String(text).padEnd(width);
  const num = (value) => value.toFixed(1).padStart(7);
  console.log(`  ${pad('query', 24)} ${pad('HTTP p50', 9)} ${pad('HTTP p95', 9)} ${pad('raw p50', 9)} ${pad('raw p95', 9)} ${pad('ratio p50', 10)} ratio p95`);
  for (const { name, http, sql } of results) {
    console.log(
      `  ${pad(name, 24)} ${num(http.p50)}   ${num(http.p95)}   ${num(sql.p50)}   ${num(sql.p95)}   ${(http.p50 / sql.p50).toFixed(2).padStart(6)}x    ${(http.p95 / sql.p95).toFixed(2).padStart(6)}x`,
    );
  }
  console.log(`  ${pad('floor: GET /operators', 24)} ${num(floor.p50)}   ${num(floor.p95)}   (an authenticated request reading 5 rows)`);
  const worst = Math.max(...results.map(({ http }) => http.p95));
  console.log(`  goal: p95 ≤ 50 ms (worst here ${worst.toFixed(1)} ms) and ≤ 1.3× raw`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (process.env.BENCH_KEEP_DATABASE) {
    stack.stop();
    console.log(`  kept for inspection: ${stack.ownerUrl} (api login ${stack.databaseUrl}); drop it by hand`);
    process.exit(exitCode);
  }
  await raw.end().catch(() => undefined);
  await owner.end().catch(() => undefined);
  await stack.cleanup();
}
process.exit(exitCode);
