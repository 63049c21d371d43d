import type { INestApplicationContext } from '@nestjs/common';
import {
  DEPARTMENT_DUTY_GROUP_ID,
  type CandidateResponderDto,
  type ChainStatusDto,
  type EscalationDto,
  type EscalationPolicyDefinition,
  type EscalationPolicyDto,
  type EventPeriodDto,
  type IncidentDetailDto,
  type IncidentDto,
  type ShiftOverrideDto,
  type SiteSummaryDto,
} from '@netduty/contracts';
import { EscalationService } from '@netduty/escalation';
import {
  as,
  connectConsole,
  nextEvent,
  reportIncident,
  spawnWorkerProcess,
  startApi,
  startWorker,
  type ApiClient,
  type ConsoleSocket,
  type RunningApi,
  type WorkerProcess,
} from './support/stack';

/** 'minor' incidents on a P1 site: a tier this suite gives a 2 s acknowledge window and a four-level chain of 1 s steps. */
const SEVERITY = 'minor';
const ACK_SECONDS = 2;
const STEP_SECONDS = 1;
/** The suite's chain gives an assigned responder 2 s to accept in the test of the accept deadline. */
const ACCEPT_SECONDS = 2;

async function userId(api: RunningApi, username: string): Promise<string> {
  const [row] = (await api.dataSource.query(`SELECT id FROM users WHERE username = $1`, [username])) as { id: string }[];
  if (!row) throw new Error(`no demo user ${username}`);
  return row.id;
}

/** Puts `person` alone on duty in the department's group for the next hour (an override beats the rotation). */
async function putOnDuty(api: RunningApi, person: string): Promise<void> {
  const now = Date.now();
  const override: ShiftOverrideDto = {
    id: 'test-override',
    startsAt: new Date(now - 3_600_000).toISOString(),
    endsAt: new Date(now + 3_600_000).toISOString(),
    memberIds: [person],
    leadId: person,
  };
  await api.dataSource.query(
    `INSERT INTO on_duty_groups (id, name, kind, overrides) VALUES ($1, 'Tổ trực (kiểm thử)', 'department', $2::jsonb)
     ON CONFLICT (id) DO UPDATE SET overrides = EXCLUDED.overrides, version = on_duty_groups.version + 1`,
    [DEPARTMENT_DUTY_GROUP_ID, JSON.stringify([override])],
  );
}

/** Ends an event period now (the PUT takes the definition only), so the suites after run outside it. */
async function endEventPeriod(admin: ApiClient, period: EventPeriodDto): Promise<void> {
  const { name, startsAt, p0SiteIds, slaFactor, slaOverrides, p0LeadershipLevel, reportIntervalMinutes } = period;
  const ended = await admin.request('PUT', `/event-periods/${period.id}`, {
    name, startsAt, endsAt: new Date().toISOString(), p0SiteIds, slaFactor, slaOverrides, p0LeadershipLevel, reportIntervalMinutes,
  });
  expect(ended.status).toBe(200);
}

function stepEvent(socket: ConsoleSocket, incident: IncidentDto, level: number, timeoutMs = 15_000) {
  return nextEvent(socket, 'incident.escalated', ({ escalation }) => escalation.incidentId === incident.id && escalation.level === level, timeoutMs).then(
    ({ payload }) => payload.escalation,
  );
}

async function stepsOf(api: RunningApi, incidentId: string) {
  return (await api.dataSource.query(
    `SELECT level, chain_level, round, manual, reason, recipients FROM escalations WHERE incident_id = $1 AND kind = 'acknowledge' ORDER BY level`,
    [incidentId],
  )) as { level: number; chain_level: number; round: number; manual: boolean; reason: string | null; recipients: { userId: string }[] }[];
}

