import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TmfTroubleTicket } from '@netduty/alarms';
import type { IncidentDetailDto, IncidentDto, ResponderDto } from '@netduty/contracts';
import { as, startApi, type ApiClient, type RunningApi } from './support/stack';
import { newNmsSource, tmfAt, type TmfErrorShape } from './support/tmf642';

const run = randomBytes(3).toString('hex');
const BASE = '/tmf-api/troubleTicket/v4';

/** The TMF621 document as the project ships it (TM Forum's, Apache-2.0), compiled here apart from the api's code. */
const SPEC_FILE = join(__dirname, '../../libs/alarms/src/lib/tmf621/TMF621-TroubleTicket-v4.0.0.swagger.json');
type ResponseDefinition = 'TroubleTicket' | 'EventSubscription' | 'Error';

function responseValidators(): Record<ResponseDefinition, ValidateFunction> {
  const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as { definitions: Record<string, unknown> };
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv, ['date-time', 'uri']);
  // Quantity.amount is `format: float`: Swagger 2.0's hint for a number's storage, not a rule to check.
  ajv.addFormat('float', true);
  ajv.addSchema({ $id: 'tmf621-test', definitions: spec.definitions });
  const compile = (name: ResponseDefinition) => ajv.compile({ $ref: `tmf621-test#/definitions/${name}` });
  return { TroubleTicket: compile('TroubleTicket'), EventSubscription: compile('EventSubscription'), Error: compile('Error') };
}

/**
 * TMF621 Trouble Ticket over incidents end to end, on the real api, Postgres and Redis: a ticketing
 * system (an NMS source and its key, made through the admin API) opens, follows and closes a ticket
 * while the duty desk works the incident; every answer is checked against the spec's own schema.
 */
