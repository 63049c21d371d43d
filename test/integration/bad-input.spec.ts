import type { ApiErrorBody, SiteSummaryDto } from '@netduty/contracts';
import { as, findSite, reportIncident, startApi, type ApiClient, type RunningApi } from './support/stack';

async function rowCounts(api: RunningApi): Promise<{ incidents: number; events: number; escalations: number }> {
  const [row] = await api.dataSource.query(
    `SELECT (SELECT count(*) FROM incidents)::int AS incidents,
            (SELECT count(*) FROM incident_events)::int AS events,
            (SELECT count(*) FROM escalations)::int AS escalations`,
  );
  return row;
}

describe('bad input gets a clear 4xx JSON error and writes nothing', () => {
  let api: RunningApi;
  let duty: ApiClient;
  let admin: ApiClient;
  let site: SiteSummaryDto;
  let valid: Record<string, unknown>;

  beforeAll(async () => {
    api = await startApi();
    duty = await as(api.baseUrl, 'trucban');
    admin = await as(api.baseUrl, 'admin');
    site = await findSite(duty, 'tam thanh');
    valid = { siteId: site.id, category: 'fibre_cut', severity: 'major', description: 'Đứt cáp', reporterName: 'Lê Văn Test' };
  });

  afterAll(() => api.close());

  const cases: [string, () => Promise<{ status: number; body: ApiErrorBody }>, number, string, string | null][] = [
    ['malformed JSON', () => duty.request('POST', '/incidents', '{"siteId": '), 400, 'malformed_json', null],
    ['an unknown field', () => duty.request('POST', '/incidents', { ...valid, priority: 'P0' }), 400, 'validation_failed', 'priority'],
    ['a wrong severity', () => duty.request('POST', '/incidents', { ...valid, severity: 'catastrophic' }), 400, 'validation_failed', 'severity'],
    ['a wrong category', () => duty.request('POST', '/incidents', { ...valid, category: 'aliens' }), 400, 'validation_failed', 'category'],
    ['a site id that is not a UUID', () => duty.request('POST', '/incidents', { ...valid, siteId: 'LSN0324-11' }), 400, 'validation_failed', 'siteId'],
    [
      'an unknown site',
      () => duty.request('POST', '/incidents', { ...valid, siteId: '00000000-0000-4000-8000-000000000000' }),
      400,
      'validation_failed',
      'siteId',
    ],
    ['an empty description', () => duty.request('POST', '/incidents', { ...valid, description: '   ' }), 400, 'validation_failed', 'description'],
    ['a description of the wrong type', () => duty.request('POST', '/incidents', { ...valid, description: 42 }), 400, 'validation_failed', 'description'],
    // Found by the fuzzing suite: PostgreSQL cannot store NUL, which used to surface as a 500.
    ['a NUL character in a text field', () => duty.request('POST', '/incidents', { ...valid, description: 'mất\u0000điện' }), 400, 'validation_failed', 'description'],
    ['a JSON array body', () => duty.request('POST', '/incidents', [valid]), 400, 'validation_failed', 'body'],
    ['a JSON string body', () => duty.request('POST', '/incidents', '"hello"'), 400, 'malformed_json', null],
    ['a body over 1 MB', () => duty.request('POST', '/incidents', { ...valid, description: 'x'.repeat(1_100_000) }), 413, 'payload_too_large', null],
    ['a malformed incident id', () => duty.request('POST', '/incidents/not-a-uuid/acknowledge', {}), 400, 'validation_failed', 'id'],
    ['an unknown filter value', () => duty.request('GET', '/incidents?severity=huge'), 400, 'validation_failed', 'severity'],
    ['a site search limit out of range', () => duty.request('GET', '/sites?limit=5000'), 400, 'validation_failed', 'limit'],
    ['a bad Idempotency-Key', () => duty.request('POST', '/incidents', valid, { 'idempotency-key': 'short' }), 400, 'validation_failed', 'Idempotency-Key'],
    [
      'an SLA window shorter to restore than to acknowledge',
      () => admin.request('PUT', '/sla-policies/minor/P2', { acknowledgeSeconds: 600, restoreSeconds: 60 }),
      400,
      'validation_failed',
      'restoreSeconds',
    ],
    ['an SLA policy for an unknown severity', () => admin.request('PUT', '/sla-policies/huge/P2', { acknowledgeSeconds: 60, restoreSeconds: 600 }), 400, 'validation_failed', 'severity'],
  ];

  it.each(cases)('answers %s with %i %s naming the field', async (_name, send, status, code, field) => {
    const before = await rowCounts(api);
    const { status: actual, body } = await send();
    expect(actual).toBe(status);
    expect(body.code).toBe(code);
    expect(body.statusCode).toBe(status);
    expect(typeof body.message).toBe('string');
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|QueryFailedError|SELECT |node_modules/);
    if (field) expect(body.fields?.map((problem) => problem.field)).toContain(field);
    expect(await rowCounts(api)).toEqual(before);
  });

  it('answers 404 for an incident that does not exist', async () => {
    const { status, body } = await duty.request<ApiErrorBody>('GET', '/incidents/00000000-0000-4000-8000-000000000000');
    expect(status).toBe(404);
    expect(body.code).toBe('not_found');
  });

  it('speaks English when asked and Vietnamese by default', async () => {
    const vi = await duty.request<ApiErrorBody>('POST', '/incidents', '{');
    const en = await duty.request<ApiErrorBody>('POST', '/incidents', '{', { 'accept-language': 'en-US,en;q=0.9' });
    expect(vi.body.message).toMatch(/JSON hợp lệ/);
    expect(en.body.message).toMatch(/not valid JSON/);
  });

  it('requires a reason to reopen and leaves the incident resolved without one', async () => {
    const incident = await reportIncident(duty, site);
    for (const action of ['acknowledge', 'resolve']) {
      expect((await duty.request('POST', `/incidents/${incident.id}/${action}`, {})).status).toBe(200);
    }
    const before = await rowCounts(api);
    const { status, body } = await duty.request<ApiErrorBody>('POST', `/incidents/${incident.id}/reopen`, {});
    expect(status).toBe(400);
    expect(body.fields?.[0]?.field).toBe('note');
    expect(await rowCounts(api)).toEqual(before);
  });

  it('refuses to rewrite the timeline, even from the application database user', async () => {
    await expect(api.dataSource.query(`UPDATE incident_events SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(api.dataSource.query(`DELETE FROM incident_events`)).rejects.toThrow(/append-only/);
    await expect(api.dataSource.query(`TRUNCATE incident_events`)).rejects.toThrow(/append-only/);
  });
});
