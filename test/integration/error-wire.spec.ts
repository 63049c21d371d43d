import { API_ERROR_CODES, SEVERITIES, type ApiErrorBody, type SiteSummaryDto } from '@netduty/contracts';
import { as, findSite, startApi, type ApiClient, type RunningApi } from './support/stack';

/** Field problems travel as {field, code, params}; the console words them, so no sentence is parsed anywhere. */
describe('the error wire', () => {
  let api: RunningApi;
  let duty: ApiClient;
  let admin: ApiClient;
  let site: SiteSummaryDto;

  beforeAll(async () => {
    api = await startApi();
    duty = await as(api.baseUrl, 'trucban');
    admin = await as(api.baseUrl, 'admin');
    site = await findSite(duty, 'dong kinh');
  });

  afterAll(async () => {
    await api.close();
  });

  const report = (extra: Record<string, unknown>) =>
    duty.request<ApiErrorBody>('POST', '/incidents', {
      siteId: site.id,
      category: 'mains_failure',
      severity: 'major',
      description: 'Mất điện lưới',
      reporterName: 'Tổ trực',
      ...extra,
    });

  it('gives a too-long text its limit', async () => {
    const { status, body } = await report({ description: 'x'.repeat(4001) });
    expect(status).toBe(400);
    expect(body.code).toBe('validation_failed');
    expect(body.fields).toEqual([{ field: 'description', code: 'too_long', params: { max: 4000 } }]);
  });

  it('gives a value outside an enumeration the allowed values', async () => {
    const { body } = await report({ severity: 'apocalyptic' });
    expect(body.fields).toEqual([{ field: 'severity', code: 'not_one_of', params: { allowed: [...SEVERITIES] } }]);
  });

  it('names unknown fields and NUL characters with their own codes', async () => {
    const unknown = await report({ colour: 'red' });
    expect(unknown.body.fields).toEqual([{ field: 'colour', code: 'unknown_field' }]);
    const nul = await report({ description: 'a\u0000b' });
    expect(nul.body.fields).toEqual([{ field: 'description', code: 'contains_nul' }]);
  });

  it('words the password policy as codes with parameters', async () => {
    const { status, body } = await admin.request<ApiErrorBody>('POST', '/users', {
      username: 'wire.test',
      displayName: 'Wire test',
      password: 'wire.test',
      role: 'cluster_staff',
    });
    expect(status).toBe(400);
    expect(body.fields).toEqual(
      expect.arrayContaining([
        { field: 'password', code: 'too_short', params: { min: 12 } },
        { field: 'password', code: 'too_few_character_kinds', params: { min: 3 } },
        { field: 'password', code: 'contains_username' },
        { field: 'operatorCode', code: 'required_for_role', params: { role: 'cluster_staff' } },
      ]),
    );
  });

  it('refuses a site whose kind its operator does not run, naming the kinds it does', async () => {
    const { status, body } = await admin.request<ApiErrorBody>('POST', '/sites', {
      code: 'WIRE-POSTAL-BTS',
      name: 'Bưu cục có trạm BTS',
      kind: 'bts',
      operatorCode: 'vnpost',
      communeCode: site.commune.code,
      latitude: 21.85,
      longitude: 106.76,
      priority: 'P2',
    });
    expect(status).toBe(400);
    expect(body.fields).toEqual([{ field: 'kind', code: 'not_one_of', params: { allowed: ['postal_point'] } }]);
  });

  it('answers with codes from ApiErrorCode only', async () => {
    const answers = await Promise.all([
      duty.request<ApiErrorBody>('GET', '/incidents/00000000-0000-4000-8000-000000000000'),
      duty.request<ApiErrorBody>('GET', '/incidents/not-a-uuid'),
      duty.request<ApiErrorBody>('POST', '/incidents', '{'),
      duty.request<ApiErrorBody>('GET', '/users'),
    ]);
    for (const { body } of answers) expect(API_ERROR_CODES).toContain(body.code);
    expect(answers[1]?.body.fields).toEqual([{ field: 'id', code: 'not_a_uuid' }]);
  });
});
