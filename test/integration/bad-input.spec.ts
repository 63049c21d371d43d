import type { ApiErrorBody, SiteSummaryDto } from '@netduty/contracts';
import { nestedJson, rawRequest } from './support/raw-request';
import { as, findSite, reportIncident, startApi, type ApiClient, type RunningApi } from './support/stack';
import { queryAsOwner } from './support/test-database';

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
    // An optional field sent as null is validated, not skipped: null is not a name, a site kind or a time zone.
    ['a null site name', () => admin.request('PATCH', `/sites/${site.id}`, { name: null }), 400, 'validation_failed', 'name'],
    ['a null reporter name', () => duty.request('POST', '/incidents', { ...valid, reporterName: null }), 400, 'validation_failed', 'reporterName'],
    ['a null user language', () => admin.request('PATCH', `/users/${site.id}`, { language: null }), 400, 'validation_failed', 'language'],
    ['a null roster time zone', () => admin.request('POST', '/on-duty-groups', { name: 'Tổ null', kind: 'leadership', clusterId: null, timeZone: null, rotations: [], oneOffShifts: [], overrides: [], swaps: [] }), 400, 'validation_failed', 'timeZone'],
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

  it('refuses to rewrite the timeline, from the application database user and from the owner', async () => {
    // The application's role has no such privilege; the owner, which has, meets the trigger.
    for (const [query, refusal] of [[(sql: string) => api.dataSource.query(sql), /permission denied/], [queryAsOwner, /append-only/]] as const) {
      await expect(query(`UPDATE incident_events SET actor = 'someone else'`)).rejects.toThrow(refusal);
      await expect(query(`DELETE FROM incident_events`)).rejects.toThrow(refusal);
      await expect(query(`TRUNCATE incident_events`)).rejects.toThrow(refusal);
    }
  });
});

describe('hostile bodies never reach a 500', () => {
  let api: RunningApi;
  let duty: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    duty = await as(api.baseUrl, 'trucban');
    admin = await as(api.baseUrl, 'admin');
  });

  afterAll(() => api.close());

  const deepTargets: [string, 'anonymous' | 'duty' | 'admin', string, string, number][] = [
    ['login (anonymous)', 'anonymous', 'POST', '/auth/login', 5000],
    ['report incident', 'duty', 'POST', '/incidents', 5000],
    ['create cluster', 'admin', 'POST', '/clusters', 5000],
    ['create site', 'admin', 'POST', '/sites', 2000],
    ['create user', 'admin', 'POST', '/users', 5000],
    ['update SLA policy', 'admin', 'PUT', '/sla-policies/minor/P2', 5000],
    ['an unknown route', 'anonymous', 'POST', '/nowhere', 5000],
  ];

  it.each(deepTargets)('refuses a body nested thousands deep on %s with 400 payload_too_deep', async (_name, who, method, path, depth) => {
    const headers: Record<string, string> = who === 'anonymous' ? {} : { authorization: `Bearer ${(who === 'duty' ? duty : admin).session.token}` };
    const before = await rowCounts(api);
    const response = await rawRequest(api.baseUrl, method, path, nestedJson(depth), headers);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'payload_too_deep' });
    expect(await rowCounts(api)).toEqual(before);
  });

  it('still accepts ordinary nesting', async () => {
    const response = await rawRequest(api.baseUrl, 'POST', '/incidents', JSON.stringify({ a: { b: { c: [[1]] } } }), {
      authorization: `Bearer ${duty.session.token}`,
    });
    expect(response.body.code).toBe('validation_failed');
  });

  it.each([
    ['__proto__ at the top', '{"__proto__":{"polluted":true},"siteId":"x"}', '__proto__'],
    ['constructor at the top', '{"constructor":{"prototype":{"polluted":true}}}', 'constructor'],
    ['__proto__ deep inside', '{"description":"x","responderIds":[{"a":{"__proto__":{"polluted":true}}}]}', 'responderIds.0.a.__proto__'],
    ['prototype inside constructor-free keys', '{"x":{"prototype":1}}', 'x.prototype'],
  ])('refuses %s, naming the field', async (_name, body, field) => {
    const response = await rawRequest(api.baseUrl, 'POST', '/incidents', body, { authorization: `Bearer ${duty.session.token}` });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.fields?.map((problem) => problem.field)).toContain(field);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  const encodings = ['gzip', 'deflate', 'br'];
  const encodingTargets: [string, string, string, boolean][] = [
    ['health', 'GET', '/health', false],
    ['login', 'POST', '/auth/login', false],
    ['report incident', 'POST', '/incidents', true],
  ];
  it.each(encodings.flatMap((encoding) => encodingTargets.map(([name, method, path, auth]) => [encoding, name, method, path, auth] as const)))(
    'answers Content-Encoding: %s on a body that is not compressed (%s) with a 4xx JSON error',
    async (encoding, _name, method, path, auth) => {
      const headers: Record<string, string> = { 'content-encoding': encoding, ...(auth ? { authorization: `Bearer ${duty.session.token}` } : {}) };
      const response = await rawRequest(api.baseUrl, method, path, '{"username":"trucban","password":"x"}', headers);
      expect(response.status).toBe(400);
      expect(response.contentType).toMatch(/json/);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'malformed_body_encoding' });
    },
  );

  it('answers an unknown Content-Encoding with 415', async () => {
    const response = await rawRequest(api.baseUrl, 'POST', '/auth/login', '{}', { 'content-encoding': 'zstd-nonsense' });
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('unsupported_media_type');
  });
});

