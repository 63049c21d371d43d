import type { ApiErrorBody, AuditEntryDto, Page, SiteSummaryDto } from '@netduty/contracts';
import { as, reportIncident, startApi, type ApiClient, type RunningApi } from './support/stack';

describe('administrators keep the site register', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let duty: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
    duty = await as(api.baseUrl, 'trucban');
  });

  afterAll(() => api.close());

  const mobileTruck = {
    code: 'LSN9902-01',
    name: 'Xe BTS lưu động Quảng trường Chiến Thắng',
    kind: 'bts',
    operatorCode: 'viettel',
    communeCode: '05977',
    latitude: 21.8537,
    longitude: 106.7615,
    priority: 'P0',
  };

  it('adds a site that is found without diacritics, can be reported on, and is audited', async () => {
    const created = await admin.request<SiteSummaryDto>('POST', '/sites', mobileTruck);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'LSN9902-01', priority: 'P0', commune: { code: '05977' } });

    const { body: found } = await duty.request<SiteSummaryDto[]>('GET', '/sites?q=quang%20truong%20chien%20thang');
    expect(found.map((site) => site.id)).toContain(created.body.id);
    const incident = await reportIncident(duty, created.body);
    expect(incident.priority).toBe('P0');

    const trail = await admin.request<Page<AuditEntryDto>>('GET', `/audit?entityType=site&entityId=${created.body.id}`);
    expect(trail.body.items[0]).toMatchObject({ action: 'site.create', actorUsername: 'admin' });
  });

  it('moves a site to another priority tier and records before and after', async () => {
    const { body: [site] } = await duty.request<SiteSummaryDto[]>('GET', '/sites?q=LSN9902-01');
    const updated = await admin.request<SiteSummaryDto>('PATCH', `/sites/${site?.id}`, { priority: 'P1' });
    expect(updated.status).toBe(200);
    expect(updated.body.priority).toBe('P1');
    const trail = await admin.request<Page<AuditEntryDto>>('GET', `/audit?action=site.update&entityId=${site?.id}`);
    expect(trail.body.items[0]?.before).toMatchObject({ priority: 'P0' });
    expect(trail.body.items[0]?.after).toMatchObject({ priority: 'P1' });
  });

  it('refuses a duplicate code with 409 already_exists, naming the field', async () => {
    const result = await admin.request<ApiErrorBody>('POST', '/sites', mobileTruck);
    expect(result.status).toBe(409);
    expect(result.body.code).toBe('already_exists');
    expect(result.body.fields?.map((problem) => problem.field)).toEqual(['code']);
  });

  it.each([
    ['an unknown commune', { ...mobileTruck, code: 'LSN9903-01', communeCode: '99999' }, 'communeCode'],
    ['a BTS run by a postal operator', { ...mobileTruck, code: 'LSN9904-01', operatorCode: 'vnpost' }, 'kind'],
    ['a latitude off the globe', { ...mobileTruck, code: 'LSN9905-01', latitude: 123 }, 'latitude'],
  ])('refuses %s, naming the field', async (_name, body, field) => {
    const result = await admin.request<ApiErrorBody>('POST', '/sites', body);
    expect(result.status).toBe(400);
    expect(result.body.fields?.map((problem) => problem.field)).toContain(field);
  });
});
