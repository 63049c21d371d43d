import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { SiteSummaryDto } from '@netduty/contracts';
import { AlarmProcessor } from '@netduty/alarms';
import { DEFAULT_ALARM_RULES } from '@netduty/domain';
import { EscalationService } from '@netduty/escalation';
import { as, connectConsole, login, nextEvent, startApi, startWorker, type ApiClient, type ConsoleSocket, type RunningApi } from './support/stack';

interface AlarmSpec {
  externalId: string;
  site: SiteSummaryDto;
  probableCause: string;
  specificProblem?: string | null;
  perceivedSeverity?: string;
  state?: 'raised' | 'updated' | 'cleared';
  at?: Date;
  plannedOutage?: boolean;
}

interface IncidentRow {
  id: string;
  reference: string;
  site_id: string;
  category: string;
  severity: string;
  priority: string;
  status: string;
  origin: string;
  parent_incident_id: string | null;
  correlation_kind: string | null;
  correlation_key: string | null;
  flapping: boolean;
}

/**
 * The worker's half of the alarm path on real PostgreSQL and Redis: accepted alarm events (written here
 * as the intake writes them) become incidents — one per site fault — and clear, reopen, flap and
 * correlate into parents by the rules. The intake itself is tested in tmf642-alarms.spec.ts.
 */
