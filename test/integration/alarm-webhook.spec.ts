import { randomBytes, randomInt } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { AlarmProcessor } from '@netduty/alarms';
import type { AlarmWebhookAcceptedDto, AlarmWebhookDryRunDto, AlarmWebhookMapping, AlarmWebhookMappingDto, ApiErrorBody, IssuedNmsApiKeyDto, NmsSourceDto, SiteSummaryDto } from '@netduty/contracts';
import { as, http, startApi, startWorker, type ApiClient, type RunningApi } from './support/stack';

const run = randomBytes(3).toString('hex');

/** A Huawei-U2000-like northbound payload: alarms nested per network element, epoch-millisecond times. */
const U2000_MAPPING: AlarmWebhookMapping = {
  items: '$.data[*].alarmList[*]',
  externalAlarmId: { path: '$.csn' },
  siteCode: { path: '$.neName' },
  perceivedSeverity: { path: '$.level', valueMap: { CRIT: 'critical', MAJ: 'major', MIN: 'minor', WARN: 'warning' } },
  probableCause: { path: '$.alarmName', valueMap: { 'Mains Failure': 'powerProblem', 'Link Down': 'lossOfSignal' } },
  alarmType: { value: 'environmentalAlarm' },
  specificProblem: { path: '$.alarmName' },
  raisedTime: { path: '$.occurTime', format: 'epoch_milliseconds' },
  clearedTime: { path: '$.clearTime', format: 'epoch_milliseconds' },
  clear: { path: '$.clearStatus', clearedValues: ['1'] },
};

interface U2000Alarm {
  csn: number | string;
  neName?: unknown;
  level: string;
  alarmName: string;
  occurTime: number | string;
  clearStatus?: number;
  clearTime?: number;
}

function u2000(...networkElements: U2000Alarm[][]): unknown {
  return { result: 0, total: networkElements.flat().length, data: networkElements.map((alarmList, index) => ({ neDn: `NE=${index}`, alarmList })) };
}

/**
 * The generic alarm webhook end to end, on the real api, Postgres and Redis, with the worker in-process:
 * a mapping set through the admin API, a vendor-shaped payload posted with the source's NMS key, alarms
 * committed and turned into an incident; every refusal names its field and stores nothing.
 */
