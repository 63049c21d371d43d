import fc from 'fast-check';
import { API_ERROR_CODES, FIELD_PROBLEM_CODES, type ApiErrorBody, type IncidentDto, type SiteSummaryDto, type UserDto } from '@netduty/contracts';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { rawRequest } from './support/raw-request';
import { as, findSite, http, reportIncident, startApi, type ApiClient, type RunningApi } from './support/stack';

/** The wire's promise: a code from ApiErrorCode, and each field problem a code (with parameters), never a sentence. */
function expectTypedError(body: Partial<ApiErrorBody>): void {
  expect(API_ERROR_CODES).toContain(body.code);
  for (const problem of body.fields ?? []) {
    expect(FIELD_PROBLEM_CODES).toContain(problem.code);
    expect(Object.keys(problem).sort()).toEqual(problem.params ? ['code', 'field', 'params'] : ['code', 'field']);
  }
}

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
           (SELECT max(version) FROM incidents) AS versions,
           (SELECT md5(string_agg(id || name || version, ',' ORDER BY id)) FROM on_duty_groups) AS rosters,
           (SELECT count(*) FROM shift_handovers)::int AS handovers,
           (SELECT count(*) FROM situation_reports)::int AS reports,
           (SELECT md5(coalesce(string_agg(id || remarks || coalesce(signed_off_at::text, ''), ',' ORDER BY id), '')) FROM situation_reports) AS report_changes,
           (SELECT md5(string_agg(id || name || levels::text || repeat, ',' ORDER BY id)) FROM escalation_policies) AS chains,
           (SELECT md5(coalesce(string_agg(id || name || starts_at || ends_at, ',' ORDER BY id), '')) FROM event_periods) AS periods,
           (SELECT md5(string_agg(id || name || phone || active, ',' ORDER BY id)) FROM responders) AS responders,
           (SELECT md5(coalesce(string_agg(id || name || enabled || rate_limit_per_second || coalesce(url, ''), ',' ORDER BY id), '')) FROM notification_gateways) AS gateways,
           (SELECT md5(coalesce(string_agg(user_id || severity || channels::text, ',' ORDER BY user_id, severity), '')) FROM notification_preferences) AS preferences`);
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

/** A JSON text nested `depth` levels deep, of random objects and arrays, around `leaf`. */
const deepJson = fc
  .record({ depth: fc.integer({ min: 65, max: 5000 }), kinds: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), key: fc.string({ maxLength: 6 }) })
  .map(({ depth, kinds, key }) => {
    let open = '';
    let close = '';
    for (let level = 0; level < depth; level += 1) {
      const isArray = kinds[level % kinds.length];
      open += isArray ? '[' : `{${JSON.stringify(key)}:`;
      close = (isArray ? ']' : '}') + close;
    }
    return `${open}1${close}`;
  });

/** A prototype key placed at a random depth of a random path. */
const prototypeKeyBody = fc
  .record({ key: fc.constantFrom('__proto__', 'constructor', 'prototype'), path: fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 6 }) })
  .map(({ key, path }) => ({
    field: [...path, key].join('.'),
    json: path.reduceRight((inner, segment) => `{${JSON.stringify(segment)}:${inner}}`, `{${JSON.stringify(key)}:{"polluted":true}}`),
  }));

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
  let rosterGroupId: string;
  let gatewayId: string;
  let gatewaysBefore: string[];
  /** A valid gateway body; disabled, so nothing is ever sent through a fuzz case's gateway. */
  const gatewayBody = () => ({ kind: 'sms', name: 'fuzz-gateway', url: 'http://127.0.0.1:9/sms', bodyTemplate: '{"to":"{{address}}","text":"{{text}}"}', enabled: false });
  /** A valid roster body naming the duty officer (a fuzz case may replace the target group's roster). */
  const rosterBody = (name: string) => ({
    name,
    kind: 'department',
    clusterId: null,
    timeZone: 'Asia/Ho_Chi_Minh',
    rotations: [
      {
        id: 'r',
        templates: [{ id: 't', startTime: '07:00', endTime: '19:00' }],
        weekdays: [1, 2, 3, 4, 5],
        anchorDate: '2026-12-07',
        crews: [{ memberIds: [duty.session.user.id], leadId: duty.session.user.id }],
        effectiveFrom: '2026-12-07T00:00:00Z',
        effectiveUntil: null,
      },
    ],
    oneOffShifts: [{ id: 'o', startsAt: '2026-12-24T00:00:00Z', endsAt: '2026-12-24T12:00:00Z', memberIds: [duty.session.user.id], leadId: duty.session.user.id }],
    overrides: [],
    swaps: [],
  });

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
    const group = await admin.request<{ id: string }>('POST', '/on-duty-groups', rosterBody('Tổ trực thử nghiệm fuzz'));
    rosterGroupId = group.body.id;
    gatewaysBefore = ((await api.dataSource.query(`SELECT id FROM notification_gateways`)) as { id: string }[]).map((row) => row.id);
    gatewayId = (await admin.request<{ id: string }>('POST', '/notification-gateways', { ...gatewayBody(), name: 'fuzz-target-gateway' })).body.id;
  });

  afterAll(async () => {
    // A valid fuzz case may have made an enabled gateway with no one listening: keep later files off it.
    await api.dataSource.query(`UPDATE notification_gateways SET enabled = false WHERE NOT (id = ANY($1::uuid[]))`, [gatewaysBefore]);
    await api.close();
  });

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
    ['create on-duty group', () => admin, 'POST', () => '/on-duty-groups', () => rosterBody('Tổ trực fuzz mới')],
    ['replace roster', () => admin, 'PUT', () => `/on-duty-groups/${rosterGroupId}`, () => rosterBody('Tổ trực thử nghiệm fuzz')],
    ['cover a shift', () => duty, 'POST', () => `/on-duty-groups/${rosterGroupId}/overrides`, () => ({ startsAt: '2026-12-08T00:00:00Z', endsAt: '2026-12-08T06:00:00Z', memberIds: [duty.session.user.id], leadId: duty.session.user.id })],
    ['swap a person', () => duty, 'POST', () => `/on-duty-groups/${rosterGroupId}/swaps`, () => ({ templateId: 't', occurrenceStartsAt: '2026-12-08T00:00:00Z', outgoingUserId: duty.session.user.id, incomingUserId: admin.session.user.id })],
    ['create escalation policy', () => admin, 'POST', () => '/escalation-policies', () => ({ name: 'x', operatorCode: 'viettelpost', priority: 'P0', repeat: 0, levels: [{ waitSeconds: 0, recipients: [{ kind: 'role', role: 'leadership' }] }] })],
    ['escalate now', () => duty, 'POST', () => `/incidents/${incident.id}/escalate`, () => ({ targetLevel: 1, reason: 'x' })],
    ['de-escalate', () => duty, 'POST', () => `/incidents/${incident.id}/de-escalate`, () => ({ targetLevel: 1, reason: 'x' })],
    ['create event period', () => admin, 'POST', () => '/event-periods', () => ({ name: 'x', startsAt: '2030-01-01T00:00:00Z', endsAt: '2029-01-02T00:00:00Z', p0SiteIds: [], slaFactor: 0.5, slaOverrides: {}, p0LeadershipLevel: null, reportIntervalMinutes: 60 })],
    ['create responder', () => admin, 'POST', () => '/responders', () => ({ clusterId: clusterId, name: 'x', phone: 'x' })],
    ['update responder', () => admin, 'PATCH', () => '/responders/00000000-0000-4000-8000-000000000000', () => ({ phone: 'x' })],
    ['my notification preferences', () => duty, 'PUT', () => '/me/notification-preferences', () => ({ preferences: [{ severity: 'minor', channels: ['in_app', 'email'] }] })],
    ['create notification gateway', () => admin, 'POST', () => '/notification-gateways', gatewayBody],
    ['update notification gateway', () => admin, 'PATCH', () => `/notification-gateways/${gatewayId}`, () => ({ ...gatewayBody(), name: 'fuzz-target-gateway' })],
    ['test notification gateway', () => admin, 'POST', () => `/notification-gateways/${gatewayId}/test`, () => ({ address: '0912001001' })],
    ['hand over a shift', () => duty, 'POST', () => '/on-duty-groups/00000000-0000-4000-8000-000000000001/handovers', () => ({ notes: 'x', shiftStartsAt: '2026-12-07T00:00:00Z' })],
    ['generate a situation report', () => duty, 'POST', () => '/situation-reports', () => ({ from: '2026-01-01T00:00:00Z', to: '2026-01-01T12:00:00+07:00', language: 'vi' })],
    ['report remarks', () => duty, 'PATCH', () => '/situation-reports/00000000-0000-4000-8000-000000000000', () => ({ remarks: 'x' })],
    ['cyber-incident form', () => duty, 'POST', () => '/incidents/00000000-0000-4000-8000-000000000000/cyber-reports', () => ({ stage: 'initial', beyondCapability: false, summary: 'x' })],
  ];

  it.each(targets)('%s', async (_name, client, method, path, valid) => {
    await fc.assert(
      fc.asyncProperty(hostileBodies(valid()), async (body) => {
        const before = await businessRowCounts(api);
        const { status, body: answer } = await client().request<Partial<ApiErrorBody>>(method, path(), JSON.stringify(body));
        expect(status).toBeLessThan(500);
        if (status >= 400) {
          expect(await businessRowCounts(api)).toEqual(before);
          expectTypedError(answer);
        }
      }),
      { numRuns: 40 },
    );
  });

  it.each(targets)('%s: bodies nested 65 to 5,000 deep are 400 payload_too_deep', async (_name, client, method, path) => {
    await fc.assert(
      fc.asyncProperty(deepJson, async (json) => {
        const before = await businessRowCounts(api);
        const response = await rawRequest(api.baseUrl, method, path(), json, { authorization: `Bearer ${client().session.token}` });
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('payload_too_deep');
        expect(await businessRowCounts(api)).toEqual(before);
      }),
      { numRuns: 5 },
    );
  });

  it('prototype keys at any depth are refused and named, on every target', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), prototypeKeyBody, async ([, client, method, path], { field, json }) => {
        const before = await businessRowCounts(api);
        const response = await rawRequest(api.baseUrl, method, path(), json, { authorization: `Bearer ${client().session.token}` });
        expect(response.status).toBe(400);
        expect(response.body.fields?.map((problem) => problem.field)).toContain(field);
        expect(await businessRowCounts(api)).toEqual(before);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('a body not in its declared Content-Encoding is a 4xx JSON error on every route, anonymous ones included', async () => {
    const compressors: Record<string, (input: Buffer) => Buffer> = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
    const anonymous = [
      ['GET', '/health'],
      ['POST', '/auth/login'],
    ] as const;
    const route = fc.oneof(
      fc.constantFrom(...targets).map(([, client, method, path]) => ({ method, path: path(), token: client().session.token as string | null })),
      fc.constantFrom(...anonymous).map(([method, path]) => ({ method, path, token: null as string | null })),
    );
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
      fc.json().map((text) => Buffer.from(text)),
    );
    await fc.assert(
      fc.asyncProperty(route, fc.constantFrom('gzip', 'deflate', 'br', 'x-gzip', 'compress', 'gzip, br'), body, fc.boolean(), async (target, encoding, raw, compress) => {
        const compressor = compressors[encoding];
        const payload = compress && compressor ? compressor(raw) : raw;
        const before = await businessRowCounts(api);
        const response = await rawRequest(api.baseUrl, target.method, target.path, payload, {
          'content-encoding': encoding,
          ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
        });
        expect(response.status).toBeLessThan(500);
        expect(response.contentType ?? '').toMatch(/json/);
        // An empty or genuinely compressed body on GET /health is a healthy 200; every refusal is typed.
        if (response.status >= 400) {
          expect(typeof response.body.code).toBe('string');
          expect(await businessRowCounts(api)).toEqual(before);
          expectTypedError(response.body as Partial<ApiErrorBody>);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('parallel creation of one cluster name, username or site code makes one record and 409s naming the field', async () => {
    const creations = fc.constantFrom(
      (name: string) => ({ path: '/clusters', field: 'name', body: { operatorCode: 'vnpost', name: `Cụm ${name}`, communeCodes: [] } }),
      (name: string) => ({ path: '/users', field: 'username', body: { username: `dup.${name}`, displayName: 'Trùng', password: 'Trung-lap-2026!', role: 'leadership' } }),
      (name: string) => ({
        path: '/sites',
        field: 'code',
        body: { code: `DUP-${name}`, name: 'Trạm trùng', kind: 'postal_point', operatorCode: 'vnpost', communeCode: '05977', latitude: 21.85, longitude: 106.76, priority: 'P2' },
      }),
    );
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(creations, fc.stringMatching(/^[a-z0-9]{4,12}$/), fc.integer({ min: 2, max: 8 }), async (creation, name, copies) => {
        const { path, field, body } = creation(name);
        const fresh = !seen.has(`${path}:${name}`);
        seen.add(`${path}:${name}`);
        const results = await Promise.all(Array.from({ length: copies }, () => admin.request<{ code?: string; fields?: { field: string }[] }>('POST', path, body)));
        expect(results.filter((result) => result.status === 201)).toHaveLength(fresh ? 1 : 0);
        for (const refused of results.filter((result) => result.status !== 201)) {
          expect(refused.status).toBe(409);
          expect(refused.body.code).toBe('already_exists');
          expect(refused.body.fields?.map((problem) => problem.field)).toEqual([field]);
        }
      }),
      { numRuns: 15 },
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
