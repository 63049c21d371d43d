import { DataSource } from 'typeorm';
import type { ApiErrorBody, IncidentCoverageImpactDto } from '@netduty/contracts';
import { as, startApi, type ApiClient, type RunningApi } from './support/stack';
import { currentTestEnvironment } from './support/test-environment';

/**
 * The coverage a mass-outage parent costs (GET /analytics/incidents/:id/coverage-impact), on the demo's
 * Tràng Định storm parent: its children's communes, narrowed from the province's coverage impact.
 */
describe('coverage impact of one incident and its children', () => {
  let api: RunningApi;
  let owner: DataSource;
  let duty: ApiClient;
  let parentId: string;
  let childCommunes: string[];
  /** Sites this suite took down, with what they were, to put back. */
  let changed: { id: string; state: string; down_kind: string | null; state_since: Date | null }[] = [];

  beforeAll(async () => {
    api = await startApi();
    owner = await new DataSource({ type: 'postgres', url: currentTestEnvironment().ownerDatabaseUrl }).initialize();
    duty = await as(api.baseUrl, 'trucban');
    const [parent] = (await owner.query(`SELECT id FROM incidents WHERE correlation_kind = 'power_feeder' AND status NOT IN ('resolved', 'closed')`)) as { id: string }[];
    if (!parent) throw new Error('the demo seed filed no storm parent');
    parentId = parent.id;
    childCommunes = ((await owner.query(`SELECT DISTINCT commune_code FROM incidents WHERE id = $1 OR parent_incident_id = $1 ORDER BY 1`, [parentId])) as { commune_code: string }[]).map(
      (row) => row.commune_code,
    );
  });

  afterAll(async () => {
    for (const site of changed) {
      await owner.query(`UPDATE sites SET state = $2, down_kind = $3, state_since = $4 WHERE id = $1`, [site.id, site.state, site.down_kind, site.state_since]);
    }
    await owner.destroy();
    await api.close();
  });

  it("lists the communes of the parent's and its children's sites", async () => {
    const { status, body } = await duty.request<IncidentCoverageImpactDto>('GET', `/analytics/incidents/${parentId}/coverage-impact`);
    expect(status).toBe(200);
    expect(body.incidentId).toBe(parentId);
    expect(body.communes.map((commune) => commune.code).sort()).toEqual(childCommunes);
  });

  it("names a child's commune once every BTS of its operator there is down, and once every BTS of every operator is", async () => {
    const commune = childCommunes[0];
    if (!commune) throw new Error('no commune');
    changed = await owner.query(`SELECT id, state, down_kind, state_since FROM sites WHERE commune_code = $1 AND kind = 'bts'`, [commune]);
    await owner.query(`UPDATE sites SET state = 'down', down_kind = 'off_air', state_since = now() WHERE commune_code = $1 AND kind = 'bts' AND operator_code = 'viettel'`, [commune]);
    const viettelOnly = await duty.request<IncidentCoverageImpactDto>('GET', `/analytics/incidents/${parentId}/coverage-impact`);
    expect(viettelOnly.body.byOperator.find((operator) => operator.operatorCode === 'viettel')?.communes.map((c) => c.code)).toContain(commune);
    const othersInService = ((await owner.query(`SELECT count(*)::int AS n FROM sites WHERE commune_code = $1 AND kind = 'bts' AND state <> 'down'`, [commune])) as { n: number }[])[0]?.n ?? 0;
    expect(viettelOnly.body.withoutAnyService.map((c) => c.code).includes(commune)).toBe(othersInService === 0);
    // Every commune named lies within the incident's communes.
    for (const operator of viettelOnly.body.byOperator) for (const c of operator.communes) expect(childCommunes).toContain(c.code);

    await owner.query(`UPDATE sites SET state = 'down', down_kind = 'off_air', state_since = now() WHERE commune_code = $1 AND kind = 'bts'`, [commune]);
    const allDown = await duty.request<IncidentCoverageImpactDto>('GET', `/analytics/incidents/${parentId}/coverage-impact`);
    expect(allDown.body.withoutAnyService.map((c) => c.code)).toContain(commune);
  });

  it('answers 404 for an incident the caller may not see and one that does not exist, 400 for a bad id', async () => {
    const mobifone = await as(api.baseUrl, 'mobifone.lsn');
    const unseen = await mobifone.request<ApiErrorBody>('GET', `/analytics/incidents/${parentId}/coverage-impact`);
    expect(unseen.status).toBe(404);
    const missing = await duty.request<ApiErrorBody>('GET', '/analytics/incidents/00000000-0000-4000-8000-0000000000ff/coverage-impact');
    expect(missing.status).toBe(404);
    const bad = await duty.request<ApiErrorBody>('GET', '/analytics/incidents/nope/coverage-impact');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('id');
  });
});
