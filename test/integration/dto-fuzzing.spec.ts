import fc from 'fast-check';
import type { IncidentDto, SiteSummaryDto, UserDto } from '@netduty/contracts';
import { as, findSite, http, reportIncident, startApi, type ApiClient, type RunningApi } from './support/stack';

/** Business rows a refused request must never touch (the audit trail records refusals on purpose). */
async function businessRowCounts(api: RunningApi): Promise<Record<string, number>> {
  const [row] = await api.dataSource.query(`
    SELECT (SELECT count(*) FROM incidents)::int AS incidents,
           (SELECT count(*) FROM incident_events)::int AS events,
           (SELECT count(*) FROM incident_responders)::int AS assignments,
           (SELECT count(*) FROM escalations)::int AS escalations,
           (SELECT count(*) FROM users)::int AS users,
           (SELECT count(*) FROM clusters)::int AS clusters,
           (SELECT count(*) FROM cluster_communes)::int AS coverage,
           (SELECT md5(string_agg(name, ',' ORDER BY code)) FROM operators) AS operators,
           (SELECT md5(string_agg(acknowledge_seconds || '/' || restore_seconds, ',' ORDER BY severity, priority)) FROM sla_policies) AS policies,
           (SELECT md5(string_agg(username || role || active || coalesce(operator_code, '') || token_version, ',' ORDER BY id)) FROM users) AS accounts,
           (SELECT max(version) FROM incidents) AS versions`);
  return row;
}

const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ minLength: 4001, maxLength: 6000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.constant("'; DROP TABLE incidents; --"),
  fc.constant('<script>alert(1)</script>'),
  fc.constant('\u0000\u202e'),
  fc.constant({ __proto__: { polluted: true } }),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 4 }),
);

/** Random JSON, a valid body with one field made hostile, or a valid body with an extra field. */
function hostileBodies(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.constantFrom(...keys).chain((key) => hostileValue.map((value) => ({ ...valid, [key]: value }))),
    fc.record({ key: fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !keys.includes(key)), value: fc.anything() }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([name]) => name !== key))),
  );
}

describe('property-based fuzzing of every request body: 4xx, never 5xx, nothing written', () => {
  let api: RunningApi;
  let duty: ApiClient;
  let admin: ApiClient;
  let incident: IncidentDto;
  let site: SiteSummaryDto;
  let user: UserDto;
  let clusterId: string;

  beforeAll(async () => {
    api = await startApi();
    duty = await as(api.baseUrl, 'trucban');
    admin = await as(api.baseUrl, 'admin');
    site = await findSite(duty, 'luong van tri');
    incident = await reportIncident(duty, site);
    // Targets of their own: a fuzz case that happens to be valid may really change them.
    const created = await admin.request<UserDto>('POST', '/users', {
      username: 'fuzz.target',
      displayName: 'Fuzz target',
      password: 'Fuzz-target-2026!',
      role: 'leadership',
    });
    user = created.body;
    const cluster = await admin.request<{ id: string }>('POST', '/clusters', { operatorCode: 'viettelpost', name: 'Cụm thử nghiệm fuzz', communeCodes: [] });
    clusterId = cluster.body.id;
  });

  afterAll(() => api.close());

  const targets: [string, () => ApiClient, string, () => string, () => Record<string, unknown>][] = [
    ['report incident', () => duty, 'POST', () => '/incidents', () => ({ siteId: site.id, category: 'fibre_cut', severity: 'major', description: 'x' })],
    ['acknowledge', () => duty, 'POST', () => `/incidents/${incident.id}/acknowledge`, () => ({ note: 'x' })],
    ['assign', () => duty, 'POST', () => `/incidents/${incident.id}/assign`, () => ({ responderIds: ['00000000-0000-4000-8000-000000000001'] })],
    ['comment', () => duty, 'POST', () => `/incidents/${incident.id}/comments`, () => ({ text: 'x' })],
    ['resolve', () => duty, 'POST', () => `/incidents/${incident.id}/resolve`, () => ({ note: 'x' })],
    ['reopen', () => duty, 'POST', () => `/incidents/${incident.id}/reopen`, () => ({ note: 'x' })],
    ['update SLA policy', () => admin, 'PUT', () => '/sla-policies/minor/P2', () => ({ acknowledgeSeconds: 60, restoreSeconds: 600 })],
    ['change password', () => duty, 'POST', () => '/auth/change-password', () => ({ currentPassword: 'x', newPassword: 'y' })],
    ['create user', () => admin, 'POST', () => '/users', () => ({ username: 'fuzz', displayName: 'x', password: 'x', role: 'admin' })],
    ['update user', () => admin, 'PATCH', () => `/users/${user.id}`, () => ({ role: 'cluster_staff', active: false })],
    ['reset password', () => admin, 'POST', () => `/users/${user.id}/reset-password`, () => ({ newPassword: 'x' })],
    ['rename operator', () => admin, 'PATCH', () => '/operators/viettelpost', () => ({ name: 'x' })],
    ['create cluster', () => admin, 'POST', () => '/clusters', () => ({ operatorCode: 'viettel', name: 'x', communeCodes: ['x'] })],
    ['create site', () => admin, 'POST', () => '/sites', () => ({ code: 'FUZZ-1', name: 'x', kind: 'postal_point', operatorCode: 'vnpost', communeCode: 'nope', latitude: 21.8, longitude: 106.7, priority: 'P2' })],
    ['update site', () => admin, 'PATCH', () => `/sites/${site.id}`, () => ({ communeCode: 'nope' })],
    ['update cluster', () => admin, 'PATCH', () => `/clusters/${clusterId}`, () => ({ communeCodes: ['nope'] })],
  ];

  it.each(targets)('%s', async (_name, client, method, path, valid) => {
    await fc.assert(
      fc.asyncProperty(hostileBodies(valid()), async (body) => {
        const before = await businessRowCounts(api);
        const { status } = await client().request(method, path(), JSON.stringify(body));
        expect(status).toBeLessThan(500);
        if (status >= 400) expect(await businessRowCounts(api)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('login with random and hostile credentials', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBodies({ username: 'khach', password: 'x' }), async (body) => {
        const before = await businessRowCounts(api);
        const { status } = await http(api.baseUrl, 'POST', '/auth/login', JSON.stringify(body));
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
        expect(await businessRowCounts(api)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it.each([['/incidents'], ['/sites'], ['/audit']])('query string of %s', async (path) => {
    const params = fc.dictionary(
      fc.constantFrom('status', 'severity', 'operator', 'commune', 'open', 'q', 'limit', 'page', 'pageSize', 'from', 'to', 'outcome', 'x'),
      fc.oneof(fc.string(), fc.constant("' OR 1=1 --"), fc.integer().map(String), fc.constant('%00')),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(params, async (query) => {
        const { status } = await admin.request('GET', `${path}?${new URLSearchParams(query).toString()}`);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});
