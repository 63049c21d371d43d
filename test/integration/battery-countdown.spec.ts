import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { ApiErrorBody, BatteryCountdownDto, BatteryCountdownEntryDto, BatteryOutcomesDto, GeneratorDispatchDto, IncidentDto, SiteSummaryDto } from '@netduty/contracts';
import { AlarmProcessor } from '@netduty/alarms';
import { dispatchOrder } from '@netduty/domain';
import { as, startApi, startWorker, type ApiClient, type RunningApi } from './support/stack';

const MINUTE = 60_000;

interface SiteSpec {
  operatorCode: 'viettel' | 'mobifone';
  communeCode: string;
  priority?: 'P0' | 'P1' | 'P2';
  /** The bank and load recorded for the site; left out, its kind's default applies. */
  capacityAh?: number;
  loadWatts?: number;
}

interface AlarmSpec {
  site: SiteSummaryDto;
  probableCause: string;
  specificProblem: string;
  perceivedSeverity?: string;
  at: Date;
}

/**
 * Battery runtime and generators on real PostgreSQL and Redis: alarms accepted as the intake writes them,
 * turned into incidents by the worker's AlarmProcessor, then the countdown, the generator dispatches and
 * the judged estimates over HTTP. Every site, commune and alarm is this file's own; times are written so
 * that each figure has a known answer (a 100 Ah bank at 48 V × 0.8 carrying 960 W lasts exactly 4 h).
 */