describe('a second record with a unique key is 409 naming the field, sequential or parallel', () => {
  let api: RunningApi;
  let admin: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
  });

  afterAll(() => api.close());

  function expectConflictOn(result: { status: number; body: unknown }, field: string): void {
    const body = result.body as ApiErrorBody;
    expect(result.status).toBe(409);
    expect(body.code).toBe('already_exists');
    expect(body.fields?.map((problem) => problem.field)).toEqual([field]);
    expect(JSON.stringify(body)).not.toMatch(/duplicate key|violates|_key\b|SELECT|INSERT/);
  }

  it('refuses a duplicate cluster name and a rename onto an existing name', async () => {
    const first = await admin.request<{ id: string }>('POST', '/clusters', { operatorCode: 'mobifone', name: 'Cụm trùng tên A', communeCodes: [] });
    expect(first.status).toBe(201);
    expectConflictOn(await admin.request('POST', '/clusters', { operatorCode: 'mobifone', name: 'Cụm trùng tên A', communeCodes: [] }), 'name');
    const second = await admin.request<{ id: string }>('POST', '/clusters', { operatorCode: 'mobifone', name: 'Cụm trùng tên B', communeCodes: [] });
    expect(second.status).toBe(201);
    expectConflictOn(await admin.request('PATCH', `/clusters/${second.body.id}`, { name: 'Cụm trùng tên A' }), 'name');
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM clusters WHERE name LIKE 'Cụm trùng tên %'`);
    expect(n).toBe(2);
  });

  it('creates one user when the same username is sent ten times at once', async () => {
    const body = { username: 'song.song', displayName: 'Song song', password: 'Song-song-2026!', role: 'leadership' };
    const results = await Promise.all(Array.from({ length: 10 }, () => admin.request('POST', '/users', body)));
    expect(results.filter((result) => result.status === 201)).toHaveLength(1);
    for (const result of results.filter((result) => result.status !== 201)) expectConflictOn(result, 'username');
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE username = 'song.song'`);
    expect(n).toBe(1);
  });

  it('creates one site when the same code is sent ten times at once', async () => {
    const body = { code: 'LSN9990-01', name: 'Trạm song song', kind: 'bts', operatorCode: 'viettel', communeCode: '05977', latitude: 21.85, longitude: 106.76, priority: 'P2' };
    const results = await Promise.all(Array.from({ length: 10 }, () => admin.request('POST', '/sites', body)));
    expect(results.filter((result) => result.status === 201)).toHaveLength(1);
    for (const result of results.filter((result) => result.status !== 201)) expectConflictOn(result, 'code');
  });
});
