import { randomInt } from 'node:crypto';
import type { IncidentDto, MapSiteDto, SiteSummaryDto } from '@netduty/contracts';
import type { IncidentScope } from '@netduty/domain';
import { SiteMapService } from '@netduty/inventory';
import { as, reportIncident, startApi, type ApiClient, type RunningApi } from './support/stack';

/**
 * GET /sites/map: every site the caller may see, with its derived state and its count of open (not
 * resolved or closed) incidents, in one query. Read by the roles holding analytics.read (admin, duty
 * officers, leadership), whose scope is the whole province; the operator and cluster scopes are shown
 * on the service itself, against hand-written SQL, so the map keeps the one scope rule should a scoped
 * role be given the map.
 */
describe('site map: every visible site with its state and open incidents', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let duty: ApiClient;
  let leadership: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    [admin, duty, leadership] = await Promise.all([as(api.baseUrl, 'admin'), as(api.baseUrl, 'trucban'), as(api.baseUrl, 'lanhdao')]);
  });

  afterAll(() => api.close());

  async function newSite(operatorCode = 'viettel'): Promise<SiteSummaryDto> {
    const code = `LSN${randomInt(1000, 9999)}-${randomInt(10, 99)}`;
    const created = await admin.request<SiteSummaryDto>('POST', '/sites', { code, name: `Trạm bản đồ ${code}`, kind: 'bts', operatorCode, communeCode: '05977', latitude: 21.853, longitude: 106.761, priority: 'P1' });
    if (created.status !== 201) throw new Error(`site: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  /** Independently of the service: each site's open incidents, by the site-state rule's meaning of open. */
  async function expectedOpenCounts(): Promise<Map<string, number>> {
    const rows: { id: string; open: number }[] = await api.dataSource.query(
      `SELECT s.id, (SELECT count(*)::int FROM incidents i WHERE i.site_id = s.id AND i.status NOT IN ('resolved', 'closed')) AS open FROM sites s`,
    );
    return new Map(rows.map((row) => [row.id, row.open]));
  }

  const transition = (incident: IncidentDto, action: 'acknowledge' | 'resolve' | 'close') =>
    duty.request<IncidentDto>('POST', `/incidents/${incident.id}/${action}`, action === 'resolve' ? { note: 'Đã khắc phục' } : {});

  it("shows a site's state and counts its incidents until they are resolved", async () => {
    const site = await newSite();
    const plotted = async (): Promise<MapSiteDto | undefined> => (await leadership.request<MapSiteDto[]>('GET', '/sites/map')).body.find((row) => row.id === site.id);

    expect(await plotted()).toEqual({
      id: site.id,
      code: site.code,
      name: site.name,
      operatorCode: 'viettel',
      kind: 'bts',
      communeCode: '05977',
      priority: 'P1',
      latitude: 21.853,
      longitude: 106.761,
      state: 'in_service',
      downKind: null,
      openIncidents: 0,
    });

    const mains = await reportIncident(duty, site, { category: 'mains_failure', severity: 'major' });
    expect(await plotted()).toMatchObject({ state: 'down', downKind: 'on_battery', openIncidents: 1 });
    const fibre = await reportIncident(duty, site, { category: 'fibre_cut', severity: 'critical', description: 'Đứt cáp quang' });
    const congestion = await reportIncident(duty, site, { category: 'congestion', severity: 'minor', description: 'Nghẽn mạng' });
    expect(await plotted()).toMatchObject({ state: 'down', downKind: 'off_air', openIncidents: 3 });

    // Acknowledged is still open; resolved is not (the site-state rule's meaning), closed neither.
    for (const incident of [fibre, mains]) expect((await transition(incident, 'acknowledge')).status).toBe(200);
    expect(await plotted()).toMatchObject({ openIncidents: 3 });
    expect((await transition(fibre, 'resolve')).status).toBe(200);
    expect(await plotted()).toMatchObject({ state: 'down', downKind: 'on_battery', openIncidents: 2 });
    expect((await transition(mains, 'resolve')).status).toBe(200);
    expect((await transition(mains, 'close')).status).toBe(200);
    expect(await plotted()).toMatchObject({ state: 'degraded', downKind: null, openIncidents: 1 });
    expect((await transition(congestion, 'acknowledge')).status).toBe(200);
    expect((await transition(congestion, 'resolve')).status).toBe(200);
    expect(await plotted()).toMatchObject({ state: 'in_service', downKind: null, openIncidents: 0 });
  });

  it('plots every site of the province once, each with the state and open incidents the database holds', async () => {
    await reportIncident(duty, await newSite('vnpt'), { category: 'equipment', severity: 'major', description: 'Lỗi card' });
    const answers = await Promise.all([admin, duty, leadership].map((client) => client.request<MapSiteDto[]>('GET', '/sites/map')));
    for (const answer of answers) expect(answer.status).toBe(200);
    const [map] = answers.map((answer) => answer.body);
    if (!map) throw new Error('no answer');
    for (const other of answers.slice(1)) expect(other.body).toEqual(map);

    const sites: { id: string; state: string; down_kind: string | null }[] = await api.dataSource.query(`SELECT id, state, down_kind FROM sites`);
    expect(map).toHaveLength(sites.length);
    expect(new Set(map.map((row) => row.id)).size).toBe(sites.length);
    const open = await expectedOpenCounts();
    const stateOf = new Map(sites.map((row) => [row.id, { state: row.state, downKind: row.down_kind }]));
    for (const row of map) {
      expect({ id: row.id, openIncidents: row.openIncidents }).toEqual({ id: row.id, openIncidents: open.get(row.id) });
      expect({ id: row.id, state: row.state, downKind: row.downKind }).toEqual({ id: row.id, ...stateOf.get(row.id) });
    }
    // The demo province has open incidents and sites down: the figures are not all zero.
    expect(map.some((row) => row.openIncidents > 0)).toBe(true);
    expect(map.some((row) => row.state === 'down')).toBe(true);
    expect(map.every((row) => Number.isFinite(row.latitude) && Number.isFinite(row.longitude))).toBe(true);
  });

  it('refuses the roles without analytics.read: cluster staff and responders', async () => {
    for (const username of ['viettel.lsn', 'ungcuu.viettel']) {
      const client = await as(api.baseUrl, username);
      const answer = await client.request<{ code: string }>('GET', '/sites/map');
      expect({ username, status: answer.status, code: answer.body.code }).toEqual({ username, status: 403, code: 'forbidden' });
    }
    const anonymous = await fetch(`${api.baseUrl}/api/v1/sites/map`);
    expect(anonymous.status).toBe(401);
  });

  it('keeps the one scope rule: an operator sees its sites, a cluster its communes, a responder none', async () => {
    const service = api.app.get(SiteMapService);
    const [{ cluster_id }] = (await api.dataSource.query(`SELECT r.cluster_id FROM users u JOIN responders r ON r.id = u.responder_id WHERE u.username = 'ungcuu.viettel'`)) as { cluster_id: string }[];
    const communes = ((await api.dataSource.query(`SELECT commune_code FROM cluster_communes WHERE cluster_id = $1`, [cluster_id])) as { commune_code: string }[]).map((row) => row.commune_code);
    expect(communes.length).toBeGreaterThan(0);
    const ids = async (sql: string, parameters: unknown[]) => ((await api.dataSource.query(sql, parameters)) as { id: string }[]).map((row) => row.id).sort();
    const plotted = async (scope: IncidentScope) => (JSON.parse(await service.sitesJson(scope)) as MapSiteDto[]).map((row) => row.id).sort();

    const operatorSites = await ids(`SELECT id FROM sites WHERE operator_code = 'viettel'`, []);
    expect(operatorSites.length).toBeGreaterThan(0);
    expect(await plotted({ kind: 'operator', operatorCode: 'viettel', communeCodes: null })).toEqual(operatorSites);

    const clusterSites = await ids(`SELECT id FROM sites WHERE operator_code = 'viettel' AND commune_code = ANY($1)`, [communes]);
    expect(clusterSites.length).toBeGreaterThan(0);
    expect(clusterSites.length).toBeLessThan(operatorSites.length);
    const clusterMap = JSON.parse(await service.sitesJson({ kind: 'operator', operatorCode: 'viettel', communeCodes: communes })) as MapSiteDto[];
    expect(clusterMap.map((row) => row.id).sort()).toEqual(clusterSites);
    const open = await expectedOpenCounts();
    for (const row of clusterMap) expect({ id: row.id, openIncidents: row.openIncidents }).toEqual({ id: row.id, openIncidents: open.get(row.id) });

    expect(await plotted({ kind: 'operator', operatorCode: 'viettel', communeCodes: [] })).toEqual([]);
    const [{ responder_id }] = (await api.dataSource.query(`SELECT responder_id FROM users WHERE username = 'ungcuu.viettel'`)) as { responder_id: string }[];
    expect(await plotted({ kind: 'responder', responderId: responder_id })).toEqual([]);
  });
});
