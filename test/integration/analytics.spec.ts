import { randomInt } from 'node:crypto';
import type { NetworkSafetyDto, SiteSummaryDto, TrendsDto } from '@netduty/contracts';
import { ANALYTICS_PULSE_MS } from '@netduty/contracts';
import { as, connectConsole, login, nextEvent, reportIncident, startApi, type ApiClient, type ConsoleSocket, type RunningApi } from './support/stack';
import { io } from 'socket.io-client';

const MINUTE = 60_000;

/**
 * The leadership's figures (KPIs) on a fixed dataset with known answers: two communes of this test's
 * own, five sites, incidents written with exact times. Each answer is worked out by hand below (and
 * the province-wide tallies by a plain computation over the sites table), not by the service's SQL.
 */
describe('analytics: network safety, coverage impact, trends, SLA compliance — known answers', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let duty: ApiClient;
  let leadership: ApiClient;
  let viettel: ApiClient;
  let responder: ApiClient;
  const communeA = `9${randomInt(1000, 9999)}`;
  const communeB = `8${randomInt(1000, 9999)}`;
  // The period: six whole hours, a week ago (every deadline in it has passed by now).
  const t0 = new Date(Math.floor((Date.now() - 7 * 24 * 60 * MINUTE) / (60 * MINUTE)) * 60 * MINUTE);
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
  const period = `from=${encodeURIComponent(t0.toISOString())}&to=${encodeURIComponent(at(360).toISOString())}`;
  const sites: Record<'v1' | 'v2' | 'n1' | 'm1' | 'v3', SiteSummaryDto> = {} as never;

  async function newSite(name: keyof typeof sites, operatorCode: string, kind: string, communeCode: string, priority = 'P2'): Promise<void> {
    const code = `KPI${randomInt(10000, 99999)}-${name}`;
    const created = await admin.request<SiteSummaryDto>('POST', '/sites', { code, name: `Trạm KPI ${name}`, kind, operatorCode, communeCode, latitude: 21.8, longitude: 106.7, priority });
    if (created.status !== 201) throw new Error(`site: ${created.status} ${JSON.stringify(created.body)}`);
    sites[name] = created.body;
  }

  interface Fixture {
    site: keyof typeof sites;
    category: string;
    severity: string;
    status: string;
    reported: Date;
    ackDue: Date;
    restoreDue: Date;
    acknowledged?: Date;
    resolved?: Date;
  }

  async function insertIncident(fixture: Fixture): Promise<void> {
    const site = sites[fixture.site];
    await api.dataSource.query(
      `INSERT INTO incidents (site_id, operator_code, commune_code, category, severity, priority, status, description, reporter_name,
                              reported_at, acknowledged_at, resolved_at, closed_at, ack_starts_at, ack_due_at, restore_starts_at, restore_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'Sự cố KPI', 'Kiểm thử', $8, $9, $10, $11, $8, $12, $8, $13)`,
      [
        site.id,
        site.operator.code,
        site.commune.code,
        fixture.category,
        fixture.severity,
        site.priority,
        fixture.status,
        fixture.reported,
        fixture.acknowledged ?? null,
        fixture.resolved ?? null,
        fixture.status === 'closed' ? fixture.resolved : null,
        fixture.ackDue,
        fixture.restoreDue,
      ],
    );
  }

  beforeAll(async () => {
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
    duty = await as(api.baseUrl, 'trucban');
    leadership = await as(api.baseUrl, 'lanhdao');
    viettel = await as(api.baseUrl, 'viettel.lsn');
    responder = await as(api.baseUrl, 'ungcuu.viettel');
    for (const [code, name] of [
      [communeA, 'Xã Kiểm Thử A'],
      [communeB, 'Xã Kiểm Thử B'],
    ]) {
      await api.dataSource.query(`INSERT INTO communes (code, province_code, name, division_type, former_district, search_text) VALUES ($1, '20', $2, 'xã', 'Huyện Thử', $3)`, [code, name, name.toLowerCase()]);
    }
    await newSite('v1', 'viettel', 'bts', communeA, 'P0');
    await newSite('v2', 'viettel', 'bts', communeA);
    await newSite('n1', 'vnpt', 'bts', communeA);
    await newSite('m1', 'mobifone', 'broadband_node', communeA);
    await newSite('v3', 'viettel', 'bts', communeB);
    const cluster = await admin.request<{ id: string }>('POST', '/clusters', { operatorCode: 'viettel', name: `Cụm KPI ${communeA}`, communeCodes: [communeA] });
    if (cluster.status !== 201) throw new Error(`cluster: ${cluster.status} ${JSON.stringify(cluster.body)}`);

    const now = Date.now();
    const fromNow = (minutes: number) => new Date(now + minutes * MINUTE);
    const fixtures: Fixture[] = [
      // In the period (commune A):
      { site: 'v1', category: 'mains_failure', severity: 'critical', status: 'closed', reported: at(10), acknowledged: at(15), ackDue: at(20), resolved: at(90), restoreDue: at(120) },
      { site: 'v2', category: 'fibre_cut', severity: 'major', status: 'closed', reported: at(65), acknowledged: at(110), ackDue: at(95), resolved: at(300), restoreDue: at(240) },
      { site: 'v1', category: 'equipment', severity: 'minor', status: 'closed', reported: at(120), acknowledged: at(200), ackDue: at(150), resolved: at(240), restoreDue: at(480) },
      // Still open, its restore deadline ahead: acknowledged in time, restore not yet decided. Keeps n1 degraded.
      { site: 'n1', category: 'congestion', severity: 'warning', status: 'acknowledged', reported: at(130), acknowledged: at(135), ackDue: at(190), restoreDue: fromNow(24 * 60) },
      // Reported after the period: in no figure of it.
      { site: 'm1', category: 'equipment', severity: 'major', status: 'closed', reported: at(400), acknowledged: at(401), ackDue: at(420), resolved: at(410), restoreDue: at(500) },
      // Commune B, reported before the period and restored in it.
      { site: 'v3', category: 'equipment', severity: 'minor', status: 'closed', reported: at(-1), acknowledged: at(5), ackDue: at(30), resolved: at(30), restoreDue: at(200) },
      // Open now: v1 on battery, v2 off air (its acknowledgement overdue), v3 off air (its restoration overdue).
      { site: 'v1', category: 'mains_failure', severity: 'major', status: 'reported', reported: fromNow(-10), ackDue: fromNow(5), restoreDue: fromNow(120) },
      { site: 'v2', category: 'fibre_cut', severity: 'critical', status: 'reported', reported: fromNow(-10), ackDue: fromNow(-1), restoreDue: fromNow(120) },
      { site: 'v3', category: 'fibre_cut', severity: 'critical', status: 'acknowledged', reported: fromNow(-30), acknowledged: fromNow(-25), ackDue: fromNow(-20), restoreDue: fromNow(-5) },
    ];
    for (const fixture of fixtures) await insertIncident(fixture);
  });

  afterAll(() => api.close());

  const safety = async (client: ApiClient, query = '') => {
    const response = await client.request<NetworkSafetyDto>('GET', `/analytics/network-safety${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('counts a commune: sites by state and how they are down, open incidents by severity, breaches, P0 sites', async () => {
    const a = await safety(leadership, `?communeCode=${communeA}`);
    expect(a.sites).toMatchObject({ total: 4, inService: 1, degraded: 1, down: 2, onBattery: 1, onGenerator: 0, offAir: 1 });
    expect(a.byOperator.map(({ key, total, inService, degraded, down }) => ({ key, total, inService, degraded, down }))).toEqual([
      { key: 'mobifone', total: 1, inService: 1, degraded: 0, down: 0 },
      { key: 'viettel', total: 2, inService: 0, degraded: 0, down: 2 },
      { key: 'vnpt', total: 1, inService: 0, degraded: 1, down: 0 },
    ]);
    expect(a.byKind.map(({ key, total, down }) => ({ key, total, down }))).toEqual([
      { key: 'broadband_node', total: 1, down: 0 },
      { key: 'bts', total: 3, down: 2 },
    ]);
    expect(a.byCommune).toEqual([expect.objectContaining({ key: communeA, label: 'Xã Kiểm Thử A', total: 4, down: 2 })]);
    expect(a.openBySeverity).toEqual({ critical: 1, major: 1, minor: 0, warning: 1 });
    expect(a.openTotal).toBe(3);
    expect(a.breachedNow).toEqual({ acknowledge: 1, restore: 0 });
    expect(a.p0Sites).toEqual([expect.objectContaining({ id: sites.v1.id, state: 'down', downKind: 'on_battery', priority: 'P0', eventP0: false })]);

    const b = await safety(duty, `?communeCode=${communeB}&severity=critical`);
    expect(b.breachedNow).toEqual({ acknowledge: 0, restore: 1 });
    expect(b.openBySeverity).toEqual({ critical: 1, major: 0, minor: 0, warning: 0 });
  });

  it('finds the communes that lost an operator and those that lost every operator', async () => {
    // A: both Viettel BTS down, VNPT's only degraded: Viettel lost, the commune still has signal.
    const a = (await safety(leadership, `?communeCode=${communeA}`)).coverage;
    expect(a).toMatchObject({ communesWithBts: 1, communesWithSignal: 1, percentWithSignal: 100, withoutAnyService: [], peopleAffected: null, populationNote: 'population_not_shipped' });
    expect(a.byOperator.map(({ operatorCode, communesWithBts, communes }) => ({ operatorCode, communesWithBts, communes: communes.map((c) => c.code) }))).toEqual([
      { operatorCode: 'viettel', communesWithBts: 1, communes: [communeA] },
      { operatorCode: 'vnpt', communesWithBts: 1, communes: [] },
    ]);
    // B: its one BTS is down: no operator has service there.
    const b = (await safety(leadership, `?communeCode=${communeB}`)).coverage;
    expect(b).toMatchObject({ communesWithBts: 1, communesWithSignal: 0, percentWithSignal: 0 });
    expect(b.withoutAnyService.map((commune) => commune.code)).toEqual([communeB]);
  });

  it('agrees with a plain computation over every site of the province; field roles are refused', async () => {
    const rows = (await api.dataSource.query(`SELECT operator_code, kind, commune_code, state, down_kind FROM sites`)) as { operator_code: string; kind: string; commune_code: string; state: string; down_kind: string | null }[];
    const whole = await safety(duty);
    expect(whole.sites.total).toBe(rows.length);
    expect(whole.sites.down).toBe(rows.filter((row) => row.state === 'down').length);
    expect(whole.sites.offAir).toBe(rows.filter((row) => row.down_kind === 'off_air').length);
    for (const tally of whole.byOperator) {
      expect({ key: tally.key, down: tally.down, total: tally.total }).toEqual({
        key: tally.key,
        down: rows.filter((row) => row.operator_code === tally.key && row.state === 'down').length,
        total: rows.filter((row) => row.operator_code === tally.key).length,
      });
    }
    // Coverage, independently: group the BTS by commune and operator in plain code.
    const bts = rows.filter((row) => row.kind === 'bts');
    const communes = new Map<string, Map<string, boolean>>();
    for (const row of bts) {
      const operators = communes.get(row.commune_code) ?? new Map<string, boolean>();
      operators.set(row.operator_code, (operators.get(row.operator_code) ?? true) && row.state === 'down');
      communes.set(row.commune_code, operators);
    }
    const dark = [...communes].filter(([, operators]) => [...operators.values()].every(Boolean)).map(([code]) => code).sort();
    expect(whole.coverage.communesWithBts).toBe(communes.size);
    expect(whole.coverage.withoutAnyService.map((commune) => commune.code).sort()).toEqual(dark);
    for (const operator of whole.coverage.byOperator) {
      const lost = [...communes].filter(([, operators]) => operators.get(operator.operatorCode) === true).map(([code]) => code).sort();
      expect({ operator: operator.operatorCode, lost: operator.communes.map((commune) => commune.code).sort() }).toEqual({ operator: operator.operatorCode, lost });
    }

    // The dashboard is for leadership and the on-duty group: the field roles have none.
    for (const client of [viettel, responder]) expect((await client.request('GET', '/analytics/network-safety')).status).toBe(403);
  });

  it('computes the period: opened and restored per hour, MTTA/MTTR by operator, severity and cluster, SLA compliance, recurrences', async () => {
    const response = await leadership.request<TrendsDto>('GET', `/analytics/trends?${period}&communeCode=${communeA}`);
    expect(response.status).toBe(200);
    const trends = response.body;
    expect(trends.series.map((point) => point.at)).toEqual([0, 60, 120, 180, 240, 300].map((minutes) => at(minutes).toISOString()));
    expect(trends.series.map((point) => point.opened)).toEqual([1, 1, 2, 0, 0, 0]);
    expect(trends.series.map((point) => point.resolved)).toEqual([0, 1, 0, 0, 1, 1]);

    const times = (dimension: string) => trends.responseTimes.filter((row) => row.dimension === dimension).map(({ key, incidents, mttaSeconds, mttrSeconds }) => ({ key, incidents, mttaSeconds, mttrSeconds }));
    // Acknowledged after 5, 45, 80 and 5 min; restored after 80, 235 and 120 min.
    expect(times('operator')).toEqual([
      { key: 'viettel', incidents: 3, mttaSeconds: 2600, mttrSeconds: 8700 },
      { key: 'vnpt', incidents: 1, mttaSeconds: 300, mttrSeconds: null },
    ]);
    expect(times('severity').sort((x, y) => x.key.localeCompare(y.key))).toEqual([
      { key: 'critical', incidents: 1, mttaSeconds: 300, mttrSeconds: 4800 },
      { key: 'major', incidents: 1, mttaSeconds: 2700, mttrSeconds: 14100 },
      { key: 'minor', incidents: 1, mttaSeconds: 4800, mttrSeconds: 7200 },
      { key: 'warning', incidents: 1, mttaSeconds: 300, mttrSeconds: null },
    ]);
    expect(times('cluster')).toEqual([expect.objectContaining({ incidents: 3, mttaSeconds: 2600, mttrSeconds: 8700 })]);
    // Acknowledged in time: 2 of 4; restored in time: 2 of the 3 decided (the fourth's deadline is ahead).
    expect(trends.sla).toEqual({ incidents: 4, acknowledgeDecided: 4, acknowledgedInTime: 2, acknowledgePercent: 50, restoreDecided: 3, restoredInTime: 2, restorePercent: 66.7 });
    expect(trends.recurringSites).toEqual([expect.objectContaining({ siteId: sites.v1.id, incidents: 2 })]);
    expect(trends.recurringCauses).toEqual([
      { category: 'congestion', incidents: 1 },
      { category: 'equipment', incidents: 1 },
      { category: 'fibre_cut', incidents: 1 },
      { category: 'mains_failure', incidents: 1 },
    ]);

    // By the day, in the province's clock: the six hours fall in one or two local days, all counted once.
    const daily = await leadership.request<TrendsDto>('GET', `/analytics/trends?${period}&communeCode=${communeA}&bucket=day`);
    expect(daily.body.series.reduce((sum, point) => sum + point.opened, 0)).toBe(4);
    expect(new Date(daily.body.series[0]?.at ?? '').getTime() % (24 * 60 * MINUTE)).toBe(17 * 60 * MINUTE);
  });

  it('refuses a bad period or filter with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      [`from=${encodeURIComponent(at(60).toISOString())}&to=${encodeURIComponent(at(0).toISOString())}`, 'to'],
      [`from=${encodeURIComponent(new Date(0).toISOString())}`, 'from'],
      ['from=yesterday', 'from'],
      ['bucket=minute', 'bucket'],
      ['severity=huge', 'severity'],
      ['operatorCode=nobody', 'operatorCode'],
    ];
    for (const [query, field] of cases) {
      const response = await leadership.request<{ fields: { field: string }[] }>('GET', `/analytics/trends?${query}`);
      expect({ query, status: response.status, fields: [...new Set(response.body.fields?.map((problem) => problem.field))] }).toEqual({ query, status: 400, fields: [field] });
    }
  });

  it('pulses the analytics sockets, batched: a burst of reports is a few frames, and a wall socket gets no incident stream', async () => {
    const { token } = await login(api.baseUrl, 'lanhdao');
    const wall = io(api.baseUrl, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token, channel: 'analytics' } }) as ConsoleSocket;
    await new Promise<void>((resolve, reject) => {
      wall.once('connect', () => resolve());
      wall.once('connect_error', reject);
    });
    const board = await connectConsole(api.baseUrl, (await login(api.baseUrl, 'trucban')).token);
    try {
      const pulses: number[] = [];
      let incidentFrames = 0;
      wall.on('analytics.changed', () => pulses.push(Date.now()));
      wall.on('incident.created', () => (incidentFrames += 1));
      const burst = 20;
      let boardFrames = 0;
      const allArrived = new Promise<void>((resolve) =>
        board.on('incident.created', () => {
          boardFrames += 1;
          if (boardFrames === burst) resolve();
        }),
      );
      const started = Date.now();
      const firstPulse = nextEvent(wall, 'analytics.changed', () => true);
      await Promise.all(Array.from({ length: burst }, (_, index) => reportIncident(duty, sites.m1, { category: 'equipment', severity: 'minor', description: `Đợt ${index}` })));
      await allArrived;
      await firstPulse;
      // One more period for the last pulse to fall due.
      await nextEvent(wall, 'analytics.changed', () => true, 3 * ANALYTICS_PULSE_MS).catch(() => undefined);
      const elapsed = Date.now() - started;
      expect(incidentFrames).toBe(0);
      expect(pulses.length).toBeGreaterThanOrEqual(1);
      // At most one frame per period (plus the one in progress), far fewer than the 20 reports.
      expect(pulses.length).toBeLessThanOrEqual(Math.ceil(elapsed / ANALYTICS_PULSE_MS) + 1);
      expect(pulses.length).toBeLessThan(burst);
      for (let index = 1; index < pulses.length; index += 1) expect((pulses[index] ?? 0) - (pulses[index - 1] ?? 0)).toBeGreaterThanOrEqual(ANALYTICS_PULSE_MS * 0.8);
    } finally {
      wall.close();
      board.close();
    }

    // Cluster staff have no analytics: the wall channel closes on them.
    const { token: staffToken } = await login(api.baseUrl, 'viettel.lsn');
    const refused = io(api.baseUrl, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: staffToken, channel: 'analytics' } });
    await new Promise<void>((resolve) => refused.once('disconnect', () => resolve()));
    refused.close();
  });
});