describe('alarm processing: alarms to incidents, clears, flapping, mass-outage correlation', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let processor: AlarmProcessor;
  let admin: ApiClient;
  const source = `test-nms-${randomInt(100000, 999999)}`;

  beforeAll(async () => {
    api = await startApi();
    // The timer is as slow as allowed: each test works the queue off itself (drainNow), deterministically.
    worker = await startWorker({ ALARM_PROCESSOR_TICK_MS: '60000', ALARM_CORRELATION_MIN_SITES: '3', ALARM_FLAP_CYCLES: '3' });
    processor = worker.get(AlarmProcessor);
    admin = await as(api.baseUrl, 'admin');
    await api.dataSource.query(`INSERT INTO nms_sources (id, operator_code, name) VALUES ($1, 'viettel', 'NMS kiểm thử')`, [source]);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function newSite(upstream: { feeder?: string; route?: string; aggregation?: string } = {}, priority = 'P2'): Promise<SiteSummaryDto> {
    const code = `ALM${randomInt(100000, 999999)}`;
    const created = await admin.request<SiteSummaryDto>('POST', '/sites', { code, name: `Trạm cảnh báo ${code}`, kind: 'bts', operatorCode: 'viettel', communeCode: '05977', latitude: 21.85, longitude: 106.76, priority });
    if (created.status !== 201) throw new Error(`site: ${created.status} ${JSON.stringify(created.body)}`);
    await api.dataSource.query(`UPDATE sites SET power_feeder = $2, transmission_route = $3, aggregation_node = $4 WHERE id = $1`, [
      created.body.id,
      upstream.feeder ?? null,
      upstream.route ?? null,
      upstream.aggregation ?? null,
    ]);
    return created.body;
  }

  /** What the intake commits for one accepted change: the alarm as it now stands, and its event. */
  async function accept(alarm: AlarmSpec): Promise<string> {
    const at = alarm.at ?? new Date();
    const state = alarm.state ?? 'raised';
    const severity = state === 'cleared' ? 'cleared' : (alarm.perceivedSeverity ?? 'major');
    const [row] = (await api.dataSource.query(
      `INSERT INTO alarms (source_system_id, external_alarm_id, operator_code, site_id, state, alarm_type, perceived_severity, probable_cause,
                           specific_problem, alarm_raised_time, alarm_changed_time, alarm_cleared_time, planned_outage_indicator)
       VALUES ($1, $2, 'viettel', $3, $4, 'environmentalAlarm', $5, $6, $7, $8, $8, CASE WHEN $4 = 'cleared' THEN $8::timestamptz END, $9)
       ON CONFLICT (source_system_id, external_alarm_id) DO UPDATE
         SET state = EXCLUDED.state, perceived_severity = EXCLUDED.perceived_severity, alarm_changed_time = EXCLUDED.alarm_changed_time,
             alarm_cleared_time = EXCLUDED.alarm_cleared_time
       RETURNING id`,
      [source, alarm.externalId, alarm.site.id, state, severity, alarm.probableCause, alarm.specificProblem ?? null, at, alarm.plannedOutage ?? false],
    )) as { id: string }[];
    if (!row) throw new Error('alarm not stored');
    await api.dataSource.query(`INSERT INTO alarm_events (alarm_id, state, perceived_severity, occurred_at) VALUES ($1, $2, $3, $4)`, [row.id, state, severity, at]);
    return row.id;
  }

  async function incidentsAt(site: SiteSummaryDto): Promise<IncidentRow[]> {
    return api.dataSource.query(
      `SELECT id, reference, site_id, category, severity, priority, status, origin, parent_incident_id, correlation_kind, correlation_key, flapping
         FROM incidents WHERE site_id = $1 AND correlation_kind IS NULL ORDER BY reported_at`,
      [site.id],
    );
  }

  async function timelineTypes(incidentId: string): Promise<string[]> {
    const rows = (await api.dataSource.query(`SELECT type FROM incident_events WHERE incident_id = $1 ORDER BY id`, [incidentId])) as { type: string }[];
    return rows.map((row) => row.type);
  }

  async function parentsOf(key: string): Promise<IncidentRow[]> {
    return api.dataSource.query(
      `SELECT id, reference, site_id, category, severity, priority, status, origin, parent_incident_id, correlation_kind, correlation_key, flapping
         FROM incidents WHERE correlation_key = $1`,
      [key],
    );
  }

  it('seeds the default rules of libs/domain into a new database, in order', async () => {
    const rows = (await api.dataSource.query(
      `SELECT position, probable_cause, specific_problem_pattern, alarm_type, category, severity, resolve_on_clear FROM alarm_rules ORDER BY position`,
    )) as { position: number; probable_cause: string | null; specific_problem_pattern: string | null; alarm_type: string | null; category: string; severity: string | null; resolve_on_clear: boolean }[];
    expect(rows.map((row) => ({
      position: row.position,
      probableCause: row.probable_cause,
      specificProblemPattern: row.specific_problem_pattern,
      alarmType: row.alarm_type,
      category: row.category,
      severity: row.severity,
      resolveOnClear: row.resolve_on_clear,
    }))).toEqual(DEFAULT_ALARM_RULES.map((rule) => ({ ...rule })));
  });

  it('opens one incident per site fault: a second alarm of the same fault attaches to it, another fault opens its own', async () => {
    const site = await newSite({}, 'P0');
    await accept({ externalId: randomUUID(), site, probableCause: 'powerProblem', specificProblem: 'AC mains failure' });
    await accept({ externalId: randomUUID(), site, probableCause: 'powerProblem', specificProblem: 'System on batteries' });
    await accept({ externalId: randomUUID(), site, probableCause: 'equipmentMalfunction', specificProblem: 'Rectifier fault', perceivedSeverity: 'minor' });
    await processor.drainNow();

    const incidents = await incidentsAt(site);
    expect(incidents.map((incident) => incident.category).sort()).toEqual(['equipment', 'mains_failure']);
    const mains = incidents.find((incident) => incident.category === 'mains_failure') as IncidentRow;
    // A P0 site raises the perceived severity one step.
    expect(mains).toMatchObject({ origin: 'alarm', severity: 'critical', status: 'reported' });
    expect(await timelineTypes(mains.id)).toEqual(['reported', 'alarm_raised', 'alarm_raised']);
    const attached = (await api.dataSource.query(`SELECT count(*)::int AS n FROM alarms WHERE incident_id = $1`, [mains.id])) as { n: number }[];
    expect(attached[0]?.n).toBe(2);
    const [{ pending }] = (await api.dataSource.query(`SELECT count(*)::int AS pending FROM alarm_events WHERE processed_at IS NULL`)) as [{ pending: number }];
    expect(pending).toBe(0);
    // The site is down on battery, derived from the alarm-made incident like any other.
    const [state] = (await api.dataSource.query(`SELECT state, down_kind FROM sites WHERE id = $1`, [site.id])) as { state: string; down_kind: string }[];
    expect(state).toEqual({ state: 'down', down_kind: 'off_air' });
  });

  it('resolves the incident when its last alarm clears (acknowledged by the clear), not before', async () => {
    const site = await newSite();
    const first = randomUUID();
    const second = randomUUID();
    await accept({ externalId: first, site, probableCause: 'lossOfSignal', specificProblem: 'LOS on port 1' });
    await accept({ externalId: second, site, probableCause: 'lossOfSignal', specificProblem: 'LOS on port 2' });
    await processor.drainNow();
    await accept({ externalId: first, site, probableCause: 'lossOfSignal', state: 'cleared' });
    await processor.drainNow();
    const [stillOpen] = await incidentsAt(site);
    expect(stillOpen?.status).toBe('reported');

    await accept({ externalId: second, site, probableCause: 'lossOfSignal', state: 'cleared' });
    await processor.drainNow();
    const [resolved] = await incidentsAt(site);
    expect(resolved?.status).toBe('resolved');
    expect(await timelineTypes(resolved?.id ?? '')).toEqual(['reported', 'alarm_raised', 'alarm_raised', 'alarm_cleared', 'alarm_cleared', 'acknowledged', 'resolved']);
  });

  it('keeps a door-open incident open on clear (its rule does not resolve on clear)', async () => {
    const site = await newSite();
    const id = randomUUID();
    await accept({ externalId: id, site, probableCause: 'enclosureDoorOpen', specificProblem: 'Cabinet door open' });
    await processor.drainNow();
    await accept({ externalId: id, site, probableCause: 'enclosureDoorOpen', state: 'cleared' });
    await processor.drainNow();
    const [incident] = await incidentsAt(site);
    expect(incident).toMatchObject({ category: 'vandalism_theft', severity: 'minor', status: 'reported' });
    expect(await timelineTypes(incident?.id ?? '')).toContain('alarm_cleared');
  });

  it('reopens the same incident on a re-raise within the window, and flags it flapping after three cycles, holding its escalation', async () => {
    const site = await newSite();
    const id = randomUUID();
    for (let cycle = 0; cycle < 3; cycle++) {
      await accept({ externalId: id, site, probableCause: 'powerProblem', specificProblem: 'AC mains failure' });
      await processor.drainNow();
      await accept({ externalId: id, site, probableCause: 'powerProblem', state: 'cleared' });
      await processor.drainNow();
    }
    await accept({ externalId: id, site, probableCause: 'powerProblem', specificProblem: 'AC mains failure' });
    await processor.drainNow();

    const incidents = await incidentsAt(site);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents as [IncidentRow];
    expect(incident).toMatchObject({ status: 'reopened', flapping: true });
    const types = await timelineTypes(incident.id);
    expect(types.filter((type) => type === 'reopened')).toHaveLength(3);
    expect(types.filter((type) => type === 'flapping')).toHaveLength(1);
    const held = await worker.get(EscalationService).handleDeadlineDue({ incidentId: incident.id, kind: 'restore', cycle: 4, level: 1 });
    expect(held.outcome).toBe('held');
  });

  it('files a feeder storm under one parent (power before loss of signal means power), holds the children, escalates the parent', async () => {
    const feeder = `LO-${randomInt(100000, 999999)}`;
    const sites = await Promise.all([0, 1, 2, 3, 4].map((index) => newSite({ feeder, route: `RT-${feeder}-${index % 2}` })));
    const t = Date.now() - 30_000;
    for (const [index, site] of sites.entries()) {
      await accept({ externalId: randomUUID(), site, probableCause: 'powerProblem', specificProblem: 'AC mains failure', at: new Date(t + index * 1000) });
      await accept({ externalId: randomUUID(), site, probableCause: 'lossOfSignal', specificProblem: 'LOS', at: new Date(t + index * 1000 + 20_000) });
    }
    await processor.drainNow();

    const parents = await parentsOf(feeder);
    expect(parents).toHaveLength(1);
    const [parent] = parents as [IncidentRow];
    expect(parent).toMatchObject({ origin: 'correlation', correlation_kind: 'power_feeder', category: 'mains_failure', severity: 'critical' });
    // No route parent: the loss of signal followed the power loss.
    for (let index = 0; index < 2; index++) expect(await parentsOf(`RT-${feeder}-${index}`)).toHaveLength(0);
    for (const site of sites) {
      const children = await incidentsAt(site);
      expect(children.map((child) => [child.category, child.parent_incident_id]).sort()).toEqual([
        ['fibre_cut', parent.id],
        ['mains_failure', parent.id],
      ]);
    }
    expect(await timelineTypes(parent.id)).toEqual(['reported', 'correlated']);

    const escalations = worker.get(EscalationService);
    const child = (await incidentsAt(sites[0] as SiteSummaryDto))[0] as IncidentRow;
    expect((await escalations.handleDeadlineDue({ incidentId: child.id, kind: 'acknowledge', cycle: 1, level: 1 })).outcome).toBe('held');
    expect((await escalations.handleDeadlineDue({ incidentId: parent.id, kind: 'acknowledge', cycle: 1, level: 1 })).outcome).not.toBe('held');

    // A late site of the same feeder joins the open parent; a second run never doubles it.
    const late = await newSite({ feeder });
    await accept({ externalId: randomUUID(), site: late, probableCause: 'powerProblem', specificProblem: 'AC mains failure' });
    await processor.drainNow();
    await processor.drainNow();
    expect(await parentsOf(feeder)).toHaveLength(1);
    expect((await incidentsAt(late))[0]?.parent_incident_id).toBe(parent.id);
  });

  it('files a loss of signal that comes in a later batch, once the batteries run flat, under the feeder parent — not as a fibre cut', async () => {
    // Seen in the storm bench: the sites' mains incidents were already children when their links dropped,
    // and the loss-of-signal incidents, looked at alone, opened one "fibre cut" parent per route.
    const feeder = `FLAT-${randomInt(100000, 999999)}`;
    const route = `RT-${feeder}`;
    const sites = await Promise.all([0, 1, 2, 3].map(() => newSite({ feeder, route })));
    const t = Date.now() - 60_000;
    for (const [index, site] of sites.entries()) await accept({ externalId: randomUUID(), site, probableCause: 'powerProblem', specificProblem: 'AC mains failure', at: new Date(t + index * 1000) });
    await processor.drainNow();
    const [parent] = (await parentsOf(feeder)) as [IncidentRow];
    expect(parent.correlation_kind).toBe('power_feeder');

    for (const [index, site] of sites.entries()) await accept({ externalId: randomUUID(), site, probableCause: 'lossOfSignal', specificProblem: 'LOS', at: new Date(t + 40_000 + index * 1000) });
    await processor.drainNow();
    expect(await parentsOf(route)).toHaveLength(0);
    for (const site of sites) {
      expect((await incidentsAt(site)).map((incident) => [incident.category, incident.parent_incident_id]).sort()).toEqual([
        ['fibre_cut', parent.id],
        ['mains_failure', parent.id],
      ]);
    }
  });

  it('keeps sites already flagged flapping out of correlation: three flapping mains alarms on one feeder open no parent', async () => {
    const feeder = `FLAP-${randomInt(100000, 999999)}`;
    const sites = await Promise.all([0, 1, 2].map(() => newSite({ feeder })));
    const t = Date.now() - 60_000;
    for (const [index, site] of sites.entries()) {
      const externalId = randomUUID();
      for (let cycle = 0; cycle < 3; cycle++) {
        await accept({ externalId, site, probableCause: 'powerProblem', specificProblem: 'AC mains failure', at: new Date(t + index * 100 + cycle * 4000) });
        await accept({ externalId, site, probableCause: 'powerProblem', specificProblem: 'AC mains failure', state: 'cleared', at: new Date(t + index * 100 + cycle * 4000 + 1000) });
      }
      await accept({ externalId, site, probableCause: 'powerProblem', specificProblem: 'AC mains failure', at: new Date(t + index * 100 + 13_000) });
    }
    await processor.drainNow();
    for (const site of sites) expect((await incidentsAt(site)).map((incident) => [incident.category, incident.flapping, incident.parent_incident_id])).toEqual([['mains_failure', true, null]]);
    expect(await parentsOf(feeder)).toHaveLength(0);
  });

  it('tells a fibre cut from a power failure: loss of signal alone on one route, over different feeders', async () => {
    const route = `CAP-${randomInt(100000, 999999)}`;
    const sites = await Promise.all([0, 1, 2, 3].map((index) => newSite({ feeder: `F-${route}-${index}`, route })));
    for (const site of sites) await accept({ externalId: randomUUID(), site, probableCause: 'lossOfSignal', specificProblem: 'LOS' });
    await processor.drainNow();
    const parents = await parentsOf(route);
    expect(parents.map((parent) => [parent.correlation_kind, parent.category])).toEqual([['transmission_route', 'fibre_cut']]);
    for (const [index] of sites.entries()) expect(await parentsOf(`F-${route}-${index}`)).toHaveLength(0);
  });

  it('leaves fewer sites than the threshold uncorrelated', async () => {
    const feeder = `LO-${randomInt(100000, 999999)}`;
    const sites = await Promise.all([0, 1].map(() => newSite({ feeder })));
    for (const site of sites) await accept({ externalId: randomUUID(), site, probableCause: 'powerProblem', specificProblem: 'AC mains failure' });
    await processor.drainNow();
    expect(await parentsOf(feeder)).toHaveLength(0);
  });

  it('keeps the parent open while any child is down, and resolves it when the last one clears', async () => {
    const feeder = `LO-${randomInt(100000, 999999)}`;
    const sites = await Promise.all([0, 1, 2].map(() => newSite({ feeder })));
    const alarms = sites.map((site) => ({ site, externalId: randomUUID() }));
    for (const alarm of alarms) await accept({ ...alarm, probableCause: 'powerProblem', specificProblem: 'AC mains failure' });
    await processor.drainNow();
    const [parent] = (await parentsOf(feeder)) as [IncidentRow];

    await accept({ ...(alarms[0] as (typeof alarms)[0]), probableCause: 'powerProblem', state: 'cleared' });
    await processor.drainNow();
    expect((await parentsOf(feeder))[0]?.status).toBe('reported');
    expect((await incidentsAt(sites[0] as SiteSummaryDto))[0]?.status).toBe('resolved');

    for (const alarm of alarms.slice(1)) await accept({ ...alarm, probableCause: 'powerProblem', state: 'cleared' });
    await processor.drainNow();
    expect((await parentsOf(feeder))[0]?.status).toBe('resolved');
    expect(await timelineTypes(parent.id)).toEqual(['reported', 'correlated', 'acknowledged', 'resolved']);
  });

  it('holds the escalation of an incident whose alarm is a planned outage', async () => {
    const site = await newSite();
    await accept({ externalId: randomUUID(), site, probableCause: 'powerProblem', specificProblem: 'AC mains failure', plannedOutage: true });
    await processor.drainNow();
    const [incident] = (await incidentsAt(site)) as [IncidentRow];
    expect((await worker.get(EscalationService).handleDeadlineDue({ incidentId: incident.id, kind: 'acknowledge', cycle: 1, level: 1 })).outcome).toBe('held');
  });

  it('tells the consoles of a storm in a few batch frames, each console only what its scope sees', async () => {
    const feeder = `LO-${randomInt(100000, 999999)}`;
    const sites = await Promise.all(Array.from({ length: 30 }, () => newSite({ feeder })));
    const duty = await connectConsole(api.baseUrl, (await login(api.baseUrl, 'trucban')).token);
    const mobifone = await connectConsole(api.baseUrl, (await login(api.baseUrl, 'mobifone.lsn')).token);
    const frames: { duty: string[]; mobifone: number } = { duty: [], mobifone: 0 };
    const perIncident: string[] = [];
    const seen = new Set<string>();
    const count = (socket: ConsoleSocket, name: 'duty' | 'mobifone') => {
      socket.on('incidents.batch', (batch) => {
        if (name === 'mobifone') frames.mobifone += 1;
        else frames.duty.push(`${batch.created.length}+${batch.updated.length}`);
        if (name === 'duty') for (const incident of batch.created) seen.add(incident.site.id);
      });
      socket.on('incident.created', (incident) => perIncident.push(incident.id));
    };
    count(duty, 'duty');
    count(mobifone, 'mobifone');
    try {
      for (const site of sites) await accept({ externalId: randomUUID(), site, probableCause: 'powerProblem', specificProblem: 'AC mains failure' });
      const lastSite = sites[sites.length - 1] as SiteSummaryDto;
      const arrived = nextEvent(duty, 'incidents.batch', (batch) => batch.created.some((incident) => incident.site.id === lastSite.id));
      await processor.drainNow();
      await arrived;
      // One batch: one frame to the duty officer's room, holding the 30 sites' incidents and their parent.
      expect(frames.duty).toEqual(['31+0']);
      expect(sites.every((site) => seen.has(site.id))).toBe(true);
      expect(perIncident).toEqual([]);
      // A Viettel storm says nothing to a MobiFone cluster (its frame would have arrived with the duty officer's).
      expect(frames.mobifone).toBe(0);
    } finally {
      duty.disconnect();
      mobifone.disconnect();
    }
  });
});
