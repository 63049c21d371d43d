import fc from 'fast-check';
import { randomBytes, randomUUID } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { AlarmIntake, type TmfAlarm } from '@netduty/alarms';
import type { IssuedNmsApiKeyDto, NmsApiKeyDto, NmsSourceDto } from '@netduty/contracts';
import { postBurst } from './support/burst-client';
import { as, findSite, reportIncident, startApi, type ApiClient, type RunningApi } from './support/stack';
import { newNmsSource, responseValidators, tmf, type ResponseDefinition, type TmfErrorShape, type TmfResponse } from './support/tmf642';

const run = randomBytes(3).toString('hex');
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/**
 * TMF642 alarm intake end to end, on the real api, Postgres and Redis: each NMS and its key are made
 * through the admin API; every answer is checked against the spec's own schema.
 */
describe('TMF642 alarm intake', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let validators: Record<ResponseDefinition, ValidateFunction>;
  const viettelSource = `viettel-nms-${run}`;
  const otherViettelSource = `viettel-ems-${run}`;
  const vnptSource = `vnpt-nms-${run}`;
  let viettelKey: string;
  let otherViettelKey: string;
  let vnptKey: string;
  let viettelSite: string;
  let vnptSite: string;

  function conforms(definition: ResponseDefinition, body: unknown): void {
    const validate = validators[definition];
    const valid = validate(body);
    if (!valid) throw new Error(`${definition} does not conform: ${JSON.stringify(validate.errors)}\n${JSON.stringify(body)}`);
  }

  function alarmBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      externalAlarmId: `ext-${randomUUID()}`,
      sourceSystemId: viettelSource,
      alarmType: 'environmentalAlarm',
      perceivedSeverity: 'major',
      probableCause: 'powerProblem',
      specificProblem: 'AC mains failure',
      alarmedObject: { id: viettelSite, '@referredType': 'Site' },
      state: 'raised',
      alarmRaisedTime: minutesAgo(10),
      alarmDetails: 'Rectifier running on batteries',
      serviceAffecting: true,
      ...overrides,
    };
  }

  const newSource = (id: string, operatorCode: string) => newNmsSource(admin, id, operatorCode);

  const rowsOf = async (sourceSystemId: string, externalAlarmId?: string) =>
    (await api.dataSource.query(
      `SELECT id, state, perceived_severity, alarm_changed_time, cleared_without_raise FROM alarms WHERE source_system_id = $1 AND ($2::text IS NULL OR external_alarm_id = $2)`,
      [sourceSystemId, externalAlarmId ?? null],
    )) as { id: string; state: string; perceived_severity: string; alarm_changed_time: Date; cleared_without_raise: boolean }[];
  const eventsOf = async (alarmId: string) =>
    (await api.dataSource.query(`SELECT state, perceived_severity, occurred_at FROM alarm_events WHERE alarm_id = $1 ORDER BY id`, [alarmId])) as {
      state: string;
      perceived_severity: string;
      occurred_at: Date;
    }[];

  beforeAll(async () => {
    validators = responseValidators();
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
    const [viettel] = (await api.dataSource.query(`SELECT code FROM sites WHERE operator_code = 'viettel' ORDER BY code LIMIT 1`)) as { code: string }[];
    const [vnpt] = (await api.dataSource.query(`SELECT code FROM sites WHERE operator_code = 'vnpt' ORDER BY code LIMIT 1`)) as { code: string }[];
    if (!viettel || !vnpt) throw new Error('the demo province has no viettel or vnpt site');
    viettelSite = viettel.code;
    vnptSite = vnpt.code;
    viettelKey = await newSource(viettelSource, 'viettel');
    otherViettelKey = await newSource(otherViettelSource, 'viettel');
    vnptKey = await newSource(vnptSource, 'vnpt');
  });

  afterAll(() => api.close());

  describe('NMS sources and keys (admin API)', () => {
    it('lists sources and keys without ever showing a key again, and audits the changes', async () => {
      const sources = await admin.request<NmsSourceDto[]>('GET', '/nms-sources');
      expect(sources.status).toBe(200);
      expect(sources.body.find((source) => source.id === viettelSource)).toMatchObject({ operatorCode: 'viettel', activeKeys: 1 });
      const keys = await admin.request<NmsApiKeyDto[]>('GET', `/nms-sources/${viettelSource}/keys`);
      expect(keys.status).toBe(200);
      expect(keys.body).toHaveLength(1);
      expect(keys.body[0]?.keyHint).toBe(viettelKey.slice(0, 10));
      expect(JSON.stringify(keys.body)).not.toContain(viettelKey);
      const [stored] = (await api.dataSource.query(`SELECT key_hash FROM nms_api_keys WHERE source_system_id = $1`, [viettelSource])) as { key_hash: string }[];
      expect(stored?.key_hash).toMatch(/^[0-9a-f]{64}$/);
      const audit = (await api.dataSource.query(`SELECT action, after::text AS after FROM audit_log WHERE entity_id = $1 OR entity_id = $2 ORDER BY id`, [viettelSource, keys.body[0]?.id])) as {
        action: string;
        after: string;
      }[];
      expect(audit.map((entry) => entry.action)).toEqual(['nms_source.create', 'nms_api_key.issue']);
      expect(audit.map((entry) => entry.after).join()).not.toContain(viettelKey);
    });

    it('refuses a duplicate source (409) and a malformed one (400)', async () => {
      expect((await admin.request('POST', '/nms-sources', { id: viettelSource, operatorCode: 'viettel', name: 'again' })).status).toBe(409);
      expect((await admin.request('POST', '/nms-sources', { id: 'x', operatorCode: 'viettel', name: 'too short' })).status).toBe(400);
      expect((await admin.request('POST', '/nms-sources/nobody-here/keys', { label: 'x' })).status).toBe(404);
    });
  });

  describe('conformance: every answer is the spec’s own shape', () => {
    it('POST /alarm answers 201 with the stored Alarm and its Location', async () => {
      const body = alarmBody();
      const response = await tmf<TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, body);
      expect(response.status).toBe(201);
      conforms('Alarm', response.body);
      expect(response.headers.get('location')).toBe(`/tmf-api/alarm/v4/alarm/${response.body.id}`);
      expect(response.body).toMatchObject({
        externalAlarmId: body['externalAlarmId'],
        sourceSystemId: viettelSource,
        state: 'raised',
        perceivedSeverity: 'major',
        alarmedObject: { id: viettelSite, '@referredType': 'Site' },
        ackState: 'unacknowledged',
        plannedOutageIndicator: 'InService',
        isRootCause: false,
        parentAlarm: [],
        correlatedAlarm: [],
        comment: [],
        // The source's other fields, echoed.
        alarmDetails: 'Rectifier running on batteries',
        serviceAffecting: true,
        '@type': 'Alarm',
      });
    });

    it('GET /alarm lists with filters, fields and paging headers; GET /alarm/{id} reads one', async () => {
      const externalAlarmId = `ext-list-${run}`;
      const created = await tmf<TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody({ externalAlarmId, probableCause: 'lossOfSignal' }));
      const list = await tmf<TmfAlarm[]>(api.baseUrl, 'GET', `/alarm?externalAlarmId=${externalAlarmId}&state=raised,updated&limit=5`, viettelKey);
      expect(list.status).toBe(200);
      expect(list.body).toHaveLength(1);
      for (const alarm of list.body) conforms('Alarm', alarm);
      expect(list.headers.get('x-total-count')).toBe('1');
      expect(list.headers.get('x-result-count')).toBe('1');
      const page = await tmf<TmfAlarm[]>(api.baseUrl, 'GET', `/alarm?sourceSystemId=${viettelSource}&alarmRaisedTime.gt=${encodeURIComponent(minutesAgo(60))}&offset=0&limit=1`, viettelKey);
      expect(page.body).toHaveLength(1);
      expect(Number(page.headers.get('x-total-count'))).toBeGreaterThan(1);
      const selected = await tmf<Record<string, unknown>[]>(api.baseUrl, 'GET', `/alarm?externalAlarmId=${externalAlarmId}&fields=state,probableCause`, viettelKey);
      expect(selected.body).toEqual([{ id: created.body.id, href: created.body.href, state: 'raised', probableCause: 'lossOfSignal', '@type': 'Alarm' }]);
      const one = await tmf<TmfAlarm>(api.baseUrl, 'GET', `/alarm/${created.body.id}`, viettelKey);
      expect(one.status).toBe(200);
      conforms('Alarm', one.body);
      expect(one.body.id).toBe(created.body.id);
      const bad = await tmf<TmfErrorShape>(api.baseUrl, 'GET', '/alarm?limit=0&colour=red', viettelKey);
      expect(bad.status).toBe(400);
      conforms('Error', bad.body);
      expect(bad.body.problems?.map((problem) => problem.field).sort()).toEqual(['colour', 'limit']);
    });

    it('PATCH /alarm/{id} updates and clears, answering the Alarm', async () => {
      const created = await tmf<TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody());
      const updated = await tmf<TmfAlarm>(api.baseUrl, 'PATCH', `/alarm/${created.body.id}`, viettelKey, { perceivedSeverity: 'critical', state: 'updated', alarmChangedTime: minutesAgo(5) });
      expect(updated.status).toBe(200);
      conforms('Alarm', updated.body);
      expect(updated.body).toMatchObject({ id: created.body.id, state: 'updated', perceivedSeverity: 'critical' });
      const cleared = await tmf<TmfAlarm>(api.baseUrl, 'PATCH', `/alarm/${created.body.id}`, viettelKey, { state: 'cleared', alarmClearedTime: minutesAgo(1) });
      expect(cleared.body).toMatchObject({ state: 'cleared', perceivedSeverity: 'cleared' });
      expect(cleared.body.alarmClearedTime).toBeDefined();
      expect((await eventsOf(created.body.id)).map((event) => `${event.state}/${event.perceived_severity}`)).toEqual(['raised/major', 'updated/critical', 'cleared/cleared']);
      const notPatchable = await tmf<TmfErrorShape>(api.baseUrl, 'PATCH', `/alarm/${created.body.id}`, viettelKey, { alarmRaisedTime: minutesAgo(2) });
      expect(notPatchable.status).toBe(422);
      conforms('Error', notPatchable.body);
      expect(notPatchable.body.problems).toEqual([{ field: 'alarmRaisedTime', code: 'invalid', params: { rule: 'not_patchable' } }]);
    });

    it('ackAlarms, commentAlarms, clearAlarms and groupAlarms answer 201, done, with the alarms they acted on', async () => {
      const [a, b, c] = await Promise.all([0, 1, 2].map(() => tmf<TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody())));
      const ids = [a, b, c].map((response) => response?.body.id ?? '');
      const ack = await tmf<{ state: string; ackedAlarm: { id: string }[] }>(api.baseUrl, 'POST', '/ackAlarms', viettelKey, {
        ackUserId: 'noc.operator',
        ackSystemId: 'viettel-noc',
        alarmPattern: [{ id: ids[0] }, { externalAlarmId: b?.body.externalAlarmId }],
      });
      expect(ack.status).toBe(201);
      conforms('AckAlarms', ack.body);
      expect(ack.body.state).toBe('done');
      expect(ack.body.ackedAlarm.map((ref) => ref.id).sort()).toEqual([ids[0], ids[1]].sort());
      expect((await tmf<TmfAlarm>(api.baseUrl, 'GET', `/alarm/${ids[0]}`, viettelKey)).body).toMatchObject({ ackState: 'acknowledged', ackUserId: 'noc.operator', ackSystemId: 'viettel-noc' });

      const comment = await tmf<{ commentedAlarm: { id: string }[] }>(api.baseUrl, 'POST', '/commentAlarms', viettelKey, {
        comment: { comment: 'Đội ứng cứu đang tới trạm', userId: 'noc.operator', systemId: 'viettel-noc' },
        alarmPattern: [{ id: ids[2] }],
      });
      expect(comment.status).toBe(201);
      conforms('CommentAlarms', comment.body);
      expect(comment.body.commentedAlarm.map((ref) => ref.id)).toEqual([ids[2]]);
      const commented = await tmf<TmfAlarm>(api.baseUrl, 'GET', `/alarm/${ids[2]}`, viettelKey);
      expect(commented.body.comment).toEqual([expect.objectContaining({ comment: 'Đội ứng cứu đang tới trạm', userId: 'noc.operator', systemId: 'viettel-noc' })]);

      const group = await tmf<{ parentAlarm: { id: string }; groupedAlarm: { id: string }[] }>(api.baseUrl, 'POST', '/groupAlarms', viettelKey, {
        sourceSystemId: viettelSource,
        alarmChangedTime: minutesAgo(1),
        parentAlarm: { id: ids[0] },
        correlatedAlarm: [{ id: ids[1] }, { id: ids[2] }],
      });
      expect(group.status).toBe(201);
      conforms('GroupAlarms', group.body);
      expect(group.body.parentAlarm.id).toBe(ids[0]);
      expect(group.body.groupedAlarm.map((ref) => ref.id)).toEqual([ids[1], ids[2]]);
      expect((await tmf<TmfAlarm>(api.baseUrl, 'GET', `/alarm/${ids[1]}`, viettelKey)).body['sourceGrouping']).toMatchObject({ parentAlarm: ids[0], correlatedAlarm: [ids[1], ids[2]] });

      const clear = await tmf<{ clearedAlarm: { id: string }[] }>(api.baseUrl, 'POST', '/clearAlarms', viettelKey, {
        clearUserId: 'noc.operator',
        clearSystemId: 'viettel-noc',
        alarmClearedTime: minutesAgo(0),
        alarmPattern: ids.map((id) => ({ id })),
      });
      expect(clear.status).toBe(201);
      conforms('ClearAlarms', clear.body);
      expect(clear.body.clearedAlarm.map((ref) => ref.id).sort()).toEqual([...ids].sort());
      // Through the intake: each clear is an alarm event the worker picks up.
      for (const id of ids) expect((await eventsOf(id)).map((event) => event.state)).toEqual(['raised', 'cleared']);
    });

    it('POST /hub registers a listener owned by the NMS; DELETE /hub/{id} removes it (204), once', async () => {
      const registered = await tmf<{ id: string; callback: string; query: string }>(api.baseUrl, 'POST', '/hub', viettelKey, { callback: 'https://nms.viettel.example/listener', query: 'eventType=AlarmStateChangeEvent' });
      expect(registered.status).toBe(201);
      conforms('EventSubscription', registered.body);
      expect(registered.body).toMatchObject({ callback: 'https://nms.viettel.example/listener', query: 'eventType=AlarmStateChangeEvent' });
      expect((await tmf(api.baseUrl, 'DELETE', `/hub/${registered.body.id}`, vnptKey)).status).toBe(404);
      expect((await tmf(api.baseUrl, 'DELETE', `/hub/${registered.body.id}`, viettelKey)).status).toBe(204);
      expect((await tmf(api.baseUrl, 'DELETE', `/hub/${registered.body.id}`, viettelKey)).status).toBe(404);
      const bad = await tmf<TmfErrorShape>(api.baseUrl, 'POST', '/hub', viettelKey, { callback: 'javascript:alert(1)' });
      expect(bad.status).toBe(422);
      conforms('Error', bad.body);
      expect(bad.body.problems).toEqual([{ field: 'callback', code: 'invalid_format' }]);
    });
  });

  describe('idempotency and order', () => {
    it('makes one alarm of the same externalAlarmId posted 5 times at once, with one event', async () => {
      const body = alarmBody();
      const answers = await Promise.all(Array.from({ length: 5 }, () => tmf<TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, body)));
      // The request that created it is 201; the others find it: 200 with the same id.
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
      for (const answer of answers) conforms('Alarm', answer.body);
      const rows = await rowsOf(viettelSource, String(body['externalAlarmId']));
      expect(rows).toHaveLength(1);
      expect(await eventsOf(rows[0]?.id ?? '')).toHaveLength(1);
    });

    it('never lets an older change overwrite a newer one, and logs only the accepted changes', async () => {
      const externalAlarmId = `ext-order-${randomUUID()}`;
      const raised = minutesAgo(30);
      await tmf(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody({ externalAlarmId, alarmRaisedTime: raised }));
      const newer = await tmf<TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody({ externalAlarmId, alarmRaisedTime: raised, state: 'updated', perceivedSeverity: 'critical', alarmChangedTime: minutesAgo(10) }));
      expect(newer.status).toBe(200);
      // A retry of an older change, arriving late.
      const older = await tmf<TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody({ externalAlarmId, alarmRaisedTime: raised, state: 'updated', perceivedSeverity: 'minor', alarmChangedTime: minutesAgo(20) }));
      expect(older.status).toBe(200);
      expect(older.body).toMatchObject({ id: newer.body.id, perceivedSeverity: 'critical', alarmChangedTime: newer.body.alarmChangedTime });
      const [row] = await rowsOf(viettelSource, externalAlarmId);
      expect(row).toMatchObject({ state: 'updated', perceived_severity: 'critical' });
      expect((await eventsOf(row?.id ?? '')).map((event) => `${event.state}/${event.perceived_severity}`)).toEqual(['raised/major', 'updated/critical']);
    });

    it('stores a clear for an alarm never raised, flagged cleared_without_raise (201, not an error)', async () => {
      const intake = api.app.get(AlarmIntake);
      const before = intake.stats().clearedWithoutRaise;
      const externalAlarmId = `ext-orphan-clear-${randomUUID()}`;
      const response = await tmf<TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody({ externalAlarmId, state: 'cleared', alarmClearedTime: minutesAgo(1) }));
      expect(response.status).toBe(201);
      conforms('Alarm', response.body);
      expect(response.body).toMatchObject({ state: 'cleared', perceivedSeverity: 'cleared' });
      expect(await rowsOf(viettelSource, externalAlarmId)).toEqual([expect.objectContaining({ cleared_without_raise: true, state: 'cleared' })]);
      expect(intake.stats().clearedWithoutRaise).toBe(before + 1);
    });
  });

  describe('who may send and see what', () => {
    it('refuses a missing, unknown or revoked key with 401 in the TMF error shape', async () => {
      const issued = await admin.request<IssuedNmsApiKeyDto>('POST', `/nms-sources/${viettelSource}/keys`, { label: 'to be revoked' });
      expect((await tmf(api.baseUrl, 'POST', '/alarm', issued.body.key, alarmBody())).status).toBe(201);
      expect((await admin.request('DELETE', `/nms-sources/${viettelSource}/keys/${issued.body.id}`)).status).toBe(204);
      const count = (await rowsOf(viettelSource)).length;
      for (const key of [issued.body.key, null, `nd_${randomBytes(32).toString('base64url')}`, 'not-a-key']) {
        const refused = await tmf<TmfErrorShape>(api.baseUrl, 'POST', '/alarm', key, alarmBody());
        expect(refused.status).toBe(401);
        conforms('Error', refused.body);
        expect(refused.body).toMatchObject({ code: 'not_authenticated', status: '401', '@type': 'Error' });
      }
      expect(await rowsOf(viettelSource)).toHaveLength(count);
      const keys = await admin.request<NmsApiKeyDto[]>('GET', `/nms-sources/${viettelSource}/keys`);
      const revoked = keys.body.find((key) => key.id === issued.body.id);
      expect(revoked?.revokedAt).not.toBeNull();
      expect(revoked?.lastUsedAt).not.toBeNull();
    });

    it('refuses a site of another operator, or none, with 422 naming alarmedObject.id, and writes nothing', async () => {
      for (const site of [vnptSite, `NO-SUCH-SITE-${run}`]) {
        const externalAlarmId = `ext-foreign-${randomUUID()}`;
        const refused = await tmf<TmfErrorShape>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody({ externalAlarmId, alarmedObject: { id: site } }));
        expect(refused.status).toBe(422);
        conforms('Error', refused.body);
        expect(refused.body.problems).toEqual([{ field: 'alarmedObject.id', code: 'no_such_record' }]);
        expect(await rowsOf(viettelSource, externalAlarmId)).toEqual([]);
      }
    });

    it('refuses a sourceSystemId that is not the key’s NMS with 403 naming it', async () => {
      const externalAlarmId = `ext-mismatch-${randomUUID()}`;
      const refused = await tmf<TmfErrorShape>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody({ externalAlarmId, sourceSystemId: otherViettelSource }));
      expect(refused.status).toBe(403);
      conforms('Error', refused.body);
      expect(refused.body.problems).toEqual([{ field: 'sourceSystemId', code: 'invalid', params: { rule: 'must_be_the_authenticated_source' } }]);
      expect(await rowsOf(otherViettelSource, externalAlarmId)).toEqual([]);
    });

    it('requires externalAlarmId (422 naming it), as idempotency needs it', async () => {
      const body = alarmBody();
      delete body['externalAlarmId'];
      const refused = await tmf<TmfErrorShape>(api.baseUrl, 'POST', '/alarm', viettelKey, body);
      expect(refused.status).toBe(422);
      expect(refused.body.problems).toEqual([{ field: 'externalAlarmId', code: 'required' }]);
    });

    it("shows an NMS its own operator's alarms only, and lets only the raising NMS change one", async () => {
      const created = await tmf<TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody());
      expect((await tmf(api.baseUrl, 'GET', `/alarm/${created.body.id}`, vnptKey)).status).toBe(404);
      expect((await tmf<TmfAlarm[]>(api.baseUrl, 'GET', `/alarm?sourceSystemId=${viettelSource}`, vnptKey)).body).toEqual([]);
      expect((await tmf(api.baseUrl, 'PATCH', `/alarm/${created.body.id}`, vnptKey, { state: 'cleared' })).status).toBe(404);
      // Same operator, another NMS: it may read the alarm, not change it.
      expect((await tmf(api.baseUrl, 'GET', `/alarm/${created.body.id}`, otherViettelKey)).status).toBe(200);
      const refused = await tmf<TmfErrorShape>(api.baseUrl, 'PATCH', `/alarm/${created.body.id}`, otherViettelKey, { state: 'cleared' });
      expect(refused.status).toBe(403);
      conforms('Error', refused.body);
    });
  });

  describe('relations derived from incidents', () => {
    it('makes the earliest alarm of a parent incident’s children the root cause; the others name it', async () => {
      const duty = await as(api.baseUrl, 'trucban');
      const site = await findSite(duty, viettelSite);
      const [parent, first, second] = await Promise.all([reportIncident(duty, site), reportIncident(duty, site), reportIncident(duty, site)]);
      await api.dataSource.query(`UPDATE incidents SET parent_incident_id = $1 WHERE id = ANY($2::uuid[])`, [parent?.id, [first?.id, second?.id]]);
      const early = await tmf<TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody({ alarmRaisedTime: minutesAgo(9) }));
      const late = await tmf<TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody({ alarmRaisedTime: minutesAgo(8) }));
      await api.dataSource.query(`UPDATE alarms SET incident_id = $2 WHERE id = $1`, [early.body.id, first?.id]);
      await api.dataSource.query(`UPDATE alarms SET incident_id = $2 WHERE id = $1`, [late.body.id, second?.id]);
      const root = await tmf<TmfAlarm>(api.baseUrl, 'GET', `/alarm/${early.body.id}`, viettelKey);
      const child = await tmf<TmfAlarm>(api.baseUrl, 'GET', `/alarm/${late.body.id}`, viettelKey);
      conforms('Alarm', root.body);
      conforms('Alarm', child.body);
      expect(root.body).toMatchObject({ isRootCause: true, parentAlarm: [], correlatedAlarm: [{ id: late.body.id, '@referredType': 'Alarm' }] });
      expect(child.body).toMatchObject({ isRootCause: false, parentAlarm: [{ id: early.body.id }], correlatedAlarm: [] });
    });
  });

  describe('throughput and back-pressure', () => {
    it('commits a burst of 300 concurrent POSTs as 300 alarms in fewer than 30 transactions', async () => {
      const intake = api.app.get(AlarmIntake);
      const before = intake.stats();
      const bodies = Array.from({ length: 300 }, (_, index) => alarmBody({ externalAlarmId: `ext-burst-${run}-${index}` }));
      const answers = await postBurst(`${api.baseUrl}/tmf-api/alarm/v4/alarm`, { 'content-type': 'application/json', 'x-api-key': viettelKey }, bodies);
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(300);
      const [counted] = (await api.dataSource.query(`SELECT count(*)::int AS n FROM alarms WHERE external_alarm_id LIKE $1`, [`ext-burst-${run}-%`])) as { n: number }[];
      expect(counted?.n).toBe(300);
      const after = intake.stats();
      const flushes = after.flushes - before.flushes;
      expect(flushes).toBeGreaterThan(0);
      expect(flushes).toBeLessThan(300 / 10);
      expect(after.eventsWritten - before.eventsWritten).toBe(300);
      // For the record, not a timed assertion (bench/alarm-intake.mjs measures throughput and latency).
      console.info(`300 concurrent POST /alarm from another process: ${flushes} transactions, largest batch ${after.largestBatch}`);
    });

    describe('with ALARM_RATE_LIMIT_PER_SECOND=5', () => {
      let limited: RunningApi;
      const source = `viettel-limited-${run}`;
      let key: string;

      beforeAll(async () => {
        limited = await startApi({ ALARM_RATE_LIMIT_PER_SECOND: '5' });
        key = await newSource(source, 'viettel');
      });

      afterAll(() => limited.close());

      it('answers 429 with Retry-After above the limit, and writes nothing for a refused request', async () => {
        const bodies = Array.from({ length: 20 }, () => alarmBody({ sourceSystemId: source }));
        const answers = await Promise.all(bodies.map((body) => tmf<TmfAlarm | TmfErrorShape>(limited.baseUrl, 'POST', '/alarm', key, body)));
        const accepted = answers.filter((answer) => answer.status === 201);
        const refused = answers.filter((answer) => answer.status === 429);
        expect(accepted.length + refused.length).toBe(20);
        expect(accepted.length).toBeGreaterThan(0);
        expect(accepted.length).toBeLessThanOrEqual(10);
        expect(refused.length).toBeGreaterThanOrEqual(10);
        for (const answer of refused) {
          expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
          conforms('Error', answer.body);
          expect(answer.body).toMatchObject({ code: 'too_many_requests', status: '429' });
        }
        const stored = (await rowsOf(source)).length;
        expect(stored).toBe(accepted.length);
        // Reads are not counted against the write limit.
        expect((await tmf(limited.baseUrl, 'GET', `/alarm?sourceSystemId=${source}`, key)).status).toBe(200);
      });
    });
    describe('with ALARM_INTAKE_MAX_PENDING=10', () => {
      let saturated: RunningApi;

      beforeAll(async () => {
        saturated = await startApi({ ALARM_INTAKE_MAX_PENDING: '10', ALARM_INTAKE_TICK_MS: '50' });
      });

      afterAll(() => saturated.close());

      it('refuses what would pass the in-process limit with 429 and Retry-After, writing nothing of it', async () => {
        const bodies = Array.from({ length: 100 }, (_, index) => alarmBody({ externalAlarmId: `ext-saturated-${run}-${index}` }));
        const answers = await postBurst(`${saturated.baseUrl}/tmf-api/alarm/v4/alarm`, { 'content-type': 'application/json', 'x-api-key': viettelKey }, bodies);
        const accepted = answers.filter((answer) => answer.status === 201).length;
        const refused = answers.filter((answer) => answer.status === 429).length;
        expect(accepted + refused).toBe(100);
        expect(refused).toBeGreaterThan(0);
        for (const answer of answers.filter((candidate) => candidate.status === 429)) expect(answer.retryAfter).toBe('1');
        expect(saturated.app.get(AlarmIntake).stats().refusedSaturated).toBe(refused);
        const [counted] = (await api.dataSource.query(`SELECT count(*)::int AS n FROM alarms WHERE external_alarm_id LIKE $1`, [`ext-saturated-${run}-%`])) as { n: number }[];
        expect(counted?.n).toBe(accepted);
        const one = await tmf<TmfErrorShape>(saturated.baseUrl, 'POST', '/alarm', viettelKey, alarmBody());
        expect([201, 429]).toContain(one.status);
      });
    });
  });

  describe('hostile bodies', () => {
    const hostile = fc.oneof(
      fc.constant(null),
      fc.constant([]),
      fc.string({ minLength: 20_000, maxLength: 30_000 }),
      fc.integer(),
      fc.boolean(),
      fc.constant('2026-02-30T25:61:00Z'),
      fc.constant('0000-01-01T00:00:00Z'),
      fc.constant('9999-12-31T23:59:59Z'),
      fc.constant('2026-06-30T23:59:60Z'),
      fc.constant('unknownEnumValue'),
      fc.constant({ id: { nested: [1, 2, 3] } }),
      fc.array(fc.anything(), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 6 }), fc.anything(), { maxKeys: 4 }),
    );
    const fields = ['externalAlarmId', 'sourceSystemId', 'alarmType', 'perceivedSeverity', 'probableCause', 'specificProblem', 'alarmedObject', 'state', 'alarmRaisedTime', 'alarmChangedTime', 'alarmClearedTime', 'ackState', 'plannedOutageIndicator', 'comment', 'affectedService'];

    it('never answers 500 to any body, and every refusal is a TMF error naming a field or the body', async () => {
      const seen = new Set<number>();
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...fields), hostile, { minKeys: 1, maxKeys: 4 }), async (overrides) => {
          const answer = await tmf<TmfErrorShape | TmfAlarm>(api.baseUrl, 'POST', '/alarm', viettelKey, alarmBody(overrides));
          seen.add(answer.status);
          expect([200, 201, 400, 403, 422]).toContain(answer.status);
          if (answer.status >= 400) {
            conforms('Error', answer.body);
            expect((answer.body as TmfErrorShape).problems?.length).toBeGreaterThan(0);
          } else {
            conforms('Alarm', answer.body);
          }
        }),
        { numRuns: 150 },
      );
      for (const raw of ['[]', 'null', '"text"', '{"alarmType":', '{}', '']) {
        const answer = await tmf<TmfErrorShape>(api.baseUrl, 'POST', '/alarm', viettelKey, raw);
        expect(answer.status).toBe(400);
        conforms('Error', answer.body);
      }
      expect([...seen].some((status) => status === 400)).toBe(true);
      expect([...seen].some((status) => status === 422)).toBe(true);
    });

    it('refuses hostile task bodies without a 500 either', async () => {
      for (const [path, body] of [
        ['/ackAlarms', { ackUserId: 'x', ackSystemId: 'y', alarmPattern: [{}] }],
        ['/ackAlarms', { ackUserId: 'x', ackSystemId: 'y', alarmPattern: [{ serviceAffecting: true }] }],
        ['/clearAlarms', { clearUserId: 'x', clearSystemId: 'y', alarmClearedTime: 'yesterday', alarmPattern: [{ id: 'x' }] }],
        ['/commentAlarms', { comment: { comment: '' }, alarmPattern: [{ id: randomUUID() }] }],
        ['/groupAlarms', { sourceSystemId: viettelSource, alarmChangedTime: minutesAgo(1), parentAlarm: { id: randomUUID() }, correlatedAlarm: [{ id: 'nope' }] }],
        ['/groupAlarms', { sourceSystemId: vnptSource, alarmChangedTime: minutesAgo(1), parentAlarm: { id: randomUUID() }, correlatedAlarm: [{ id: 'nope' }] }],
        ['/hub', { callback: ['https://x.example'] }],
      ] as const) {
        const answer: TmfResponse<TmfErrorShape> = await tmf(api.baseUrl, 'POST', path, viettelKey, body);
        expect([400, 403, 422]).toContain(answer.status);
        conforms('Error', answer.body);
      }
    });
  });
});