describe('TMF621 trouble tickets', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let duty: ApiClient;
  let validators: Record<ResponseDefinition, ValidateFunction>;
  let viettelKey: string;
  let vnptKey: string;
  let viettelSite: string;
  let vnptSite: string;
  const viettelSource = `viettel-tt-${run}`;

  const tt = <T = unknown>(method: string, path: string, key: string | null, body?: unknown) => tmfAt<T>(api.baseUrl, BASE, method, path, key, body);

  function conforms(definition: ResponseDefinition, body: unknown): void {
    const validate = validators[definition];
    if (!validate(body)) throw new Error(`${definition} does not conform: ${JSON.stringify(validate.errors)}\n${JSON.stringify(body)}`);
  }

  function ticketBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      description: 'Khách hàng báo mất sóng 4G quanh trạm',
      severity: 'Major',
      ticketType: 'equipment',
      relatedEntity: [{ id: viettelSite, role: 'site', '@referredType': 'Site' }],
      ...overrides,
    };
  }

  async function open(overrides: Record<string, unknown> = {}): Promise<TmfTroubleTicket> {
    const created = await tt<TmfTroubleTicket>('POST', '/troubleTicket', viettelKey, ticketBody(overrides));
    if (created.status !== 201) throw new Error(`open: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  beforeAll(async () => {
    validators = responseValidators();
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
    duty = await as(api.baseUrl, 'trucban');
    const [viettel] = (await api.dataSource.query(`SELECT code FROM sites WHERE operator_code = 'viettel' ORDER BY code LIMIT 1`)) as { code: string }[];
    const [vnpt] = (await api.dataSource.query(`SELECT code FROM sites WHERE operator_code = 'vnpt' ORDER BY code LIMIT 1`)) as { code: string }[];
    if (!viettel || !vnpt) throw new Error('the demo province has no viettel or vnpt site');
    viettelSite = viettel.code;
    vnptSite = vnpt.code;
    viettelKey = await newNmsSource(admin, viettelSource, 'viettel', `Ticketing ${viettelSource}`);
    vnptKey = await newNmsSource(admin, `vnpt-tt-${run}`, 'vnpt');
  });

  afterAll(() => api.close());

  it('opens a ticket as an incident reported through the same use case, answering the TroubleTicket (201, Location)', async () => {
    const response = await tt<TmfTroubleTicket>('POST', '/troubleTicket', viettelKey, ticketBody({ severity: 'Critical', ticketType: 'fibre_cut' }));
    expect(response.status).toBe(201);
    conforms('TroubleTicket', response.body);
    expect(response.headers.get('location')).toBe(`${BASE}/troubleTicket/${response.body.id}`);
    expect(response.body).toMatchObject({
      status: 'pending',
      severity: 'critical',
      ticketType: 'fibre_cut',
      relatedEntity: [{ id: viettelSite, role: 'site', '@referredType': 'Site' }],
      statusChange: [{ status: 'pending' }],
      note: [],
      '@type': 'TroubleTicket',
    });
    expect(response.body.name).toMatch(/^SC-\d+$/);
    const { body: incident } = await duty.request<IncidentDetailDto>('GET', `/incidents/${response.body.id}`);
    expect(incident).toMatchObject({ status: 'reported', severity: 'critical', category: 'fibre_cut', origin: 'manual', reporterName: viettelSource, reportedBy: null });
    expect(incident.site.code).toBe(viettelSite);
    expect(incident.acknowledgeDeadline.dueAt).toBeDefined();
    expect(response.body.expectedResolutionDate).toBe(incident.restoreDeadline.dueAt);
    expect(incident.timeline.map((line) => line.type)).toEqual(['reported']);
  });

  it('lists the operator’s tickets with filters, fields and paging headers, and reads one', async () => {
    const externalId = `crm-list-${run}`;
    const created = await open({ externalId, severity: 'minor' });
    const list = await tt<TmfTroubleTicket[]>('GET', `/troubleTicket?externalId=${externalId}&status=pending,acknowledged&severity=minor&limit=5`, viettelKey);
    expect(list.status).toBe(200);
    expect(list.body.map((ticket) => ticket.id)).toEqual([created.id]);
    for (const ticket of list.body) conforms('TroubleTicket', ticket);
    expect(list.headers.get('x-total-count')).toBe('1');
    expect(list.headers.get('x-result-count')).toBe('1');
    expect(list.body[0]?.externalId).toBe(externalId);

    const since = encodeURIComponent(new Date(Date.now() - 60 * 60_000).toISOString());
    const page = await tt<TmfTroubleTicket[]>('GET', `/troubleTicket?creationDate.gt=${since}&offset=0&limit=1`, viettelKey);
    expect(page.body).toHaveLength(1);
    expect(Number(page.headers.get('x-total-count'))).toBeGreaterThan(1);
    expect(page.headers.get('x-result-count')).toBe('1');
    const none = await tt<TmfTroubleTicket[]>('GET', `/troubleTicket?externalId=${externalId}&status=closed`, viettelKey);
    expect(none.body).toEqual([]);
    expect(none.headers.get('x-total-count')).toBe('0');

    const selected = await tt<Record<string, unknown>[]>('GET', `/troubleTicket?externalId=${externalId}&fields=status,severity`, viettelKey);
    expect(selected.body).toEqual([{ id: created.id, href: created.href, status: 'pending', severity: 'minor', '@type': 'TroubleTicket' }]);

    const one = await tt<TmfTroubleTicket>('GET', `/troubleTicket/${created.id}`, viettelKey);
    expect(one.status).toBe(200);
    conforms('TroubleTicket', one.body);
    expect(one.body).toEqual(created);

    const bad = await tt<TmfErrorShape>('GET', '/troubleTicket?limit=0&colour=red&status=open', viettelKey);
    expect(bad.status).toBe(400);
    conforms('Error', bad.body);
    expect(bad.body.problems?.map((problem) => problem.field).sort()).toEqual(['colour', 'limit', 'status']);
  });

  it('follows the duty desk’s work and receives the resolution; notes become comments; the ticketing system closes it', async () => {
    const ticket = await open();
    const base = `/incidents/${ticket.id}`;

    const noted = await tt<TmfTroubleTicket>('PATCH', `/troubleTicket/${ticket.id}`, viettelKey, { note: [{ text: 'Khách hàng ở số 12 Lê Lợi, gọi trước khi đến' }] });
    expect(noted.status).toBe(200);
    conforms('TroubleTicket', noted.body);
    expect(noted.body.note).toEqual([expect.objectContaining({ author: viettelSource, text: 'Khách hàng ở số 12 Lê Lợi, gọi trước khi đến', '@type': 'Note' })]);
    const { body: commented } = await duty.request<IncidentDetailDto>('GET', base);
    expect(commented.timeline.map((line) => line.type)).toEqual(['reported', 'commented']);

    expect((await duty.request<IncidentDto>('POST', `${base}/acknowledge`, {})).status).toBe(200);
    expect((await tt<TmfTroubleTicket>('GET', `/troubleTicket/${ticket.id}`, viettelKey)).body.status).toBe('acknowledged');
    const { body: candidates } = await duty.request<ResponderDto[]>('GET', `${base}/candidate-responders`);
    expect((await duty.request<IncidentDto>('POST', `${base}/assign`, { responderIds: candidates.slice(0, 1).map((responder) => responder.id) })).status).toBe(200);
    expect((await tt<TmfTroubleTicket>('GET', `/troubleTicket/${ticket.id}`, viettelKey)).body.status).toBe('inProgress');

    // Not the ticketing system's to resolve, nor to close before NetDuty resolved it: 422 naming status, nothing written.
    const early = await tt<TmfErrorShape>('PATCH', `/troubleTicket/${ticket.id}`, viettelKey, { status: 'closed', note: [{ text: 'đóng luôn' }] });
    expect(early.status).toBe(422);
    conforms('Error', early.body);
    expect(early.body.problems).toEqual([{ field: 'status', code: 'not_one_of', params: { allowed: [], rule: 'from_inProgress' } }]);
    expect((await duty.request<IncidentDetailDto>('GET', base)).body.timeline.filter((line) => line.type === 'commented')).toHaveLength(1);

    expect((await duty.request<IncidentDto>('POST', `${base}/resolve`, { note: 'Thay card quang, sóng đã ổn định' })).status).toBe(200);
    const resolved = await tt<TmfTroubleTicket>('GET', `/troubleTicket/${ticket.id}`, viettelKey);
    conforms('TroubleTicket', resolved.body);
    const { body: incident } = await duty.request<IncidentDetailDto>('GET', base);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolutionDate: incident.resolvedAt, statusChangeReason: 'Thay card quang, sóng đã ổn định' });
    expect(resolved.body.statusChange.map((change) => change.status)).toEqual(['pending', 'acknowledged', 'inProgress', 'resolved']);
    expect(resolved.body.note.map((note) => note.text)).toContain('Thay card quang, sóng đã ổn định');

    const cancel = await tt<TmfErrorShape>('PATCH', `/troubleTicket/${ticket.id}`, viettelKey, { status: 'cancelled' });
    expect(cancel.status).toBe(422);
    expect(cancel.body.problems).toEqual([{ field: 'status', code: 'not_one_of', params: { allowed: ['closed', 'held'], rule: 'from_resolved' } }]);
    const reopenWithoutReason = await tt<TmfErrorShape>('PATCH', `/troubleTicket/${ticket.id}`, viettelKey, { status: 'held' });
    expect(reopenWithoutReason.status).toBe(422);
    expect(reopenWithoutReason.body.problems?.[0]?.field).toBe('statusChangeReason');

    const closed = await tt<TmfTroubleTicket>('PATCH', `/troubleTicket/${ticket.id}`, viettelKey, { status: 'closed', statusChangeReason: 'Khách hàng xác nhận đã có sóng' });
    expect(closed.status).toBe(200);
    conforms('TroubleTicket', closed.body);
    expect(closed.body).toMatchObject({ status: 'closed', statusChangeReason: 'Khách hàng xác nhận đã có sóng' });
    expect((await duty.request<IncidentDto>('GET', base)).body.status).toBe('closed');
    // A retried PATCH of the status it already has changes nothing.
    const again = await tt<TmfTroubleTicket>('PATCH', `/troubleTicket/${ticket.id}`, viettelKey, { status: 'closed' });
    expect(again.status).toBe(200);
    expect(again.body.statusChange).toEqual(closed.body.statusChange);
  });

  it('disputes a resolution: held reopens the incident with the reason', async () => {
    const ticket = await open();
    const base = `/incidents/${ticket.id}`;
    await duty.request('POST', `${base}/acknowledge`, {});
    await duty.request('POST', `${base}/resolve`, {});
    const disputed = await tt<TmfTroubleTicket>('PATCH', `/troubleTicket/${ticket.id}`, viettelKey, { status: 'held', statusChangeReason: 'Vẫn mất sóng từ 9 giờ' });
    expect(disputed.status).toBe(200);
    conforms('TroubleTicket', disputed.body);
    expect(disputed.body).toMatchObject({ status: 'held', statusChangeReason: 'Vẫn mất sóng từ 9 giờ' });
    expect((await duty.request<IncidentDto>('GET', base)).body.status).toBe('reopened');
  });

  it('keeps each operator to its own tickets: another operator’s key gets 404, as for one that does not exist', async () => {
    const ticket = await open();
    for (const [method, body] of [['GET', undefined], ['PATCH', { note: [{ text: 'x' }] }]] as const) {
      const foreign = await tt<TmfErrorShape>(method, `/troubleTicket/${ticket.id}`, vnptKey, body);
      expect(foreign.status).toBe(404);
      conforms('Error', foreign.body);
    }
    expect((await tt('GET', `/troubleTicket/${randomUUID()}`, viettelKey)).status).toBe(404);
    expect((await tt('GET', '/troubleTicket/not-a-uuid', viettelKey)).status).toBe(404);
    const listed = await tt<TmfTroubleTicket[]>('GET', '/troubleTicket?limit=1000', vnptKey);
    expect(listed.body.map((item) => item.id)).not.toContain(ticket.id);
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1 AND type = 'commented'`, [ticket.id]))[0].n).toBe(0);
    expect((await tt('GET', '/troubleTicket', null)).status).toBe(401);
  });

  it('refuses bad bodies with a TMF error naming the field, writing nothing', async () => {
    const before = (await api.dataSource.query(`SELECT count(*)::int AS n FROM incidents`))[0].n as number;
    const cases: [unknown, number, string[]][] = [
      [{ ...ticketBody(), description: 42 }, 400, ['description']],
      [{ severity: 'Major', ticketType: 'equipment' }, 400, ['description']],
      [{ ...ticketBody(), relatedEntity: [{ id: viettelSite }] }, 400, ['relatedEntity.0.@referredType', 'relatedEntity.0.role']],
      [{ ...ticketBody(), status: 'open' }, 400, ['status']],
      [ticketBody({ severity: 'Blocker', ticketType: 'plumbing' }), 422, ['severity', 'ticketType']],
      [ticketBody({ status: 'resolved', priority: 'High' }), 422, ['priority', 'status']],
      [ticketBody({ relatedEntity: [] }), 422, ['relatedEntity']],
      [ticketBody({ relatedEntity: [{ id: vnptSite, role: 'site', '@referredType': 'Site' }] }), 422, ['relatedEntity.0.id']],
      [ticketBody({ relatedEntity: [{ id: `NO-SUCH-${run}`, role: 'site', '@referredType': 'Site' }] }), 422, ['relatedEntity.0.id']],
      ['[1,2', 400, []],
    ];
    for (const [body, status, fields] of cases) {
      const response = await tt<TmfErrorShape>('POST', '/troubleTicket', viettelKey, body);
      expect({ body, status: response.status }).toEqual({ body, status });
      conforms('Error', response.body);
      expect((response.body.problems ?? []).map((problem) => problem.field).sort()).toEqual(fields);
    }
    const ticket = await open();
    const patch = await tt<TmfErrorShape>('PATCH', `/troubleTicket/${ticket.id}`, viettelKey, { description: 'khác', note: [{ author: 'x' }] });
    expect(patch.status).toBe(422);
    conforms('Error', patch.body);
    expect(patch.body.problems?.map((problem) => problem.field).sort()).toEqual(['description', 'note.0.text']);
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM incidents`))[0].n).toBe(before + 1);
  });

  it('opens once per externalId of a source: a retry answers the same ticket (200), another body with it is refused', async () => {
    const externalId = `crm-${randomUUID()}`;
    const first = await tt<TmfTroubleTicket>('POST', '/troubleTicket', viettelKey, ticketBody({ externalId }));
    const [retry, retryAgain] = await Promise.all([0, 1].map(() => tt<TmfTroubleTicket>('POST', '/troubleTicket', viettelKey, ticketBody({ externalId }))));
    expect(first.status).toBe(201);
    expect([retry?.status, retryAgain?.status]).toEqual([200, 200]);
    expect(retry?.body.id).toBe(first.body.id);
    conforms('TroubleTicket', retry?.body);
    expect(retry?.body.externalId).toBe(externalId);
    const changed = await tt<TmfErrorShape>('POST', '/troubleTicket', viettelKey, ticketBody({ externalId, description: 'một sự cố khác' }));
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('idempotency_key_reused');
    const rows = (await api.dataSource.query(`SELECT count(*)::int AS n FROM incidents WHERE idempotency_key = $1`, [externalId])) as { n: number }[];
    expect(rows[0]?.n).toBe(1);
  });

  it('POST /hub registers a ticket listener owned by the source; DELETE /hub/{id} removes it once', async () => {
    const registered = await tt<{ id: string; callback: string }>('POST', '/hub', viettelKey, { callback: 'https://crm.viettel.example/listener', query: 'eventType=TroubleTicketStatusChangeEvent' });
    expect(registered.status).toBe(201);
    conforms('EventSubscription', registered.body);
    const [row] = (await api.dataSource.query(`SELECT api FROM tmf_hub_subscriptions WHERE id = $1`, [registered.body.id])) as { api: string }[];
    expect(row?.api).toBe('troubleTicket');
    // A TMF642 registration is not this API's.
    expect((await tmfAt(api.baseUrl, '/tmf-api/alarm/v4', 'DELETE', `/hub/${registered.body.id}`, viettelKey)).status).toBe(404);
    expect((await tt('DELETE', `/hub/${registered.body.id}`, vnptKey)).status).toBe(404);
    expect((await tt('DELETE', `/hub/${registered.body.id}`, viettelKey)).status).toBe(204);
    expect((await tt('DELETE', `/hub/${registered.body.id}`, viettelKey)).status).toBe(404);
    const bad = await tt<TmfErrorShape>('POST', '/hub', viettelKey, {});
    expect(bad.status).toBe(400);
    conforms('Error', bad.body);
    expect(bad.body.problems?.map((problem) => problem.field)).toEqual(['callback']);
  });
});
