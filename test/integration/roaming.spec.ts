import type { INestApplicationContext } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { EscalationService } from '@netduty/escalation';
import { deadlineJobId, SLA_QUEUE, type IncidentDto, type RoamingProposalsDto, type RoamingRequestDto, type SiteSummaryDto } from '@netduty/contracts';
import { as, connectConsole, nextEvent, reportIncident, startApi, startWorker, type ApiClient, type ConsoleSocket, type RunningApi } from './support/stack';
import { queryAsOwner } from './support/test-database';

/** The suite's roaming deadline: short, so it escalates through the real queue within seconds. */
const DEADLINE_SECONDS = 3;

interface ErrorBody {
  code: string;
  fields?: { field: string; code: string; params?: Record<string, unknown> }[];
}

/** Inter-operator roaming (chuyển vùng nội địa): proposed from site state, issued with a deadline that escalates. */
describe('inter-operator roaming: proposals from site state, requests with a 30-minute deadline that escalates', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let admin: ApiClient;
  let duty: ApiClient;
  let socket: ConsoleSocket;

  beforeAll(async () => {
    api = await startApi({ ROAMING_DEADLINE_SECONDS: String(DEADLINE_SECONDS) });
    worker = await startWorker();
    admin = await as(api.baseUrl, 'admin');
    duty = await as(api.baseUrl, 'trucban');
    socket = await connectConsole(api.baseUrl, duty.session.token);
  });

  afterAll(async () => {
    socket.disconnect();
    await worker.close();
    await api.close();
  });

  /** A commune of this test's own, so no other suite's sites or incidents count in it. */
  async function newCommune(): Promise<string> {
    const code = `T${randomInt(10_000, 99_999)}`;
    await queryAsOwner(
      `INSERT INTO communes (code, province_code, name, division_type, former_district, search_text)
       SELECT '${code}', province_code, 'Xã Thử Chuyển Vùng ${code}', division_type, NULL, 'xa thu chuyen vung ${code.toLowerCase()}' FROM communes LIMIT 1`,
    );
    return code;
  }

  async function newSite(communeCode: string, operatorCode: string, kind = 'bts'): Promise<SiteSummaryDto> {
    const code = `RMG${randomInt(100_000, 999_999)}-${randomInt(10, 99)}`;
    const created = await admin.request<SiteSummaryDto>('POST', '/sites', { code, name: `Trạm thử ${code}`, kind, operatorCode, communeCode, latitude: 21.85, longitude: 106.76, priority: 'P1' });
    if (created.status !== 201) throw new Error(`site: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  async function proposalsIn(communeCode: string) {
    const result = await duty.request<RoamingProposalsDto>('GET', '/roaming/proposals');
    expect(result.status).toBe(200);
    return {
      proposals: result.body.proposals.filter((proposal) => proposal.commune.code === communeCode),
      withoutHost: result.body.withoutHost.filter((entry) => entry.commune.code === communeCode),
      noLongerNeeded: result.body.noLongerNeeded.filter((request) => request.commune.code === communeCode),
    };
  }

  async function restore(incident: IncidentDto): Promise<void> {
    expect((await duty.request('POST', `/incidents/${incident.id}/acknowledge`, {})).status).toBe(200);
    expect((await duty.request('POST', `/incidents/${incident.id}/resolve`, { note: 'Đã có điện lưới' })).status).toBe(200);
  }

  const stateOf = async (siteId: string) => ((await api.dataSource.query(`SELECT state FROM sites WHERE id = $1`, [siteId])) as { state: string }[])[0]?.state;

  it('proposes roaming once every Viettel BTS of the commune is down, issues it with its deadline, escalates it, and withdraws it on restore', async () => {
    const commune = await newCommune();
    const [viettelA, viettelB, vnpt] = [await newSite(commune, 'viettel'), await newSite(commune, 'viettel'), await newSite(commune, 'vnpt')];
    // A Viettel broadband node still up does not carry mobile subscribers.
    await newSite(commune, 'viettel', 'broadband_node');
    expect((await proposalsIn(commune)).proposals).toEqual([]);

    const outageA = await reportIncident(duty, viettelA, { category: 'mains_failure', severity: 'critical' });
    // A partial loss: Viettel still serves the commune.
    expect((await proposalsIn(commune)).proposals).toEqual([]);
    const outageB = await reportIncident(duty, viettelB, { category: 'fibre_cut', severity: 'critical', description: 'Đứt cáp quang' });
    const proposed = await proposalsIn(commune);
    expect(proposed.proposals).toEqual([
      expect.objectContaining({ commune: expect.objectContaining({ code: commune }), lostOperator: 'viettel', hostOperators: ['vnpt'], sitesDown: 2, request: null }),
    ]);
    expect(Date.parse(proposed.proposals[0]?.lostSince ?? '')).toBeGreaterThanOrEqual(Date.parse(outageB.reportedAt) - 1000);

    // Bad requests name their field and write nothing.
    const wrongHost = await duty.request<ErrorBody>('POST', '/roaming/requests', { communeCode: commune, lostOperator: 'viettel', hostOperator: 'mobifone' });
    expect(wrongHost.status).toBe(422);
    expect(wrongHost.body.fields).toEqual([{ field: 'hostOperator', code: 'invalid', params: { rule: 'host_not_on_air' } }]);
    const notLost = await duty.request<ErrorBody>('POST', '/roaming/requests', { communeCode: commune, lostOperator: 'vnpt', hostOperator: 'viettel' });
    expect(notLost.status).toBe(422);
    expect(notLost.body.fields?.map((problem) => problem.field)).toEqual(['lostOperator']);
    const unknownCommune = await duty.request<ErrorBody>('POST', '/roaming/requests', { communeCode: 'X0000', lostOperator: 'viettel', hostOperator: 'vnpt' });
    expect(unknownCommune.status).toBe(400);
    expect(unknownCommune.body.fields).toEqual([{ field: 'communeCode', code: 'no_such_record' }]);
    const shapeless = await duty.request<ErrorBody>('POST', '/roaming/requests', { communeCode: commune, lostOperator: 'bưu điện', extra: 1 });
    expect(shapeless.status).toBe(400);
    expect(new Set(shapeless.body.fields?.map((problem) => problem.field))).toEqual(new Set(['lostOperator', 'hostOperator', 'extra']));
    expect(await api.dataSource.query(`SELECT id FROM roaming_requests WHERE commune_code = $1`, [commune])).toEqual([]);

    const issued = await duty.request<RoamingRequestDto>('POST', '/roaming/requests', { communeCode: commune, lostOperator: 'viettel', hostOperator: 'vnpt', note: 'Theo chỉ đạo của Sở' });
    expect(issued.status).toBe(201);
    const request = issued.body;
    expect(request).toMatchObject({ status: 'issued', lostOperator: 'viettel', hostOperator: 'vnpt', sitesDown: 2, incidentStatus: 'acknowledged', issuedBy: duty.session.user.id });
    expect(Date.parse(request.deadlineAt ?? '') - Date.parse(request.issuedAt ?? '')).toBe(DEADLINE_SECONDS * 1000);

    // The deadline is carried by an incident for the host operator, at its BTS on air, whose only running clock is the directive's.
    const incident = await duty.request<IncidentDto>('GET', `/incidents/${request.incidentId}`);
    expect(incident.status).toBe(200);
    expect(incident.body).toMatchObject({ origin: 'roaming', status: 'acknowledged', priority: 'P1', site: expect.objectContaining({ id: vnpt.id, operator: expect.objectContaining({ code: 'vnpt' }) }) });
    expect(incident.body.restoreDeadline.dueAt).toBe(request.deadlineAt);
    // A task, not a fault: the host's site stays in service.
    expect(await stateOf(vnpt.id)).toBe('in_service');

    const twice = await duty.request<ErrorBody>('POST', '/roaming/requests', { communeCode: commune, lostOperator: 'viettel', hostOperator: 'vnpt' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'already_exists', fields: [expect.objectContaining({ field: 'lostOperator' })] });
    expect((await proposalsIn(commune)).proposals[0]?.request).toMatchObject({ id: request.id, status: 'issued' });

    // Nobody confirmed roaming within the deadline: the chain escalates it through the real queue.
    const { payload, receivedAt } = await nextEvent(socket, 'incident.escalated', ({ escalation }) => escalation.incidentId === request.incidentId && escalation.kind === 'restore', 15_000);
    expect(receivedAt).toBeGreaterThanOrEqual(Date.parse(request.deadlineAt ?? ''));
    expect(payload.escalation).toMatchObject({ kind: 'restore', cycle: 1, level: 1 });
    const steps = (await api.dataSource.query(`SELECT kind, level FROM escalations WHERE incident_id = $1`, [request.incidentId])) as { kind: string; level: number }[];
    expect(steps.filter((step) => step.kind === 'restore' && step.level === 1)).toHaveLength(1);
    expect(steps.some((step) => step.kind === 'acknowledge')).toBe(false);

    const inEffect = await duty.request<RoamingRequestDto>('POST', `/roaming/requests/${request.id}/in-effect`, {});
    expect(inEffect.status).toBe(200);
    expect(inEffect.body).toMatchObject({ status: 'in_effect', incidentStatus: 'resolved' });
    expect(inEffect.body.inEffectAt).not.toBeNull();
    const again = await duty.request<RoamingRequestDto>('POST', `/roaming/requests/${request.id}/in-effect`, {});
    expect(again.status).toBe(200);
    expect(again.body.inEffectAt).toBe(inEffect.body.inEffectAt);

    // Viettel back on one BTS: the proposal is gone, and the live request is flagged for ending.
    await restore(outageA);
    const restored = await proposalsIn(commune);
    expect(restored.proposals).toEqual([]);
    expect(restored.noLongerNeeded.map((entry) => entry.id)).toEqual([request.id]);
    const ended = await duty.request<RoamingRequestDto>('POST', `/roaming/requests/${request.id}/end`, {});
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
    expect((await proposalsIn(commune)).noLongerNeeded).toEqual([]);
    const afterEnd = await duty.request<ErrorBody & { details?: { reason?: string } }>('POST', `/roaming/requests/${request.id}/in-effect`, {});
    expect(afterEnd.status).toBe(409);
    expect(afterEnd.body).toMatchObject({ code: 'conflict' });

    const history = await duty.request<RoamingRequestDto[]>('GET', '/roaming/requests?status=all');
    expect(history.body.find((entry) => entry.id === request.id)).toMatchObject({ status: 'ended', incidentReference: incident.body.reference });
    expect((await duty.request<RoamingRequestDto[]>('GET', '/roaming/requests')).body.some((entry) => entry.id === request.id)).toBe(false);
    expect((await duty.request<ErrorBody>('GET', '/roaming/requests?status=soon')).status).toBe(400);
  });

  it('keeps an issued deadline through a lost job: the sweep from Postgres re-enqueues it and it escalates once', async () => {
    const commune = await newCommune();
    const viettel = await newSite(commune, 'viettel');
    await newSite(commune, 'mobifone');
    await reportIncident(duty, viettel, { category: 'mains_failure', severity: 'critical' });
    const issued = await duty.request<RoamingRequestDto>('POST', '/roaming/requests', { communeCode: commune, lostOperator: 'viettel', hostOperator: 'mobifone' });
    expect(issued.status).toBe(201);
    const incidentId = issued.body.incidentId ?? '';

    // As after a Redis flush: the deadline's job is gone; Postgres still holds the deadline.
    const queue = worker.get<Queue>(getQueueToken(SLA_QUEUE));
    const jobId = deadlineJobId({ incidentId, kind: 'restore', cycle: 1, level: 1 });
    expect(await queue.getJob(jobId)).toBeDefined();
    await queue.remove(jobId);
    expect(await queue.getJob(jobId)).toBeUndefined();
    await worker.get(EscalationService).reconcile();
    expect(await queue.getJob(jobId)).toBeDefined();

    await nextEvent(socket, 'incident.escalated', ({ escalation }) => escalation.incidentId === incidentId && escalation.kind === 'restore', 15_000);
    const steps = (await api.dataSource.query(`SELECT level FROM escalations WHERE incident_id = $1 AND kind = 'restore' AND level = 1`, [incidentId])) as unknown[];
    expect(steps).toHaveLength(1);
  });

  it('flags a commune with no operator on air without proposing, and keeps a dismissed proposal aside for its outage only', async () => {
    const commune = await newCommune();
    const [viettel, vnpt] = [await newSite(commune, 'viettel'), await newSite(commune, 'vnpt')];
    const viettelDown = await reportIncident(duty, viettel, { category: 'mains_failure', severity: 'critical' });
    const vnptDown = await reportIncident(duty, vnpt, { category: 'mains_failure', severity: 'critical' });
    const stranded = await proposalsIn(commune);
    expect(stranded.proposals).toEqual([]);
    expect(stranded.withoutHost).toEqual([expect.objectContaining({ lostOperators: ['viettel', 'vnpt'] })]);
    const noHost = await duty.request<ErrorBody>('POST', '/roaming/requests', { communeCode: commune, lostOperator: 'viettel', hostOperator: 'vnpt' });
    expect(noHost.status).toBe(422);
    expect(noHost.body.fields?.map((problem) => problem.field)).toEqual(['hostOperator']);

    // VNPT back: Viettel's subscribers could roam onto it. The duty officer sets the proposal aside.
    await restore(vnptDown);
    expect((await proposalsIn(commune)).proposals.map((proposal) => proposal.lostOperator)).toEqual(['viettel']);
    const dismissed = await duty.request<RoamingRequestDto>('POST', '/roaming/dismissals', { communeCode: commune, lostOperator: 'viettel', note: 'Viettel báo có điện trong 10 phút' });
    expect(dismissed.status).toBe(201);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', hostOperator: null, incidentId: null });
    expect((await proposalsIn(commune)).proposals).toEqual([]);

    // Viettel back, then down again: a new outage, proposed again.
    await restore(viettelDown);
    await reportIncident(duty, viettel, { category: 'fibre_cut', severity: 'critical', description: 'Đứt cáp quang' });
    expect((await proposalsIn(commune)).proposals.map((proposal) => proposal.lostOperator)).toEqual(['viettel']);
  });
});
