import type { ApiErrorBody, IncidentDto, SiteSummaryDto } from '@netduty/contracts';
import { as, startApi, type ApiClient, type RunningApi } from './support/stack';

async function siteOf(duty: ApiClient, operator: string): Promise<SiteSummaryDto> {
  const { body } = await duty.request<SiteSummaryDto[]>('GET', '/sites?q=dong%20kinh&limit=50');
  const site = body.find((candidate) => candidate.operator.code === operator);
  if (!site) throw new Error(`no ${operator} site in Đông Kinh`);
  return site;
}

describe('Idempotency-Key belongs to the caller who sent it', () => {
  let api: RunningApi;
  let viettel: ApiClient;
  let vnpt: ApiClient;
  let viettelSite: SiteSummaryDto;
  let vnptSite: SiteSummaryDto;

  beforeAll(async () => {
    api = await startApi();
    const duty = await as(api.baseUrl, 'trucban');
    viettel = await as(api.baseUrl, 'viettel.lsn');
    vnpt = await as(api.baseUrl, 'vnpt.lsn');
    viettelSite = await siteOf(duty, 'viettel');
    vnptSite = await siteOf(duty, 'vnpt');
  });

  afterAll(() => api.close());

  const report = (client: ApiClient, site: SiteSummaryDto, key: string, description: string) =>
    client.request<IncidentDto & ApiErrorBody>(
      'POST',
      '/incidents',
      { siteId: site.id, category: 'fibre_cut', severity: 'major', description },
      { 'idempotency-key': key },
    );

  it("creates Viettel's own incident when Viettel reuses a key VNPT used, and tells nothing of VNPT's", async () => {
    const key = 'shared-key-0001';
    const first = await report(vnpt, vnptSite, key, 'VNPT: đứt cáp');
    expect(first.status).toBe(201);
    const second = await report(viettel, viettelSite, key, 'Viettel: đứt cáp');
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.site.operator.code).toBe('viettel');
    expect(JSON.stringify(second.body)).not.toContain(first.body.id);
    // Each retry returns its own caller's incident.
    expect((await report(vnpt, vnptSite, key, 'VNPT: đứt cáp')).body.id).toBe(first.body.id);
    expect((await report(viettel, viettelSite, key, 'Viettel: đứt cáp')).body.id).toBe(second.body.id);
  });

  it('refuses the same key with a different body (422 idempotency_key_reused) and writes nothing', async () => {
    const key = 'own-key-00002';
    const first = await report(viettel, viettelSite, key, 'Mất điện lưới');
    expect(first.status).toBe(201);
    const [{ n: before }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM incidents`);
    const reused = await report(viettel, viettelSite, key, 'Một sự cố khác');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(reused.body.fields?.map((problem) => problem.field)).toEqual(['Idempotency-Key']);
    expect(JSON.stringify(reused.body)).not.toContain(first.body.id);
    const [{ n: after }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM incidents`);
    expect(after).toBe(before);
    // The same body again is still the original incident.
    const retried = await report(viettel, viettelSite, key, 'Mất điện lưới');
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(first.body.id);
  });

  it('answers parallel retries of one body with one incident', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => report(vnpt, vnptSite, 'parallel-key-03', 'Song song')));
    expect(new Set(results.map((result) => result.body.id)).size).toBe(1);
    expect(results.filter((result) => result.status === 201)).toHaveLength(1);
  });
});
