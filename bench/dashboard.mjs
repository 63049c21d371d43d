#!/usr/bin/env node
// The leadership's figures at scale: 8,000 sites and 1,000,000 historical incidents (two years of them,
// a few hundred open) generated into a fresh database with SQL, then, one request at a time over HTTP
// against the built api, the p50 and p95 of
//   - network safety now            GET /analytics/network-safety
//   - the last 24 h by the hour      GET /analytics/trends
//   - the last 7 days by the hour    GET /analytics/trends?from=…
//   - 30 days by the day, one operator
//   - the province map's sites      GET /sites/map
// each next to the same statements in raw SQL (pg, the application's login, no ORM, same run) and the
// ratio; then the time to generate a day's situation report (POST /situation-reports).
// Needs PostgreSQL and Redis on the default ports and a build (npx nx run-many -t build -p api worker).
// Usage: node bench/dashboard.mjs [samples=100] [incidents=1000000]
import pg from 'pg';
import { benchStack, measureSequential } from './support/bench-stack.mjs';

const SAMPLES = Number(process.argv[2] ?? 100);
const TOTAL = Number(process.argv[3] ?? 1_000_000);
const SITES = 8_000;
const OPEN = 400;
const HOUR = 3_600_000;

const measure = (fn) => measureSequential(fn, SAMPLES, 10);

async function generate(owner) {
  const started = Date.now();
  // More sites, like the demo's, up to SITES (codes of their own).
  await owner.query(
    `INSERT INTO sites (code, name, kind, operator_code, commune_code, latitude, longitude, priority, search_text)
     SELECT 'BENCH' || lpad(g::text, 5, '0'), 'Trạm bench ' || g, (ARRAY['bts','bts','bts','broadband_node','transmission_node','postal_point'])[1 + g % 6],
            o.code, c.code, 21.3 + (g % 97) / 97.0 * 1.2, 106.1 + (g % 89) / 89.0 * 1.4, (ARRAY['P0','P1','P2','P2','P2'])[1 + g % 5], 'bench ' || g
       FROM generate_series(1, greatest(0, $1 - (SELECT count(*) FROM sites))) g
       CROSS JOIN LATERAL (SELECT code FROM operators ORDER BY code OFFSET (g % (SELECT count(*) FROM operators)) LIMIT 1) o
       CROSS JOIN LATERAL (SELECT code FROM communes ORDER BY code OFFSET (g % (SELECT count(*) FROM communes)) LIMIT 1) c`,
    [SITES],
  );
  // Incidents written in bulk: the site-state trigger is set aside and the states derived once after.
  await owner.query(`ALTER TABLE incidents DISABLE TRIGGER USER`);
  await owner.query(`UPDATE incidents SET status = 'closed', resolved_at = coalesce(resolved_at, now()), closed_at = now() WHERE status <> 'closed'`);
  const [{ n: existing }] = (await owner.query(`SELECT count(*)::int AS n FROM incidents`)).rows;
  const span = 2 * 365 * 24 * 60; // two years, in minutes
  await owner.query(
    `WITH numbered AS (SELECT s.*, row_number() OVER (ORDER BY s.id) - 1 AS n, count(*) OVER () AS total FROM sites s)
     INSERT INTO incidents (site_id, operator_code, commune_code, category, severity, priority, status, description, reporter_name,
                            reported_at, acknowledged_at, resolved_at, closed_at, ack_starts_at, ack_due_at, restore_starts_at, restore_due_at)
     SELECT s.id, s.operator_code, s.commune_code,
            (ARRAY['mains_failure','low_battery','generator','fibre_cut','microwave_transmission','equipment','overheating',
                   'flooding_tower_damage','vandalism_theft','congestion','cyber_security','postal_disruption','other'])[1 + g % 13],
            (ARRAY['critical','major','minor','warning'])[1 + (g * 7) % 4], s.priority,
            CASE WHEN g < $1 THEN (ARRAY['reported','acknowledged','in_progress','reopened'])[1 + g % 4] ELSE 'closed' END,
            'bench incident ' || g, 'bench',
            t.reported, CASE WHEN g % 4 = 0 AND g < $1 THEN NULL ELSE t.reported + (g % 20) * interval '1 minute' END,
            CASE WHEN g < $1 THEN NULL ELSE t.reported + (30 + g % 300) * interval '1 minute' END,
            CASE WHEN g < $1 THEN NULL ELSE t.reported + (40 + g % 300) * interval '1 minute' END,
            t.reported, t.reported + (1 + g % 4) * interval '5 minutes',
            t.reported, t.reported + (1 + g % 3) * interval '2 hours'
       FROM generate_series(0, $2 - 1) g
       JOIN numbered s ON s.n = (g::bigint * 7919) % s.total
      CROSS JOIN LATERAL (SELECT CASE WHEN g < $1 THEN now() - (g % 600) * interval '1 minute'
                                      ELSE now() - ((g::bigint * 104729) % $3) * interval '1 minute' END AS reported) t`,
    [OPEN, Math.max(0, TOTAL - existing), span],
  );
  await owner.query(`ALTER TABLE incidents ENABLE TRIGGER USER`);
  await owner.query(`SELECT netduty_refresh_site_state(s.id, NULL) FROM sites s`);
  await owner.query(`VACUUM ANALYZE`);
  return { seconds: (Date.now() - started) / 1000 };
}