describe('battery runtime and generators: countdown, dispatches, outcomes', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let processor: AlarmProcessor;
  let admin: ApiClient;
  let duty: ApiClient;
  let leadership: ApiClient;
  let viettelStaff: ApiClient;
  let mobifoneStaff: ApiClient;
  let responder: ApiClient;
  const source = `battery-nms-${randomInt(100000, 999999)}`;
  const communes = { a: `7${randomInt(1000, 9999)}`, b: `7${randomInt(1000, 9999)}`, c: `7${randomInt(1000, 9999)}`, d: `7${randomInt(1000, 9999)}`, m: `7${randomInt(1000, 9999)}` };
  // Whole seconds, so the stored alarm times and the answers agree to the millisecond.
  const t0 = Math.floor(Date.now() / 1000) * 1000;
  const ago = (minutes: number) => new Date(t0 - minutes * MINUTE);
  const sites = {} as Record<'a' | 'peer' | 'b' | 'c' | 'd' | 'm', SiteSummaryDto>;
  let mobifoneIncident: IncidentDto;

  async function newSite(spec: SiteSpec): Promise<SiteSummaryDto> {
    const code = `BAT${randomInt(100000, 999999)}`;
    const created = await admin.request<SiteSummaryDto>('POST', '/sites', {
      code,
      name: `Trạm ắc quy ${code}`,
      kind: 'bts',
      operatorCode: spec.operatorCode,
      communeCode: spec.communeCode,
      latitude: 21.85,
      longitude: 106.76,
      priority: spec.priority ?? 'P2',
    });
    if (created.status !== 201) throw new Error(`site: ${created.status} ${JSON.stringify(created.body)}`);
    await api.dataSource.query(`UPDATE sites SET battery_capacity_ah = $2, load_watts = $3 WHERE id = $1`, [created.body.id, spec.capacityAh ?? null, spec.loadWatts ?? null]);
    return created.body;
  }

  /** What the intake commits for one accepted raise: the alarm and its event, for the worker to apply. */
  async function accept(alarm: AlarmSpec): Promise<void> {
    const [row] = (await api.dataSource.query(
      `INSERT INTO alarms (source_system_id, external_alarm_id, operator_code, site_id, state, alarm_type, perceived_severity, probable_cause,
                           specific_problem, alarm_raised_time, alarm_changed_time)
       VALUES ($1, $2, $3, $4, 'raised', 'environmentalAlarm', $5, $6, $7, $8, $8) RETURNING id`,
      [source, randomUUID(), alarm.site.operator.code, alarm.site.id, alarm.perceivedSeverity ?? 'major', alarm.probableCause, alarm.specificProblem, alarm.at],
    )) as { id: string }[];
    if (!row) throw new Error('alarm not stored');
    await api.dataSource.query(`INSERT INTO alarm_events (alarm_id, state, perceived_severity, occurred_at) VALUES ($1, 'raised', $2, $3)`, [row.id, alarm.perceivedSeverity ?? 'major', alarm.at]);
  }

  const mainsFailure = (site: SiteSummaryDto, at: Date): AlarmSpec => ({ site, probableCause: 'powerProblem', specificProblem: 'AC mains failure', at });

  async function countdown(client: ApiClient): Promise<BatteryCountdownDto> {
    const response = await client.request<BatteryCountdownDto>('GET', '/battery/countdown');
    expect(response.status).toBe(200);
    return response.body;
  }

  function entryOf(body: BatteryCountdownDto, site: SiteSummaryDto): BatteryCountdownEntryDto {
    const entry = body.entries.find((candidate) => candidate.site.id === site.id);
    if (!entry) throw new Error(`${site.code} is not in the countdown`);
    return entry;
  }

  async function mainsIncidentOf(site: SiteSummaryDto): Promise<string> {
    const [row] = (await api.dataSource.query(`SELECT id FROM incidents WHERE site_id = $1 AND category = 'mains_failure' AND correlation_kind IS NULL`, [site.id])) as { id: string }[];
    if (!row) throw new Error(`no mains incident at ${site.code}`);
    return row.id;
  }

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker({ ALARM_PROCESSOR_TICK_MS: '60000' });
    processor = worker.get(AlarmProcessor);
    admin = await as(api.baseUrl, 'admin');
    duty = await as(api.baseUrl, 'trucban');
    leadership = await as(api.baseUrl, 'lanhdao');
    viettelStaff = await as(api.baseUrl, 'viettel.lsn');
    mobifoneStaff = await as(api.baseUrl, 'mobifone.lsn');
    responder = await as(api.baseUrl, 'ungcuu.viettel');
    await api.dataSource.query(`INSERT INTO nms_sources (id, operator_code, name) VALUES ($1, 'viettel', 'NMS nguồn điện kiểm thử')`, [source]);
    for (const [key, code] of Object.entries(communes)) {
      await api.dataSource.query(`INSERT INTO communes (code, province_code, name, division_type, former_district, search_text) VALUES ($1, '20', $2, 'xã', 'Huyện Thử', $3)`, [
        code,
        `Xã Ắc Quy ${key.toUpperCase()}`,
        `xa ac quy ${key}`,
      ]);
    }
    const bank = { capacityAh: 100, loadWatts: 960 };
    // A: its commune keeps Viettel coverage through an in-service peer. B: P0, alone in its commune. C: DC low voltage. D: generator on.
    sites.a = await newSite({ operatorCode: 'viettel', communeCode: communes.a, ...bank });
    sites.peer = await newSite({ operatorCode: 'viettel', communeCode: communes.a });
    sites.b = await newSite({ operatorCode: 'viettel', communeCode: communes.b, priority: 'P0', ...bank });
    sites.c = await newSite({ operatorCode: 'viettel', communeCode: communes.c, ...bank });
    sites.d = await newSite({ operatorCode: 'viettel', communeCode: communes.d, ...bank });
    sites.m = await newSite({ operatorCode: 'mobifone', communeCode: communes.m });

    await accept(mainsFailure(sites.a, ago(60)));
    await accept({ site: sites.a, probableCause: 'powerProblem', specificProblem: 'System on batteries', at: ago(58) });
    await accept(mainsFailure(sites.b, ago(60)));
    await accept(mainsFailure(sites.c, ago(180)));
    await accept({ site: sites.c, probableCause: 'lowBatteryThreshold', specificProblem: 'DC low voltage', at: ago(10) });
    await accept(mainsFailure(sites.d, ago(30)));
    await accept({ site: sites.d, probableCause: 'powerProblem', specificProblem: 'Generator on', at: ago(5) });
    await processor.drainNow();
    // A MobiFone site reported by hand (no alarm): its loss counts from the report.
    const reported = await duty.request<IncidentDto>('POST', '/incidents', { siteId: sites.m.id, category: 'mains_failure', severity: 'major', description: 'Mất điện lưới, trạm chạy ắc quy' });
    if (reported.status !== 201) throw new Error(`report: ${reported.status} ${JSON.stringify(reported.body)}`);
    mobifoneIncident = reported.body;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('counts down 4 h from the mains loss for 100 Ah × 48 V × 0.8 / 960 W, from the first of the mains and "on batteries" alarms', async () => {
    const entry = entryOf(await countdown(duty), sites.a);
    expect(entry).toMatchObject({
      category: 'mains_failure',
      incidentId: await mainsIncidentOf(sites.a),
      basis: 'capacity',
      offAirAt: new Date(ago(60).getTime() + 240 * MINUTE).toISOString(),
      events: { mainsLostAt: ago(60).toISOString(), onBatteriesAt: ago(58).toISOString(), dcLowVoltageAt: null, generatorOnAt: null },
      profile: { capacityAh: 100, loadWatts: 960, nominalVoltage: 48, fromInventory: true },
      priority: 'P2',
      // Its peer in the commune is in service: the commune keeps Viettel coverage.
      communesLosingService: 0,
      dispatch: null,
    });
    expect(entry.site).toMatchObject({ id: sites.a.id, state: 'down', downKind: 'on_battery', operator: { code: 'viettel' }, commune: { code: communes.a } });
    // 180 minutes at t0; a minute at most has passed since.
    expect([179, 180]).toContain(entry.minutesLeft);
  });

  it("takes the kind's default bank for a site the inventory has no figures for, from the report time when no alarm came", async () => {
    const entry = entryOf(await countdown(duty), sites.m);
    // 200 Ah × 48 V × 0.8 / 1,200 W = 6.4 h = 384 minutes from the report.
    expect(entry).toMatchObject({
      incidentId: mobifoneIncident.id,
      basis: 'capacity',
      events: { mainsLostAt: mobifoneIncident.reportedAt },
      offAirAt: new Date(Date.parse(mobifoneIncident.reportedAt) + 384 * MINUTE).toISOString(),
      profile: { capacityAh: 200, loadWatts: 1200, nominalVoltage: 48, fromInventory: false },
      communesLosingService: 1,
    });
  });

  it('corrects the estimate by a DC low voltage alarm: 15 % of the 4 h runtime (36 min) is left from it', async () => {
    const entry = entryOf(await countdown(duty), sites.c);
    expect(entry).toMatchObject({
      category: 'mains_failure',
      basis: 'dc_low_voltage',
      offAirAt: new Date(ago(10).getTime() + 36 * MINUTE).toISOString(),
      events: { mainsLostAt: ago(180).toISOString(), dcLowVoltageAt: ago(10).toISOString() },
      communesLosingService: 1,
    });
    expect([25, 26]).toContain(entry.minutesLeft);
  });

  it('stops the countdown while a generator runs', async () => {
    const entry = entryOf(await countdown(duty), sites.d);
    expect(entry).toMatchObject({ minutesLeft: null, offAirAt: null, basis: 'generator', events: { generatorOnAt: ago(5).toISOString() } });
  });

  it("ranks by dispatchOrder: the site going dark first, a P0 site's minutes counting a quarter, generators last", async () => {
    const body = await countdown(duty);
    expect(body.entries.map((entry) => entry.rank)).toEqual(body.entries.map((_entry, index) => index + 1));
    expect(body.entries.map((entry) => entry.site.id)).toEqual(dispatchOrder(body.entries.map((entry) => ({ siteId: entry.site.id, ...entry }))));
    // C: 26 min / (1 + 1) = 13; B (P0, 180 min): 180 / 4 / 2 = 22.5; A: 180 / 1 / 1 = 180; D: not counting down.
    const mine = [sites.a, sites.b, sites.c, sites.d].map((site) => site.id);
    expect(body.entries.map((entry) => entry.site.id).filter((id) => mine.includes(id))).toEqual([sites.c.id, sites.b.id, sites.a.id, sites.d.id]);
    expect(entryOf(body, sites.b)).toMatchObject({ priority: 'P0', communesLosingService: 1 });
  });

  it("keeps each site's first estimate for its loss of mains, once however often the countdown is read", async () => {
    await countdown(leadership);
    await countdown(duty);
    const rows = (await api.dataSource.query(`SELECT mains_lost_at, estimated_off_air_at FROM battery_estimates WHERE site_id = $1`, [sites.a.id])) as { mains_lost_at: Date; estimated_off_air_at: Date }[];
    expect(rows.map((row) => [row.mains_lost_at.toISOString(), row.estimated_off_air_at.toISOString()])).toEqual([[ago(60).toISOString(), new Date(ago(60).getTime() + 240 * MINUTE).toISOString()]]);
    // A site not counting down has no estimate to keep.
    expect(await api.dataSource.query(`SELECT 1 FROM battery_estimates WHERE site_id = $1`, [sites.d.id])).toEqual([]);
  });

  it("shows a cluster only its operator's sites: MobiFone sees none of Viettel's, Viettel none of MobiFone's, a responder nothing", async () => {
    const mobifone = await countdown(mobifoneStaff);
    expect(mobifone.entries.every((entry) => entry.site.operator.code === 'mobifone')).toBe(true);
    expect(mobifone.entries.map((entry) => entry.site.id)).toContain(sites.m.id);
    const viettel = await countdown(viettelStaff);
    expect(viettel.entries.every((entry) => entry.site.operator.code === 'viettel')).toBe(true);
    expect(viettel.entries.map((entry) => entry.site.id)).toEqual(expect.arrayContaining([sites.a.id, sites.b.id, sites.c.id, sites.d.id]));
    expect((await countdown(responder)).entries).toEqual([]);
  });

  it('refuses a bad dispatch naming the field, and a site the caller cannot see', async () => {
    const bad = await duty.request<ApiErrorBody>('POST', '/battery/dispatches', { siteId: 'not-a-uuid', team: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.fields?.map((problem) => problem.field).sort()).toEqual(['siteId', 'team']);
    const unknown = await duty.request<ApiErrorBody>('POST', '/battery/dispatches', { siteId: sites.a.id, team: 'Tổ máy phát', truck: 'xe 1' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([{ field: 'truck', code: 'unknown_field' }]);
    const foreign = await mobifoneStaff.request<ApiErrorBody>('POST', '/battery/dispatches', { siteId: sites.a.id, team: 'Tổ máy phát MobiFone' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields).toEqual([{ field: 'siteId', code: 'no_such_record' }]);
    expect(await api.dataSource.query(`SELECT 1 FROM generator_dispatches WHERE site_id = $1`, [sites.a.id])).toEqual([]);
  });

  it('takes a dispatch through depart → arrive → run → stop in order only (409 on skipping), a generator running stopping the countdown', async () => {
    const team = 'Tổ máy phát Cao Lộc — 0912 345 678';
    const created = await duty.request<GeneratorDispatchDto>('POST', '/battery/dispatches', { siteId: sites.a.id, team, note: 'Máy 10 kVA' });
    expect(created.status).toBe(201);
    const dispatch = created.body;
    expect(dispatch).toMatchObject({ siteId: sites.a.id, incidentId: await mainsIncidentOf(sites.a), team, note: 'Máy 10 kVA', status: 'assigned', departedAt: null, nextSteps: ['depart', 'stop'] });

    const second = await viettelStaff.request<ApiErrorBody>('POST', '/battery/dispatches', { siteId: sites.a.id, team: 'Tổ khác' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'already_exists', fields: [{ field: 'siteId', code: 'already_used' }] });

    const path = (step: string) => `/battery/dispatches/${dispatch.id}/${step}`;
    for (const early of ['arrive', 'run']) {
      const refused = await duty.request<ApiErrorBody>('POST', path(early));
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'conflict', details: { reason: 'dispatch_out_of_order' } });
    }
    // Another operator's dispatch does not exist for its cluster.
    expect((await mobifoneStaff.request('POST', path('depart'))).status).toBe(404);

    const departed = await duty.request<GeneratorDispatchDto>('POST', path('depart'));
    expect(departed.status).toBe(200);
    expect(departed.body).toMatchObject({ status: 'departed', nextSteps: ['arrive', 'stop'] });
    const again = await duty.request<GeneratorDispatchDto>('POST', path('depart'));
    expect(again.status).toBe(200);
    expect(again.body.departedAt).toBe(departed.body.departedAt);
    expect((await duty.request<ApiErrorBody>('POST', path('run'))).status).toBe(409);

    expect((await viettelStaff.request<GeneratorDispatchDto>('POST', path('arrive'))).body.status).toBe('arrived');
    const arrived = entryOf(await countdown(duty), sites.a);
    expect(arrived.dispatch).toMatchObject({ id: dispatch.id, status: 'arrived', createdByName: expect.any(String) as string });
    expect(arrived.minutesLeft).not.toBeNull();

    const running = await duty.request<GeneratorDispatchDto>('POST', path('run'));
    expect(running.body).toMatchObject({ status: 'running', nextSteps: ['stop'] });
    const onGenerator = entryOf(await countdown(duty), sites.a);
    expect(onGenerator).toMatchObject({ minutesLeft: null, basis: 'generator', events: { generatorOnAt: running.body.runningAt }, dispatch: { status: 'running' } });

    const stopped = await duty.request<GeneratorDispatchDto>('POST', path('stop'));
    expect(stopped.body).toMatchObject({ status: 'stopped', nextSteps: [] });
    expect(entryOf(await countdown(duty), sites.a).dispatch).toBeNull();

    const audit = (await api.dataSource.query(`SELECT action FROM audit_log WHERE entity_type = 'generator_dispatch' AND entity_id = $1 ORDER BY id`, [dispatch.id])) as { action: string }[];
    expect(audit.map((row) => row.action)).toEqual(['generator_dispatch.create', 'generator_dispatch.depart', 'generator_dispatch.arrive', 'generator_dispatch.run', 'generator_dispatch.stop']);
    // Once stopped, the site can take another team.
    expect((await duty.request('POST', '/battery/dispatches', { siteId: sites.a.id, team })).status).toBe(201);
  });

  it('lets a team stand down before it arrives, after which nothing more can happen to the dispatch', async () => {
    const created = await duty.request<GeneratorDispatchDto>('POST', '/battery/dispatches', { siteId: sites.c.id, team: 'Tổ máy phát Văn Lãng' });
    expect(created.status).toBe(201);
    expect((await duty.request<GeneratorDispatchDto>('POST', `/battery/dispatches/${created.body.id}/stop`)).body.status).toBe('stopped');
    const refused = await duty.request<ApiErrorBody>('POST', `/battery/dispatches/${created.body.id}/depart`);
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual({ reason: 'dispatch_finished' });
    expect((await duty.request<ApiErrorBody>('POST', `/battery/dispatches/${randomUUID()}/depart`)).status).toBe(404);
  });

  it('sends one team to a site however many officers assign one at once', async () => {
    const answers = await Promise.all(
      [duty, viettelStaff, duty, viettelStaff].map((client, index) => client.request<ApiErrorBody>('POST', '/battery/dispatches', { siteId: sites.b.id, team: `Tổ máy phát ${index}` })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
    for (const refused of answers.filter((answer) => answer.status === 409)) expect(refused.body).toMatchObject({ code: 'already_exists', fields: [{ field: 'siteId', code: 'already_used' }] });
    expect(await api.dataSource.query(`SELECT 1 FROM generator_dispatches WHERE site_id = $1`, [sites.b.id])).toHaveLength(1);
  });

  it('judges the estimates: a site that went off air before its estimate is listed early by its minutes, one after it late', async () => {
    const bank = { capacityAh: 100, loadWatts: 960 };
    const early = await newSite({ operatorCode: 'viettel', communeCode: communes.d, ...bank });
    const late = await newSite({ operatorCode: 'viettel', communeCode: communes.d, ...bank });
    await accept(mainsFailure(early, ago(60)));
    await accept(mainsFailure(late, ago(300)));
    await processor.drainNow();
    // The countdown keeps the estimates: early at t0 + 3 h, late 1 h before t0.
    await countdown(duty);
    for (const site of [early, late]) await accept({ site, probableCause: 'lossOfSignal', specificProblem: 'LOS', perceivedSeverity: 'critical', at: new Date() });
    await processor.drainNow();
    const wentOffAir = Date.now();

    const response = await duty.request<BatteryOutcomesDto>('GET', '/battery/outcomes');
    expect(response.status).toBe(200);
    const byId = new Map(response.body.outcomes.map((outcome) => [outcome.site.id, outcome]));
    const earlyOutcome = byId.get(early.id);
    const lateOutcome = byId.get(late.id);
    expect(earlyOutcome).toMatchObject({ early: true, mainsLostAt: ago(60).toISOString(), estimatedOffAirAt: new Date(ago(60).getTime() + 240 * MINUTE).toISOString() });
    expect(lateOutcome).toMatchObject({ early: false, estimatedOffAirAt: new Date(ago(300).getTime() + 240 * MINUTE).toISOString() });
    const minutesBetween = (estimate: string, actual: number) => Math.trunc((Date.parse(estimate) - actual) / MINUTE);
    expect(earlyOutcome?.minutesEarly).toBeGreaterThanOrEqual(minutesBetween(earlyOutcome?.estimatedOffAirAt ?? '', wentOffAir));
    expect(earlyOutcome?.minutesEarly).toBeLessThanOrEqual(180);
    expect(lateOutcome?.minutesEarly).toBeLessThanOrEqual(-60);
    expect(lateOutcome?.minutesEarly).toBeGreaterThanOrEqual(minutesBetween(lateOutcome?.estimatedOffAirAt ?? '', wentOffAir));
    expect(Date.parse(earlyOutcome?.actualOffAirAt ?? '')).toBeLessThanOrEqual(wentOffAir);
    // Most surprising first; the P0 site, off air before any estimate was made, is not judged.
    expect(response.body.outcomes.findIndex((outcome) => outcome.site.id === early.id)).toBeLessThan(response.body.outcomes.findIndex((outcome) => outcome.site.id === late.id));
    expect(byId.has(sites.b.id)).toBe(false);
    expect(response.body.early).toBeGreaterThanOrEqual(1);
    expect(response.body.late).toBeGreaterThanOrEqual(1);

    const mobifone = await mobifoneStaff.request<BatteryOutcomesDto>('GET', '/battery/outcomes');
    expect(mobifone.body.outcomes.map((outcome) => outcome.site.id)).not.toContain(early.id);
    // A period that ended before they went off air lists neither.
    const before = await duty.request<BatteryOutcomesDto>('GET', `/battery/outcomes?to=${encodeURIComponent(ago(1).toISOString())}`);
    expect(before.body.outcomes.map((outcome) => outcome.site.id)).not.toContain(early.id);
  });

  it('refuses a bad outcomes period naming the field', async () => {
    const inverted = await duty.request<ApiErrorBody>('GET', `/battery/outcomes?from=${encodeURIComponent(ago(0).toISOString())}&to=${encodeURIComponent(ago(10).toISOString())}`);
    expect(inverted.status).toBe(400);
    expect(inverted.body.fields).toEqual([{ field: 'to', code: 'before_other_field', params: { field: 'from' } }]);
    const bare = await duty.request<ApiErrorBody>('GET', '/battery/outcomes?from=2026-12-10T10:00:00');
    expect(bare.status).toBe(400);
    expect(bare.body.fields?.map((problem) => problem.field)).toEqual(['from']);
    const long = await duty.request<ApiErrorBody>('GET', '/battery/outcomes?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(long.status).toBe(400);
    expect(long.body.fields?.[0]).toMatchObject({ field: 'from', code: 'too_small' });
  });
});
