import { randomInt, randomUUID } from 'node:crypto';
import type { SiteSummaryDto } from '@netduty/contracts';
import { as, spawnWorkerProcess, startApi, type RunningApi, type WorkerProcess } from './support/stack';

const FEEDERS = 3;
const SITES_PER_FEEDER = 40;
/** Two alarms a site (mains, then loss of signal): 240 events in batches of 20, so the kill lands mid-storm. */
const BATCH = 20;

/** Resolves when the process has printed a line matching `pattern` (output so far included). */
function printed(worker: WorkerProcess, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!pattern.test(worker.output())) return false;
      clearTimeout(timer);
      worker.process.stdout?.off('data', check);
      resolve();
      return true;
    };
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${worker.output()}`)), timeoutMs);
    if (!check()) worker.process.stdout?.on('data', check);
  });
}

/**
 * The alarm path's durability: a worker killed (kill -9) in the middle of applying a storm loses no
 * alarm and doubles no incident or parent; the next worker carries on from Postgres.
 */
describe('alarm processing across a worker kill -9', () => {
  let api: RunningApi;
  const workers: WorkerProcess[] = [];
  const source = `crash-nms-${randomInt(100000, 999999)}`;
  const feeders = Array.from({ length: FEEDERS }, (_, index) => `LO-CRASH-${randomInt(100000, 999999)}-${index}`);
  const sites: SiteSummaryDto[] = [];

  beforeAll(async () => {
    api = await startApi();
    const admin = await as(api.baseUrl, 'admin');
    await api.dataSource.query(`INSERT INTO nms_sources (id, operator_code, name) VALUES ($1, 'viettel', 'NMS crash test')`, [source]);
    for (const feeder of feeders) {
      for (let index = 0; index < SITES_PER_FEEDER; index++) {
        const code = `CRS${randomInt(1_000_000, 9_999_999)}`;
        const created = await admin.request<SiteSummaryDto>('POST', '/sites', { code, name: `Trạm ${code}`, kind: 'bts', operatorCode: 'viettel', communeCode: '05977', latitude: 21.85, longitude: 106.76, priority: 'P2' });
        if (created.status !== 201) throw new Error(`site: ${created.status} ${JSON.stringify(created.body)}`);
        await api.dataSource.query(`UPDATE sites SET power_feeder = $2 WHERE id = $1`, [created.body.id, feeder]);
        sites.push(created.body);
      }
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await api?.close();
  });

  it('loses no alarm and doubles no incident or parent', async () => {
    // The storm, accepted as the intake accepts it (alarm rows and their events), before any worker runs.
    const base = Date.now() - 60_000;
    for (const [index, site] of sites.entries()) {
      for (const [offset, cause, problem] of [[0, 'powerProblem', 'AC mains failure'], [15_000, 'lossOfSignal', 'LOS']] as const) {
        const at = new Date(base + index * 100 + offset);
        const [alarm] = (await api.dataSource.query(
          `INSERT INTO alarms (source_system_id, external_alarm_id, operator_code, site_id, state, alarm_type, perceived_severity, probable_cause,
                               specific_problem, alarm_raised_time, alarm_changed_time)
           VALUES ($1, $2, 'viettel', $3, 'raised', 'equipmentAlarm', 'major', $4, $5, $6, $6) RETURNING id`,
          [source, randomUUID(), site.id, cause, problem, at],
        )) as { id: string }[];
        await api.dataSource.query(`INSERT INTO alarm_events (alarm_id, state, perceived_severity, occurred_at) VALUES ($1, 'raised', 'major', $2)`, [alarm?.id, at]);
      }
    }
    const settings = { ALARM_PROCESSOR_BATCH: String(BATCH), ALARM_PROCESSOR_TICK_MS: '50' };

    const first = await spawnWorkerProcess(settings);
    workers.push(first);
    await printed(first, /applied \d+ alarm event\(s\)/);
    const exited = new Promise((resolve) => first.process.once('exit', (_code, signal) => resolve(signal)));
    first.process.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const [{ pending: leftByTheKill }] = (await api.dataSource.query(`SELECT count(*)::int AS pending FROM alarm_events e JOIN alarms a ON a.id = e.alarm_id WHERE a.source_system_id = $1 AND e.processed_at IS NULL`, [source])) as [{ pending: number }];
    expect(leftByTheKill).toBeGreaterThan(0);

    const second = await spawnWorkerProcess(settings);
    workers.push(second);
    await printed(second, /none pending/);

    const [counts] = (await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE e.processed_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE a.incident_id IS NULL)::int AS unattached,
              count(*)::int AS events
         FROM alarm_events e JOIN alarms a ON a.id = e.alarm_id WHERE a.source_system_id = $1`,
      [source],
    )) as { pending: number; unattached: number; events: number }[];
    expect(counts).toEqual({ pending: 0, unattached: 0, events: sites.length * 2 });
    // One incident per site fault (mains, fibre), never two.
    const perSite = (await api.dataSource.query(
      `SELECT site_id, count(*)::int AS n FROM incidents WHERE site_id = ANY($1::uuid[]) AND correlation_kind IS NULL GROUP BY site_id`,
      [sites.map((site) => site.id)],
    )) as { n: number }[];
    expect(perSite).toHaveLength(sites.length);
    expect(perSite.every((row) => row.n === 2)).toBe(true);
    // One parent per feeder, and every child under its own feeder's parent.
    const parents = (await api.dataSource.query(
      `SELECT p.correlation_key AS feeder, count(c.id)::int AS children,
              count(c.id) FILTER (WHERE s.power_feeder = p.correlation_key)::int AS own
         FROM incidents p LEFT JOIN incidents c ON c.parent_incident_id = p.id LEFT JOIN sites s ON s.id = c.site_id
        WHERE p.correlation_key = ANY($1::text[]) GROUP BY p.id, p.correlation_key ORDER BY p.correlation_key`,
      [feeders],
    )) as { feeder: string; children: number; own: number }[];
    expect(parents).toEqual([...feeders].sort().map((feeder) => ({ feeder, children: SITES_PER_FEEDER * 2, own: SITES_PER_FEEDER * 2 })));
  }, 120_000);
});