// The same statements the services issue, written out for pg (scope "all", no filters unless named).
const TALLY = `count(*)::int AS total, count(*) FILTER (WHERE x.state = 'in_service')::int AS in_service, count(*) FILTER (WHERE x.state = 'degraded')::int AS degraded,
  count(*) FILTER (WHERE x.state = 'down')::int AS down, count(*) FILTER (WHERE x.down_kind = 'on_battery')::int AS on_battery,
  count(*) FILTER (WHERE x.down_kind = 'on_generator')::int AS on_generator, count(*) FILTER (WHERE x.down_kind = 'off_air')::int AS off_air`;
const PER_OPERATOR = `SELECT s.commune_code, s.operator_code, bool_and(s.state = 'down') AS all_down FROM sites s WHERE s.kind = 'bts' GROUP BY 1, 2`;
const RAW_SAFETY = [
  [`SELECT x.operator_code, o.name, x.kind, x.commune_code, c.name, ${TALLY} FROM sites x JOIN operators o ON o.code = x.operator_code JOIN communes c ON c.code = x.commune_code
     GROUP BY GROUPING SETS ((), (x.operator_code, o.name), (x.kind), (x.commune_code, c.name))`],
  [`WITH running AS (SELECT DISTINCT unnest(e.p0_site_ids) AS site_id FROM event_periods e WHERE e.starts_at <= $1 AND e.ends_at > $1)
    SELECT x.*, c.name AS commune_name, (r.site_id IS NOT NULL) AS event_p0 FROM sites x JOIN communes c ON c.code = x.commune_code LEFT JOIN running r ON r.site_id = x.id
     WHERE x.priority = 'P0' OR r.site_id IS NOT NULL ORDER BY CASE x.state WHEN 'down' THEN 0 WHEN 'degraded' THEN 1 ELSE 2 END, x.state_since NULLS LAST, x.code`, 'now'],
  [`SELECT x.severity, count(*)::int, count(*) FILTER (WHERE x.status = 'reported' AND x.ack_due_at <= $1)::int, count(*) FILTER (WHERE x.restore_due_at <= $1)::int
      FROM incidents x WHERE x.status NOT IN ('resolved', 'closed') GROUP BY x.severity`, 'now'],
  [`WITH shown AS ((SELECT e.* FROM event_periods e WHERE e.starts_at <= $1 AND e.ends_at > $1) UNION ALL (SELECT e.* FROM event_periods e WHERE e.starts_at > $1 ORDER BY e.starts_at LIMIT 1))
    SELECT e.id, e.name, count(x.id)::int, count(x.id) FILTER (WHERE x.state = 'down')::int FROM shown e LEFT JOIN sites x ON x.id = ANY (e.p0_site_ids) GROUP BY e.id, e.name`, 'now'],
  [`WITH per_operator AS (${PER_OPERATOR}), per_commune AS (SELECT commune_code, bool_and(all_down) AS all_down FROM per_operator GROUP BY 1)
    SELECT 'operator', p.operator_code, c.code, c.name FROM per_operator p JOIN communes c ON c.code = p.commune_code WHERE p.all_down
    UNION ALL SELECT 'none', NULL, c.code, c.name FROM per_commune p JOIN communes c ON c.code = p.commune_code WHERE p.all_down`],
  [`WITH per_operator AS (${PER_OPERATOR}) SELECT p.operator_code, count(*)::int, count(*) FILTER (WHERE NOT p.all_down)::int FROM per_operator p GROUP BY 1
    UNION ALL SELECT NULL, count(*)::int, count(*) FILTER (WHERE NOT q.all_down)::int FROM (SELECT commune_code, bool_and(all_down) AS all_down FROM per_operator GROUP BY 1) q`],
];
const rawTrends = (operator) => {
  const where = `i.reported_at >= $1 AND i.reported_at < $2${operator ? ` AND i.operator_code = '${operator}'` : ''}`;
  const measures = `count(*)::int, avg(extract(epoch FROM x.acknowledged_at - x.reported_at)), avg(extract(epoch FROM x.resolved_at - x.reported_at))`;
  return [
    `WITH buckets AS (SELECT generate_series(date_trunc($3, $1::timestamptz, 'Asia/Ho_Chi_Minh'), $2::timestamptz - interval '1 microsecond', ('1 ' || $3)::interval) AS at),
          events AS (SELECT date_trunc($3, i.reported_at, 'Asia/Ho_Chi_Minh') AS at, 1 AS opened, 0 AS resolved FROM incidents i WHERE ${where}
                     UNION ALL SELECT date_trunc($3, i.resolved_at, 'Asia/Ho_Chi_Minh'), 0, 1 FROM incidents i WHERE i.resolved_at >= $1 AND i.resolved_at < $2${operator ? ` AND i.operator_code = '${operator}'` : ''})
     SELECT b.at, coalesce(sum(e.opened), 0)::int, coalesce(sum(e.resolved), 0)::int FROM buckets b LEFT JOIN events e ON e.at = b.at GROUP BY b.at ORDER BY b.at`,
    `WITH x AS (SELECT i.id, i.operator_code, i.commune_code, i.severity, i.reported_at, i.acknowledged_at, i.resolved_at FROM incidents i WHERE ${where})
     SELECT 'operator', x.operator_code, o.name, ${measures} FROM x JOIN operators o ON o.code = x.operator_code GROUP BY x.operator_code, o.name
     UNION ALL SELECT 'severity', x.severity, x.severity, ${measures} FROM x GROUP BY x.severity
     UNION ALL SELECT 'cluster', cl.id::text, cl.name, ${measures} FROM x JOIN cluster_communes cc ON cc.commune_code = x.commune_code JOIN clusters cl ON cl.id = cc.cluster_id AND cl.operator_code = x.operator_code GROUP BY cl.id, cl.name`,
    `SELECT count(*)::int, count(*) FILTER (WHERE x.acknowledged_at IS NOT NULL OR x.ack_due_at <= now())::int, count(*) FILTER (WHERE x.acknowledged_at <= x.ack_due_at)::int,
            count(*) FILTER (WHERE x.resolved_at IS NOT NULL OR x.restore_due_at <= now())::int, count(*) FILTER (WHERE x.resolved_at <= x.restore_due_at)::int
       FROM incidents x WHERE ${where.replaceAll('i.', 'x.')}`,
    `SELECT t.site_id, s.code, s.name, t.incidents FROM (SELECT i.site_id, count(*)::int AS incidents FROM incidents i WHERE ${where} GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC, 1 LIMIT 10) t
       JOIN sites s ON s.id = t.site_id ORDER BY t.incidents DESC, s.code`,
    `SELECT i.category, count(*)::int FROM incidents i WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
  ];
};
// The statement the api issues: PostgreSQL builds the JSON (json_agg); raw parses it into objects, as the
// HTTP client does with the response.
const RAW_MAP = `SELECT coalesce(json_agg(json_build_object('id', s.id, 'code', s.code, 'name', s.name, 'operatorCode', s.operator_code, 'kind', s.kind,
    'communeCode', s.commune_code, 'priority', s.priority, 'latitude', s.latitude, 'longitude', s.longitude, 'state', s.state, 'downKind', s.down_kind,
    'openIncidents', coalesce(o.n, 0)::int) ORDER BY s.code), '[]')::text AS body
  FROM sites s LEFT JOIN (SELECT site_id, count(*) AS n FROM incidents WHERE status IN ('reported', 'acknowledged', 'in_progress', 'reopened') GROUP BY 1) o ON o.site_id = s.id`;

const stack = await benchStack();
let exitCode = 0;
const owner = new pg.Client({ connectionString: stack.ownerUrl });
const raw = new pg.Client({ connectionString: stack.databaseUrl });
try {
  await owner.connect();
  const generated = await generate(owner);
  const [{ total, open, sites }] = (
    await owner.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE status NOT IN ('resolved', 'closed'))::int AS open, (SELECT count(*)::int FROM sites) AS sites FROM incidents`)
  ).rows;

  stack.start('dist/apps/api/main.js');
  const base = `${stack.base}/api/v1`;
  await stack.waitHealthy();
  const headers = { authorization: `Bearer ${await stack.login()}`, 'content-type': 'application/json' };
  const get = async (path) => {
    const response = await fetch(`${base}${path}`, { headers });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  await raw.connect();
  const runAll = async (statements) => {
    for (const [sql, ...parameters] of statements) await raw.query(sql, parameters.map((value) => (value === 'now' ? new Date() : value)));
  };
  const window = (hours, bucket) => {
    const to = new Date();
    return { from: new Date(to.getTime() - hours * HOUR), to, bucket };
  };
  const trendsOver = (hours, bucket, operator) => {
    const period = window(hours, bucket);
    const query = `from=${encodeURIComponent(period.from.toISOString())}&to=${encodeURIComponent(period.to.toISOString())}&bucket=${bucket}${operator ? `&operatorCode=${operator}` : ''}`;
    return [() => get(`/analytics/trends?${query}`), () => runAll(rawTrends(operator).map((sql) => [sql, period.from, period.to, bucket].slice(0, sql.includes('$3') ? 4 : 3)))];
  };

  const rows = [
    ['network safety now', () => get('/analytics/network-safety'), () => runAll(RAW_SAFETY)],
    ['trends, 24 h by hour', ...trendsOver(24, 'hour')],
    ['trends, 7 days by hour', ...trendsOver(24 * 7, 'hour')],
    ['trends, 30 days by day, Viettel', ...trendsOver(24 * 30, 'day', 'viettel')],
    ['map: every site', () => get('/sites/map'), async () => JSON.parse((await raw.query(RAW_MAP)).rows[0].body)],
  ];
  const results = [];
  for (const [name, overHttp, overSql] of rows) {
    const sql = await measure(overSql);
    const http = await measure(overHttp);
    results.push({ name, http, sql });
  }

  // A day's situation report, generated on demand (snapshot queried and stored), then its PDF and XLSX.
  const dayTo = new Date(Math.floor(Date.now() / HOUR) * HOUR);
  const dayFrom = new Date(dayTo.getTime() - 24 * HOUR);
  const reportStarted = Date.now();
  const created = await fetch(`${base}/situation-reports`, { method: 'POST', headers, body: JSON.stringify({ from: dayFrom.toISOString(), to: dayTo.toISOString(), language: 'vi' }) });
  if (created.status !== 201) throw new Error(`report: ${created.status} ${await created.text()}`);
  const report = await created.json();
  const reportMs = Date.now() - reportStarted;
  const pdfStarted = Date.now();
  const pdf = await fetch(`${base}/situation-reports/${report.id}/pdf`, { headers });
  const pdfBytes = (await pdf.arrayBuffer()).byteLength;
  const pdfMs = Date.now() - pdfStarted;
  const xlsxStarted = Date.now();
  const xlsx = await fetch(`${base}/situation-reports/${report.id}/xlsx`, { headers });
  const xlsxBytes = (await xlsx.arrayBuffer()).byteLength;
  const xlsxMs = Date.now() - xlsxStarted;

  console.log(`dashboard: ${total.toLocaleString('en')} incidents (${open.toLocaleString('en')} open), ${sites.toLocaleString('en')} sites, generated in ${generated.seconds.toFixed(1)} s; ${SAMPLES} sequential samples each (ms)`);
  const pad = (text, width) => String(text).padEnd(width);
  const num = (value) => value.toFixed(1).padStart(7);
  console.log(`  ${pad('query', 32)} ${pad('HTTP p50', 9)} ${pad('HTTP p95', 9)} ${pad('raw p50', 9)} ${pad('raw p95', 9)} ${pad('ratio p50', 10)} ratio p95`);
  for (const { name, http, sql } of results) {
    console.log(`  ${pad(name, 32)} ${num(http.p50)}   ${num(http.p95)}   ${num(sql.p50)}   ${num(sql.p95)}   ${(http.p50 / sql.p50).toFixed(2).padStart(6)}x    ${(http.p95 / sql.p95).toFixed(2).padStart(6)}x`);
  }
  console.log(`  a day's situation report: generated in ${reportMs} ms; PDF ${pdf.status} ${(pdfBytes / 1024).toFixed(0)} kB in ${pdfMs} ms; XLSX ${xlsx.status} ${(xlsxBytes / 1024).toFixed(0)} kB in ${xlsxMs} ms`);
  const worst = Math.max(...results.map(({ http }) => http.p95));
  console.log(`  goal: dashboard p95 ≤ 150 ms (worst here ${worst.toFixed(1)} ms), ≤ 1.3× raw; a day's report ≤ 3 s`);
  console.log('  (raw runs the statements one after another on one connection; the api runs each endpoint\'s statements side by side on its pool)');
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await raw.end().catch(() => undefined);
  await owner.end().catch(() => undefined);
  await stack.cleanup();
}
process.exit(exitCode);