/** Deliveries of one incident, per (escalation, recipient, channel): the outbox key. */
async function deliveriesOf(api: RunningApi, incidentId: string) {
  return (await api.dataSource.query(
    `SELECT source_key, recipient_user_id, channel FROM notification_deliveries WHERE incident_id = $1 ORDER BY source_key, recipient_user_id, channel`,
    [incidentId],
  )) as { source_key: string; recipient_user_id: string; channel: string }[];
}

describe('escalation chains through the real queue', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let duty: ApiClient;
  let socket: ConsoleSocket;
  let site: SiteSummaryDto;
  let policy: EscalationPolicyDto;
  let firstOnDuty: string;
  let secondOnDuty: string;
  let leadership: string;
  let dutyOfficer: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
    duty = await as(api.baseUrl, 'trucban');
    socket = await connectConsole(api.baseUrl, duty.session.token);
    const { body: sites } = await duty.request<SiteSummaryDto[]>('GET', '/sites?q=xa&limit=50');
    const p1 = sites.find((candidate) => candidate.priority === 'P1') ?? sites[0];
    if (!p1) throw new Error('no site in the demo data');
    site = p1;
    [firstOnDuty, secondOnDuty, leadership, dutyOfficer] = await Promise.all([
      userId(api, 'trucban2'),
      userId(api, 'trucban3'),
      userId(api, 'lanhdao'),
      userId(api, 'trucban'),
    ]);
    expect((await admin.request('PUT', `/sla-policies/${SEVERITY}/${site.priority}`, { acknowledgeSeconds: ACK_SECONDS, restoreSeconds: 3600 })).status).toBe(200);
    const definition: EscalationPolicyDefinition = {
      name: 'Chuỗi kiểm thử',
      operatorCode: site.operator.code,
      priority: site.priority,
      repeat: 0,
      acceptSeconds: 900,
      levels: [
        { waitSeconds: 0, recipients: [{ kind: 'person', userId: dutyOfficer }] },
        { waitSeconds: STEP_SECONDS, recipients: [{ kind: 'cluster_lead' }, { kind: 'person', userId: dutyOfficer }] },
        { waitSeconds: STEP_SECONDS, recipients: [{ kind: 'on_shift', groupId: DEPARTMENT_DUTY_GROUP_ID }] },
        { waitSeconds: STEP_SECONDS, recipients: [{ kind: 'role', role: 'leadership' }] },
      ],
    };
    const { body: policies } = await admin.request<EscalationPolicyDto[]>('GET', '/escalation-policies');
    const existing = policies.find((candidate) => candidate.operatorCode === site.operator.code && candidate.priority === site.priority);
    const saved = existing
      ? await admin.request<EscalationPolicyDto>('PUT', `/escalation-policies/${existing.id}`, definition)
      : await admin.request<EscalationPolicyDto>('POST', '/escalation-policies', definition);
    expect([200, 201]).toContain(saved.status);
    policy = saved.body;
  }, 30_000);

  afterAll(async () => {
    socket?.disconnect();
    // Later suites see this operator and tier escalate slowly again.
    if (policy) {
      await admin.request('PUT', `/escalation-policies/${policy.id}`, {
        name: policy.name,
        operatorCode: policy.operatorCode,
        priority: policy.priority,
        repeat: 0,
        levels: policy.levels.map((level) => ({ ...level, waitSeconds: level.waitSeconds === 0 ? 0 : 1800 })),
      });
    }
    await admin?.request('PUT', `/sla-policies/${SEVERITY}/${site.priority}`, { acknowledgeSeconds: 1800, restoreSeconds: 86_400 });
    await api?.close();
  });

  it('refuses a policy that breaks the chain rules, naming the field', async () => {
    const bad = await admin.request<{ code: string; fields: { field: string; code: string }[] }>('POST', '/escalation-policies', {
      name: 'Sai',
      operatorCode: null,
      priority: 'P2',
      repeat: 1,
      levels: [{ waitSeconds: 0, recipients: [{ kind: 'role', role: 'leadership' }, { kind: 'role', role: 'leadership' }] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'levels[0].recipients[1]', code: 'already_used' })]));
    const missing = await admin.request<{ fields: { field: string }[] }>('POST', '/escalation-policies', {
      name: 'Thiếu', operatorCode: null, priority: 'P2', repeat: 0, levels: [{ waitSeconds: 0, recipients: [{ kind: 'person' }] }],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((field) => field.field)).toContain('levels.0.recipients.0.userId');
  });

  describe('with one in-process worker', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      worker = await startWorker();
    });

    afterAll(() => worker?.close());

    it('runs L1 → L3 on time, resolves the on-shift recipients when the level fires, and an acknowledgement at L3 stops it', async () => {
      await putOnDuty(api, firstOnDuty);
      const incident = await reportIncident(duty, site, { severity: SEVERITY, description: 'Chuỗi chuyển cấp' });
      const dueAt = Date.parse(incident.acknowledgeDeadline.dueAt);

      const waiting = await duty.request<ChainStatusDto>('GET', `/incidents/${incident.id}/chain`);
      expect(waiting.body).toMatchObject({ state: 'waiting', currentLevel: null, nextLevel: 1 });
      expect(Date.parse(waiting.body.nextDueAt ?? '')).toBe(dueAt);

      const level1 = stepEvent(socket, incident, 1);
      const level2 = stepEvent(socket, incident, 2);
      const level3 = stepEvent(socket, incident, 3);
      const first: EscalationDto = await level1;
      expect(first.recipients.map((recipient) => recipient.userId)).toEqual([dutyOfficer]);
      expect(Date.parse(first.firedAt)).toBeGreaterThanOrEqual(dueAt);
      // The roster changes after the chain was planned and before L3 fires: L3 reaches who is on shift then.
      await putOnDuty(api, secondOnDuty);
      const second = await level2;
      expect(Date.parse(second.firedAt)).toBeGreaterThanOrEqual(dueAt + STEP_SECONDS * 1000);
      const third = await level3;
      expect(third.recipients.map((recipient) => recipient.userId)).toEqual([secondOnDuty]);
      expect(third.recipients[0]?.rules).toEqual(['on_shift']);

      const running = await duty.request<ChainStatusDto>('GET', `/incidents/${incident.id}/chain`);
      expect(running.body).toMatchObject({ state: 'running', currentLevel: 3, nextLevel: 4 });

      expect((await duty.request('POST', `/incidents/${incident.id}/acknowledge`, {})).status).toBe(200);
      // L4's job either was removed or finds its condition gone: either way nothing fires.
      const outcome = await worker.get(EscalationService).handleDeadlineDue({ incidentId: incident.id, kind: 'acknowledge', cycle: 1, level: 4 });
      expect(outcome.outcome).toBe('condition_cleared');
      const steps = await stepsOf(api, incident.id);
      expect(steps.map((step) => [step.level, step.chain_level, step.round])).toEqual([
        [1, 1, 1],
        [2, 2, 1],
        [3, 3, 1],
      ]);
      // The acknowledge chain is over; the restore deadline's chain now waits for its own deadline.
      const { body: acknowledged } = await duty.request<IncidentDto>('GET', `/incidents/${incident.id}`);
      const restoreChain = await duty.request<ChainStatusDto>('GET', `/incidents/${incident.id}/chain`);
      expect(restoreChain.body).toMatchObject({ state: 'waiting', nextLevel: 1, nextDueAt: acknowledged.restoreDeadline.dueAt });

      // One in-app delivery per (step, recipient), in the outbox with the step's key.
      const deliveries = (await deliveriesOf(api, incident.id)).filter((row) => row.channel === 'in_app');
      expect(deliveries.map((row) => row.recipient_user_id).sort()).toEqual([dutyOfficer, secondOnDuty, ...second.recipients.map((r) => r.userId)].sort());
      expect(new Set(deliveries.map((row) => `${row.source_key}/${row.recipient_user_id}`)).size).toBe(deliveries.length);

      const detail = await duty.request<IncidentDetailDto>('GET', `/incidents/${incident.id}`);
      const escalated = detail.body.timeline.filter((event) => event.type === 'escalated');
      expect(escalated).toHaveLength(3);
    }, 30_000);

    it('escalates now to leadership with a reason, skipping the levels between, and refuses to go sideways', async () => {
      const incident = await reportIncident(duty, site, { severity: SEVERITY, description: 'Chuyển cấp thủ công' });
      const refused = await duty.request<{ code: string; details: { reason: string } }>('POST', `/incidents/${incident.id}/escalate`, { targetLevel: 9, reason: 'x' });
      expect(refused.status).toBe(400);
      const now = await duty.request<ChainStatusDto>('POST', `/incidents/${incident.id}/escalate`, { targetLevel: 4, reason: 'Trạm P0 tại trung tâm báo chí' });
      expect(now.status).toBe(201);
      expect(now.body).toMatchObject({ currentLevel: 4, state: 'exhausted' });
      const again = await duty.request<{ code: string; details: { reason: string } }>('POST', `/incidents/${incident.id}/escalate`, { targetLevel: 4, reason: 'lần nữa' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'conflict', details: { reason: 'not_above_current' } });
      const steps = await stepsOf(api, incident.id);
      expect(steps).toEqual([expect.objectContaining({ level: 4, chain_level: 4, manual: true, reason: 'Trạm P0 tại trung tâm báo chí' })]);
      expect(steps[0]?.recipients.map((recipient) => recipient.userId)).toContain(leadership);
      // The deadline's own L1..L3 jobs find a later step fired and do nothing.
      const skipped = await worker.get(EscalationService).handleDeadlineDue({ incidentId: incident.id, kind: 'acknowledge', cycle: 1, level: 1 });
      expect(['superseded', 'not_due']).toContain(skipped.outcome);
      const audit = await api.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'incident.escalate'`, [incident.id]);
      expect(audit).toHaveLength(1);
    });

    it("moves the running chain up a level when an assigned responder has not accepted in the policy's time, once; a replaced or accepted assignment does not", async () => {
      const { id, updatedAt, ...definition } = policy;
      void updatedAt;
      const shortened = await admin.request<EscalationPolicyDto>('PUT', `/escalation-policies/${id}`, { ...definition, acceptSeconds: ACCEPT_SECONDS });
      expect(shortened.status).toBe(200);
      expect(shortened.body.acceptSeconds).toBe(ACCEPT_SECONDS);
      try {
        const incident = await reportIncident(duty, site, { severity: SEVERITY, description: 'Chưa nhận việc' });
        expect((await duty.request('POST', `/incidents/${incident.id}/acknowledge`, {})).status).toBe(200);
        const { body: candidates } = await duty.request<CandidateResponderDto[]>('GET', `/incidents/${incident.id}/candidate-responders`);
        const [first, second] = candidates;
        if (!first || !second) throw new Error('the site needs two candidate responders');
        // The restore chain waits an hour for its deadline; only the lapsed accept time can fire it now.
        const fired = nextEvent(socket, 'incident.escalated', ({ escalation }) => escalation.incidentId === incident.id, 15_000);
        expect((await duty.request('POST', `/incidents/${incident.id}/assign`, { responderIds: [first.id] })).status).toBe(200);
        const [assignment] = (await duty.request<IncidentDetailDto>('GET', `/incidents/${incident.id}`)).body.assignments;
        if (!assignment) throw new Error('no assignment');
        const { escalation } = (await fired).payload;
        expect(escalation).toMatchObject({ kind: 'restore', level: 1, chainLevel: 1, manual: false });
        expect(Date.parse(escalation.firedAt)).toBeGreaterThanOrEqual(Date.parse(assignment.assignedAt) + ACCEPT_SECONDS * 1000);
        const { body: detail } = await duty.request<IncidentDetailDto>('GET', `/incidents/${incident.id}`);
        const line = detail.timeline.find((event) => event.type === 'escalated');
        expect(line?.type === 'escalated' && line.data.acceptOverdue).toEqual({ responderId: first.id, responderName: first.name, acceptSeconds: ACCEPT_SECONDS });
        expect((await duty.request<ChainStatusDto>('GET', `/incidents/${incident.id}/chain`)).body).toMatchObject({ state: 'running', currentLevel: 1, nextLevel: 2 });

        // Once per assignment: the job run again (a retry, the sweep) changes nothing.
        const escalations = worker.get(EscalationService);
        const firstJob = { incidentId: incident.id, responderId: first.id, assignedAt: assignment.assignedAt };
        expect((await escalations.handleAcceptDue(firstJob)).outcome).toBe('already_escalated');
        // The responder replaced: the old assignment's job does nothing; the new one is accepted in time.
        expect((await duty.request('POST', `/incidents/${incident.id}/assign`, { responderIds: [second.id] })).status).toBe(200);
        expect((await escalations.handleAcceptDue(firstJob)).outcome).toBe('superseded');
        const replaced = (await duty.request<IncidentDetailDto>('GET', `/incidents/${incident.id}`)).body.assignments[0];
        if (!replaced) throw new Error('no assignment');
        const secondJob = { incidentId: incident.id, responderId: second.id, assignedAt: replaced.assignedAt };
        expect((await escalations.handleAcceptDue(secondJob)).outcome).toBe('not_due');
        await api.dataSource.query(`UPDATE incident_responders SET accepted_at = now() WHERE incident_id = $1 AND responder_id = $2`, [incident.id, second.id]);
        expect((await escalations.handleAcceptDue(secondJob)).outcome).toBe('accepted');
        const rows = (await api.dataSource.query(`SELECT level FROM escalations WHERE incident_id = $1 AND kind = 'restore'`, [incident.id])) as unknown[];
        expect(rows).toHaveLength(1);
      } finally {
        expect((await admin.request('PUT', `/escalation-policies/${id}`, { ...definition, acceptSeconds: 900 })).status).toBe(200);
      }
    });

    it('refuses an accept time outside 1 s to a day, naming the field', async () => {
      const { id, updatedAt, ...definition } = policy;
      void updatedAt;
      for (const acceptSeconds of [0, 86_401, 1.5, '60']) {
        const refused = await admin.request<{ fields: { field: string }[] }>('PUT', `/escalation-policies/${id}`, { ...definition, acceptSeconds });
        expect(refused.status).toBe(400);
        expect(refused.body.fields.map((field) => field.field)).toContain('acceptSeconds');
      }
    });

    it('tightens the deadlines of a live incident when an event period starts, and never stretches one', async () => {
      const incident = await reportIncident(duty, site, { severity: SEVERITY, description: 'Đang xử lý khi đại hội bắt đầu' });
      const restoreBefore = Date.parse(incident.restoreDeadline.dueAt);
      const now = Date.now();
      const created = await admin.request<EventPeriodDto>('POST', '/event-periods', {
        name: 'Đại hội (kiểm thử)',
        startsAt: new Date(now - 1000).toISOString(),
        endsAt: new Date(now + 600_000).toISOString(),
        p0SiteIds: [],
        slaFactor: 0.5,
        slaOverrides: {},
        p0LeadershipLevel: null,
        reportIntervalMinutes: 60,
      });
      expect(created.status).toBe(201);
      try {
        await worker.get(EscalationService).reconcile();
        const { body: after } = await duty.request<IncidentDto>('GET', `/incidents/${incident.id}`);
        const restoreAfter = Date.parse(after.restoreDeadline.dueAt);
        expect(restoreAfter).toBeLessThan(restoreBefore);
        expect(restoreAfter).toBe(Date.parse(incident.restoreDeadline.startsAt) + 1800 * 1000);
        const current = await duty.request<{ active: EventPeriodDto | null }>('GET', '/event-periods/current');
        expect(current.body.active?.id).toBe(created.body.id);
        const audit = await api.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
        expect(audit.map((row: { action: string }) => row.action)).toEqual(['event_period.create', 'event_period.switch_on']);
        // A second sweep switches nothing again.
        await worker.get(EscalationService).reconcile();
        expect(await api.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [created.body.id])).toHaveLength(2);
        // A report made during the period is held to the tighter windows from the start.
        const during = await reportIncident(duty, site, { severity: SEVERITY, description: 'Báo trong thời gian đại hội' });
        expect(Date.parse(during.restoreDeadline.dueAt) - Date.parse(during.reportedAt)).toBe(1800 * 1000);
        expect(Date.parse(during.acknowledgeDeadline.dueAt) - Date.parse(during.reportedAt)).toBe(1000);
      } finally {
        await endEventPeriod(admin, created.body);
        await worker.get(EscalationService).reconcile();
      }
      const { body: ended } = await duty.request<IncidentDto>('GET', `/incidents/${incident.id}`);
      // The end of the period stretches nothing.
      expect(Date.parse(ended.restoreDeadline.dueAt)).toBe(Date.parse(incident.restoreDeadline.startsAt) + 1800 * 1000);
    });
  });

  it('treats the sites an event period names as P0 for reports made while it runs', async () => {
    const now = Date.now();
    const created = await admin.request<EventPeriodDto>('POST', '/event-periods', {
      name: 'Đại hội (trạm P0, kiểm thử)',
      startsAt: new Date(now - 1000).toISOString(),
      endsAt: new Date(now + 600_000).toISOString(),
      p0SiteIds: [site.id],
      slaFactor: null,
      slaOverrides: {},
      p0LeadershipLevel: null,
      reportIntervalMinutes: 60,
    });
    expect(created.status).toBe(201);
    try {
      const during = await reportIncident(duty, site, { severity: 'critical', description: 'Trạm P0 của đại hội' });
      expect(during.priority).toBe('P0');
      const { body: p0Policy } = await duty.request<{ severity: string; priority: string; acknowledgeSeconds: number }[]>('GET', '/sla-policies');
      const window = p0Policy.find((row) => row.severity === 'critical' && row.priority === 'P0');
      expect(Date.parse(during.acknowledgeDeadline.dueAt) - Date.parse(during.reportedAt)).toBe((window?.acknowledgeSeconds ?? 0) * 1000);
    } finally {
      await endEventPeriod(admin, created.body);
    }
  });

  describe('when the worker is killed in the middle of a chain', () => {
    const workers: WorkerProcess[] = [];

    afterAll(async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
    });

    it('loses no level and doubles none, nor any notification', async () => {
      await putOnDuty(api, firstOnDuty);
      const first = await spawnWorkerProcess();
      workers.push(first);
      const incident = await reportIncident(duty, site, { severity: SEVERITY, description: 'Worker chết giữa chuỗi' });
      const level1 = stepEvent(socket, incident, 1);
      const level4 = stepEvent(socket, incident, 4, 30_000);
      await level1;
      const exited = new Promise((resolve) => first.process.once('exit', (_code, signal) => resolve(signal)));
      first.process.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      workers.push(await spawnWorkerProcess());
      await level4;
      const steps = await stepsOf(api, incident.id);
      expect(steps.map((step) => step.level)).toEqual([1, 2, 3, 4]);
      const deliveries = await deliveriesOf(api, incident.id);
      expect(new Set(deliveries.map((row) => `${row.source_key}/${row.recipient_user_id}/${row.channel}`)).size).toBe(deliveries.length);
      const inApp = (await api.dataSource.query(
        `SELECT count(*)::int AS n, count(DISTINCT (n.user_id, n.delivery_id))::int AS distinct_n FROM notifications n WHERE n.incident_id = $1`,
        [incident.id],
      )) as { n: number; distinct_n: number }[];
      expect(inApp[0]?.n).toBe(inApp[0]?.distinct_n);
    }, 60_000);
  });
});