describe('generic alarm webhook (declarative JSONPath mapping)', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let processor: AlarmProcessor;
  let admin: ApiClient;
  const source = `u2000-lsn-${run}`;
  const otherSource = `u2000-other-${run}`;
  let key: string;
  let otherKey: string;
  let site: SiteSummaryDto;
  let secondSite: SiteSummaryDto;
  let csn = randomInt(1_000_000, 9_000_000);

  const post = (sourceId: string, apiKey: string | null, body: unknown) =>
    http<AlarmWebhookAcceptedDto & ApiErrorBody>(api.baseUrl, 'POST', `/alarm-webhooks/${sourceId}`, body, apiKey ? { 'x-api-key': apiKey } : {});
  const alarmsOf = async (sourceSystemId: string) =>
    (await api.dataSource.query(
      `SELECT a.external_alarm_id, a.state, a.perceived_severity, a.probable_cause, a.alarm_type, a.specific_problem, a.alarm_raised_time, a.alarm_cleared_time, s.code AS site_code
         FROM alarms a JOIN sites s ON s.id = a.site_id WHERE a.source_system_id = $1 ORDER BY a.external_alarm_id`,
      [sourceSystemId],
    )) as Record<string, unknown>[];
  const eventCount = async () => ((await api.dataSource.query(`SELECT count(*)::int AS n FROM alarm_events`)) as [{ n: number }])[0].n;

  async function newSource(id: string): Promise<string> {
    const created = await admin.request<NmsSourceDto>('POST', '/nms-sources', { id, operatorCode: 'viettel', name: `U2000 ${id}` });
    if (created.status !== 201) throw new Error(`source: ${created.status} ${JSON.stringify(created.body)}`);
    const issued = await admin.request<IssuedNmsApiKeyDto>('POST', `/nms-sources/${id}/keys`, { label: 'integration' });
    if (issued.status !== 201) throw new Error(`key: ${issued.status} ${JSON.stringify(issued.body)}`);
    return issued.body.key;
  }

  async function newSite(): Promise<SiteSummaryDto> {
    const code = `LSN${randomInt(100000, 999999)}-11`;
    const created = await admin.request<SiteSummaryDto>('POST', '/sites', { code, name: `Trạm webhook ${code}`, kind: 'bts', operatorCode: 'viettel', communeCode: '05977', latitude: 21.85, longitude: 106.76, priority: 'P2' });
    if (created.status !== 201) throw new Error(`site: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker({ ALARM_PROCESSOR_TICK_MS: '60000' });
    processor = worker.get(AlarmProcessor);
    admin = await as(api.baseUrl, 'admin');
    key = await newSource(source);
    otherKey = await newSource(otherSource);
    site = await newSite();
    secondSite = await newSite();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('has no mapping until one is set, and refuses a mapping at fault naming each field (nothing saved)', async () => {
    expect((await admin.request('GET', `/nms-sources/${source}/webhook-mapping`)).status).toBe(404);
    const bad = await admin.request<ApiErrorBody>('PUT', `/nms-sources/${source}/webhook-mapping`, {
      ...U2000_MAPPING,
      items: '$.data[?(@.alarmList)]',
      siteCode: { path: 'neName' },
      perceivedSeverity: { path: '$.level', valueMap: { CRIT: 'fatal' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.fields).toEqual([
      { field: 'items', code: 'invalid', params: { rule: 'script_not_allowed' } },
      { field: 'siteCode.path', code: 'invalid', params: { rule: 'not_rooted' } },
      { field: 'perceivedSeverity.valueMap.CRIT', code: 'not_one_of', params: { allowed: ['critical', 'major', 'minor', 'warning', 'indeterminate', 'cleared'] } },
    ]);
    expect((await admin.request('GET', `/nms-sources/${source}/webhook-mapping`)).status).toBe(404);
    expect((await admin.request('PUT', `/nms-sources/nobody-${run}/webhook-mapping`, U2000_MAPPING)).status).toBe(404);
  });

  it('saves a mapping, shows it, and audits the change', async () => {
    const listed = async () => (await admin.request<NmsSourceDto[]>('GET', '/nms-sources')).body.find((entry) => entry.id === source)?.webhookMapping;
    expect(await listed()).toBe(false);
    const saved = await admin.request<AlarmWebhookMappingDto>('PUT', `/nms-sources/${source}/webhook-mapping`, U2000_MAPPING);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ sourceSystemId: source, mapping: U2000_MAPPING, updatedBy: admin.session.user.id });
    const shown = await admin.request<AlarmWebhookMappingDto>('GET', `/nms-sources/${source}/webhook-mapping`);
    expect(shown.body.mapping).toEqual(U2000_MAPPING);
    expect(await listed()).toBe(true);
    const audit = (await api.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'alarm_webhook%'`, [source])) as { action: string }[];
    expect(audit.map((entry) => entry.action)).toEqual(['alarm_webhook_mapping.save']);
  });

  it('dry-runs a sample payload: its alarms and problems, and stores nothing', async () => {
    const events = await eventCount();
    const sample = u2000(
      [{ csn: 1, neName: site.code, level: 'CRIT', alarmName: 'Mains Failure', occurTime: Date.now() - 60_000 }],
      [
        { csn: 2, neName: 'NO-SUCH-SITE', level: 'MAJ', alarmName: 'Link Down', occurTime: Date.now() - 60_000 },
        { csn: 3, level: 'WHAT', alarmName: 'Link Down', occurTime: Date.now() - 60_000 },
      ],
    );
    const dry = await admin.request<AlarmWebhookDryRunDto>('POST', `/nms-sources/${source}/webhook-mapping/dry-run`, { payload: sample });
    expect(dry.status).toBe(200);
    expect(dry.body.items).toBe(3);
    expect(dry.body.alarms.map((alarm) => [alarm.index, alarm.externalAlarmId, alarm.perceivedSeverity, alarm.probableCause])).toEqual([
      [0, '1', 'critical', 'powerProblem'],
      [1, '2', 'major', 'lossOfSignal'],
    ]);
    expect(dry.body.problems.map((problem) => `${problem.field} ${problem.code}`)).toEqual(['items[1].siteCode no_such_record', 'items[2].siteCode required', 'items[2].perceivedSeverity not_one_of']);
    // A mapping not yet saved can be tried too; its own problems are named under `mapping`.
    const unsaved = await admin.request<ApiErrorBody>('POST', `/nms-sources/${source}/webhook-mapping/dry-run`, { payload: sample, mapping: { ...U2000_MAPPING, raisedTime: { path: '$.occurTime', format: 'local' } } });
    expect(unsaved.status).toBe(400);
    expect(unsaved.body.fields).toEqual([{ field: 'mapping.raisedTime.format', code: 'not_one_of', params: { allowed: ['iso8601', 'epoch_milliseconds', 'epoch_seconds'] } }]);
    expect(await eventCount()).toBe(events);
    expect(await alarmsOf(source)).toEqual([]);
  });

  it('stores every alarm of a vendor payload before answering 202 with counts, and the worker opens the incident', async () => {
    const raisedAt = Date.now() - 120_000;
    const [mains, link, door] = [csn++, csn++, csn++];
    const payload = u2000(
      [{ csn: mains, neName: site.code, level: 'CRIT', alarmName: 'Mains Failure', occurTime: raisedAt, clearStatus: 0 }],
      [
        { csn: String(link), neName: secondSite.code, level: 'MAJ', alarmName: 'Link Down', occurTime: raisedAt },
        { csn: door, neName: secondSite.code, level: 'MIN', alarmName: 'Door Open', occurTime: raisedAt, clearStatus: 1, clearTime: raisedAt + 30_000 },
      ],
    );
    const response = await post(source, key, payload);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ received: 3, created: 3, updated: 0, unchanged: 0, stale: 0 });
    // Committed before the answer: read straight after it.
    const stored = await alarmsOf(source);
    expect(stored).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ external_alarm_id: String(mains), site_code: site.code, state: 'raised', perceived_severity: 'critical', probable_cause: 'powerProblem', alarm_type: 'environmentalAlarm', specific_problem: 'Mains Failure', alarm_raised_time: new Date(raisedAt) }),
        expect.objectContaining({ external_alarm_id: String(link), site_code: secondSite.code, state: 'raised', probable_cause: 'lossOfSignal' }),
        expect.objectContaining({ external_alarm_id: String(door), state: 'cleared', alarm_cleared_time: new Date(raisedAt + 30_000) }),
      ]),
    );
    expect(stored).toHaveLength(3);

    await processor.drainNow();
    const incidents = (await api.dataSource.query(`SELECT category, origin, status FROM incidents WHERE site_id = $1`, [site.id])) as { category: string; origin: string; status: string }[];
    expect(incidents).toEqual([{ category: 'mains_failure', origin: 'alarm', status: 'reported' }]);

    // The same payload again is the same alarms (idempotent by externalAlarmId).
    const again = await post(source, key, payload);
    expect(again.status).toBe(202);
    expect(again.body.created).toBe(0);
    expect(await alarmsOf(source)).toHaveLength(3);

    // The vendor's clear (clearStatus 1) of the mains alarm clears it, and the worker resolves the incident.
    const clear = await post(source, key, u2000([{ csn: mains, neName: site.code, level: 'CRIT', alarmName: 'Mains Failure', occurTime: raisedAt, clearStatus: 1, clearTime: raisedAt + 60_000 }]));
    expect(clear.status).toBe(202);
    expect(clear.body).toEqual({ received: 1, created: 0, updated: 1, unchanged: 0, stale: 0 });
    await processor.drainNow();
    expect((await alarmsOf(source)).find((alarm) => alarm['external_alarm_id'] === String(mains))).toMatchObject({ state: 'cleared', alarm_cleared_time: new Date(raisedAt + 60_000) });
    const after = (await api.dataSource.query(`SELECT status FROM incidents WHERE site_id = $1`, [site.id])) as { status: string }[];
    expect(after).toEqual([{ status: 'resolved' }]);
  });

  it('refuses a payload with any item at fault whole, naming item and field, and stores none of it', async () => {
    const events = await eventCount();
    const before = await alarmsOf(source);
    const good = { csn: csn++, neName: site.code, level: 'MAJ', alarmName: 'Link Down', occurTime: Date.now() - 60_000 };
    const refused = await post(source, key, u2000([good, good, good], [{ csn: csn++, neName: { name: 'nested' }, level: 'CRIT', alarmName: 'x', occurTime: 'yesterday' }]));
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('validation_failed');
    expect(refused.body.fields).toEqual([
      { field: 'items[3].siteCode', code: 'not_a_string' },
      { field: 'items[3].raisedTime', code: 'not_a_date', params: { format: 'epoch_milliseconds' } },
    ]);
    const unknownSite = await post(source, key, u2000([good, { ...good, csn: csn++, neName: 'NO-SUCH-SITE' }]));
    expect(unknownSite.status).toBe(422);
    expect(unknownSite.body.fields).toEqual([{ field: 'items[1].siteCode', code: 'no_such_record' }]);
    const empty = await post(source, key, { result: 0, data: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toEqual([{ field: 'items', code: 'too_few_items', params: { min: 1, path: '$.data[*].alarmList[*]' } }]);
    // Past the api's body limit (1 MiB), before any mapping is read.
    const huge = await post(source, key, u2000(Array.from({ length: 6_000 }, () => ({ ...good, alarmName: 'x'.repeat(200) }))));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
    expect(await eventCount()).toBe(events);
    expect(await alarmsOf(source)).toEqual(before);
  });

  it('refuses a wrong or missing key (401), another source’s key (403), and a source without a mapping (404)', async () => {
    const payload = u2000([{ csn: csn++, neName: site.code, level: 'CRIT', alarmName: 'x', occurTime: Date.now() }]);
    const wrong = await post(source, `nd_${'A'.repeat(43)}`, payload);
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('not_authenticated');
    expect((await post(source, null, payload)).status).toBe(401);
    const foreign = await post(source, otherKey, payload);
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('forbidden');
    const unmapped = await post(otherSource, otherKey, payload);
    expect(unmapped.status).toBe(404);
    expect(await alarmsOf(otherSource)).toEqual([]);
  });

  it('is limited with the TMF642 writes of the source: 429 with Retry-After beyond the limit', async () => {
    // A source of its own: the counters are per source, in Redis, shared with the suite's other api.
    const limitedSource = `u2000-limited-${run}`;
    const limitedKey = await newSource(limitedSource);
    expect((await admin.request('PUT', `/nms-sources/${limitedSource}/webhook-mapping`, U2000_MAPPING)).status).toBe(200);
    const limited = await startApi({ ALARM_RATE_LIMIT_PER_SECOND: '1' });
    try {
      const payload = u2000([{ csn: csn++, neName: site.code, level: 'MAJ', alarmName: 'Link Down', occurTime: Date.now() - 1_000 }]);
      // Three within one second reach at most two windows of one: at least one is refused.
      const responses = await Promise.all(
        [1, 2, 3].map(() =>
          fetch(`${limited.baseUrl}/api/v1/alarm-webhooks/${limitedSource}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': limitedKey }, body: JSON.stringify(payload) }),
        ),
      );
      const refused = responses.filter((response) => response.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(responses.filter((response) => response.status === 202).length).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });
});
