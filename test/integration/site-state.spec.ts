import { randomInt } from 'node:crypto';
import type { IncidentDto, SiteStateSummaryDto, SiteSummaryDto } from '@netduty/contracts';
import { as, reportIncident, startApi, type ApiClient, type RunningApi } from './support/stack';
import { queryAsOwner } from './support/test-database';

/** A site's state (trạng thái trạm), derived by the database in the incident's own transaction. */
describe('site state: in service, degraded, down — derived from open incidents, with its history', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let duty: ApiClient;
  let viettel: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
    duty = await as(api.baseUrl, 'trucban');
    viettel = await as(api.baseUrl, 'viettel.lsn');
  });

  afterAll(() => api.close());

  /** A site of this test's own: the other suites' incidents never touch it. */
  async function newSite(operatorCode = 'viettel', kind = 'bts'): Promise<SiteSummaryDto> {
    const code = `LSN${randomInt(1000, 9999)}-${randomInt(10, 99)}`;
    const created = await admin.request<SiteSummaryDto>('POST', '/sites', { code, name: `Trạm thử ${code}`, kind, operatorCode, communeCode: '05977', latitude: 21.85, longitude: 106.76, priority: 'P1' });
    if (created.status !== 201) throw new Error(`site: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  async function stateOf(siteId: string): Promise<{ state: string; down_kind: string | null }> {
    const [row] = (await api.dataSource.query(`SELECT state, down_kind FROM sites WHERE id = $1`, [siteId])) as { state: string; down_kind: string | null }[];
    if (!row) throw new Error('no such site');
    return row;
  }

  async function history(siteId: string): Promise<{ state: string; down_kind: string | null; incident_id: string | null }[]> {
    return api.dataSource.query(`SELECT state, down_kind, incident_id FROM site_state_changes WHERE site_id = $1 ORDER BY id`, [siteId]);
  }

  const transition = (incident: IncidentDto, action: string) => duty.request<IncidentDto>('POST', `/incidents/${incident.id}/${action}`, action === 'resolve' ? { note: 'Đã khắc phục' } : {});

  it('follows the open incidents through the lifecycle, keeping each change once with the incident that caused it', async () => {
    const site = await newSite();
    expect(await stateOf(site.id)).toEqual({ state: 'in_service', down_kind: null });

    const mains = await reportIncident(duty, site, { category: 'mains_failure', severity: 'major' });
    expect(await stateOf(site.id)).toEqual({ state: 'down', down_kind: 'on_battery' });
    const generator = await reportIncident(duty, site, { category: 'generator', severity: 'minor', description: 'Chạy máy phát' });
    expect(await stateOf(site.id)).toEqual({ state: 'down', down_kind: 'on_generator' });
    const fibre = await reportIncident(duty, site, { category: 'fibre_cut', severity: 'critical', description: 'Đứt cáp quang' });
    expect(await stateOf(site.id)).toEqual({ state: 'down', down_kind: 'off_air' });
    // An acknowledgement keeps the incident open: no change.
    expect((await transition(fibre, 'acknowledge')).status).toBe(200);

    for (const incident of [generator, mains]) expect((await transition(incident, 'acknowledge')).status).toBe(200);
    for (const incident of [fibre, generator, mains]) expect((await transition(incident, 'resolve')).status).toBe(200);
    expect(await stateOf(site.id)).toEqual({ state: 'in_service', down_kind: null });
    const congestion = await reportIncident(duty, site, { category: 'congestion', severity: 'critical', description: 'Nghẽn mạng' });
    expect(await stateOf(site.id)).toEqual({ state: 'degraded', down_kind: null });

    expect(await history(site.id)).toEqual([
      { state: 'down', down_kind: 'on_battery', incident_id: mains.id },
      { state: 'down', down_kind: 'on_generator', incident_id: generator.id },
      { state: 'down', down_kind: 'off_air', incident_id: fibre.id },
      { state: 'down', down_kind: 'on_generator', incident_id: fibre.id },
      { state: 'down', down_kind: 'on_battery', incident_id: generator.id },
      { state: 'in_service', down_kind: null, incident_id: mains.id },
      { state: 'degraded', down_kind: null, incident_id: congestion.id },
    ]);
  });

  it('reconstructs the network at a past moment from the history, within the caller scope', async () => {
    const bts = await newSite('viettel', 'bts');
    const node = await newSite('vnpt', 'broadband_node');
    await reportIncident(duty, bts, { category: 'mains_failure', severity: 'critical' });
    const nodeFault = await reportIncident(duty, node, { category: 'equipment', severity: 'major', description: 'Lỗi card' });
    const [{ at }] = (await api.dataSource.query(`SELECT now() AS at`)) as { at: Date }[];
    expect((await transition(nodeFault, 'acknowledge')).status).toBe(200);
    expect((await transition(nodeFault, 'resolve')).status).toBe(200);

    // Independently of the service: each site's last change at or before `at`.
    const expected = async (siteId: string) =>
      ((await api.dataSource.query(`SELECT state, down_kind FROM site_state_changes WHERE site_id = $1 AND changed_at <= $2 ORDER BY changed_at DESC, id DESC LIMIT 1`, [siteId, at])) as {
        state: string;
        down_kind: string | null;
      }[])[0];
    expect(await expected(bts.id)).toEqual({ state: 'down', down_kind: 'off_air' });
    expect(await expected(node.id)).toEqual({ state: 'degraded', down_kind: null });

    const past = await duty.request<SiteStateSummaryDto>('GET', `/sites/state-summary?at=${encodeURIComponent(new Date(at).toISOString())}`);
    expect(past.status).toBe(200);
    const now = await duty.request<SiteStateSummaryDto>('GET', '/sites/state-summary');
    const count = (summary: SiteStateSummaryDto, operatorCode: string, kind: string, state: string, downKind: string | null) =>
      summary.counts.find((row) => row.operatorCode === operatorCode && row.kind === kind && row.state === state && row.downKind === downKind)?.sites ?? 0;
    // The node was degraded then and is in service now; both summaries count every visible site once.
    expect(count(past.body, 'vnpt', 'broadband_node', 'degraded', null)).toBeGreaterThanOrEqual(1);
    const sites = ((await api.dataSource.query(`SELECT count(*)::int AS n FROM sites`)) as { n: number }[])[0]?.n;
    expect(now.body.total).toBe(sites);
    const downNow = ((await api.dataSource.query(`SELECT count(*)::int AS n FROM sites WHERE operator_code = 'viettel' AND kind = 'bts' AND state = 'down' AND down_kind = 'off_air'`)) as { n: number }[])[0]?.n;
    expect(count(now.body, 'viettel', 'bts', 'down', 'off_air')).toBe(downNow);

    // Cluster staff count their operator's sites only.
    const mine = await viettel.request<SiteStateSummaryDto>('GET', '/sites/state-summary');
    expect(mine.body.counts.every((row) => row.operatorCode === 'viettel')).toBe(true);
    expect(mine.body.total).toBeGreaterThan(0);

    const bad = await duty.request<{ fields: { field: string }[] }>('GET', '/sites/state-summary?at=yesterday');
    expect(bad.status).toBe(400);
    expect(new Set(bad.body.fields.map((problem) => problem.field))).toEqual(new Set(['at']));
  });

  it('keeps both incidents of one site reported at the same moment: the state is the one both together give', async () => {
    const site = await newSite();
    await Promise.all([
      reportIncident(duty, site, { category: 'mains_failure', severity: 'major' }),
      reportIncident(duty, site, { category: 'fibre_cut', severity: 'critical', description: 'Đứt cáp' }),
      reportIncident(duty, site, { category: 'generator', severity: 'minor', description: 'Máy phát' }),
    ]);
    expect(await stateOf(site.id)).toEqual({ state: 'down', down_kind: 'off_air' });
    expect((await history(site.id)).at(-1)).toMatchObject({ state: 'down', down_kind: 'off_air' });
  });

  it('follows incidents written and removed outside the api (a bulk load, a data fix): the state is recomputed, the history kept', async () => {
    const site = await newSite();
    const [row] = await queryAsOwner<{ id: string }>(
      `INSERT INTO incidents (site_id, operator_code, commune_code, category, severity, priority, status, description, reporter_name,
                              reported_at, ack_starts_at, ack_due_at, restore_starts_at, restore_due_at)
       SELECT id, operator_code, commune_code, 'low_battery', 'major', priority, 'reported', 'bulk', 'fixture',
              now(), now(), now() + interval '15 minutes', now(), now() + interval '4 hours'
         FROM sites WHERE id = '${site.id}' RETURNING id`,
    );
    expect(await stateOf(site.id)).toEqual({ state: 'down', down_kind: 'on_battery' });
    await queryAsOwner(`DELETE FROM incidents WHERE id = '${row?.id ?? ''}'`);
    expect(await stateOf(site.id)).toEqual({ state: 'in_service', down_kind: null });
    expect(await history(site.id)).toEqual([
      { state: 'down', down_kind: 'on_battery', incident_id: row?.id },
      { state: 'in_service', down_kind: null, incident_id: null },
    ]);
  });

  it('keeps the history as evidence: even the owner may not rewrite it', async () => {
    await expect(queryAsOwner(`UPDATE site_state_changes SET state = 'in_service'`)).rejects.toThrow(/append-only/);
    await expect(queryAsOwner(`DELETE FROM site_state_changes`)).rejects.toThrow(/append-only/);
  });
});
