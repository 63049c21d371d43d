import { DEPARTMENT_DUTY_GROUP_ID, type ApiErrorBody, type ClusterDto, type OnDutyGroupDto, type OnDutyNowDto, type ShiftHandoverDto, type StaffedShiftDto } from '@netduty/contracts';
import { as, findSite, reportIncident, startApi, type ApiClient, type RunningApi } from './support/stack';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type GroupBody = Omit<OnDutyGroupDto, 'id'>;

function oneOffGroup(name: string, kind: OnDutyGroupDto['kind'], shifts: { startsAt: Date; endsAt: Date; memberIds: string[]; leadId: string }[]): GroupBody {
  return {
    name,
    kind,
    clusterId: null,
    timeZone: 'Asia/Ho_Chi_Minh',
    rotations: [],
    oneOffShifts: shifts.map((shift, index) => ({ id: `s${index}`, ...shift, startsAt: shift.startsAt.toISOString(), endsAt: shift.endsAt.toISOString() })),
    overrides: [],
    swaps: [],
  };
}

describe('rosters (ca trực) and handovers (bàn giao ca) over the api', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let duty: ApiClient;
  let viettel: ApiClient;
  let responder: ApiClient;
  let leader: ApiClient;
  let deputy: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    [admin, duty, viettel, responder, leader, deputy] = await Promise.all(
      ['admin', 'trucban', 'viettel.lsn', 'ungcuu.viettel', 'lanhdao', 'lanhdao2'].map((username) => as(api.baseUrl, username)),
    );
  });

  afterAll(() => api.close());

  async function auditActions(entityId: string): Promise<string[]> {
    const rows: { action: string }[] = await api.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [entityId]);
    return rows.map((row) => row.action);
  }

  it("shows every role who is on duty now in the department's tổ trực, lead first with a call-back phone", async () => {
    for (const client of [duty, viettel, responder, leader]) {
      const { status, body } = await client.request<OnDutyNowDto>('GET', '/on-duty/now');
      expect(status).toBe(200);
      const department = body.groups.find((entry) => entry.group.id === DEPARTMENT_DUTY_GROUP_ID);
      expect(department?.group.kind).toBe('department');
      const [shift] = department?.shifts ?? [];
      expect(shift).toBeDefined();
      expect(Date.parse(shift?.startsAt ?? '')).toBeLessThanOrEqual(Date.parse(body.at));
      expect(Date.parse(shift?.endsAt ?? '')).toBeGreaterThan(Date.parse(body.at));
      expect(shift?.members[0]?.id).toBe(shift?.leadId);
      expect(shift?.members[0]?.phone).toMatch(/^0\d/);
      expect(shift?.members.every((member) => member.role === 'duty_officer' && member.displayName.length > 0)).toBe(true);
      expect(body.groups.some((entry) => entry.group.kind === 'leadership' && entry.shifts.length === 1)).toBe(true);
    }
  });

  it("limits cluster groups to the caller's scope: Viettel staff see Viettel's, not VNPT's; a responder sees none", async () => {
    const all = (await admin.request<OnDutyGroupDto[]>('GET', '/on-duty-groups')).body;
    const clusterOperator = new Map((await admin.request<ClusterDto[]>('GET', '/clusters')).body.map((cluster) => [cluster.id, cluster.operator]));
    const vnptGroup = all.find((group) => group.kind === 'cluster' && clusterOperator.get(group.clusterId ?? '') === 'vnpt');
    expect(vnptGroup).toBeDefined();
    const seen = (await viettel.request<OnDutyGroupDto[]>('GET', '/on-duty-groups')).body;
    const seenClusters = seen.filter((group) => group.kind === 'cluster');
    expect(seenClusters.length).toBeGreaterThan(0);
    expect(seenClusters.every((group) => clusterOperator.get(group.clusterId ?? '') === 'viettel')).toBe(true);
    expect(seen.some((group) => group.id === DEPARTMENT_DUTY_GROUP_ID)).toBe(true);
    expect((await viettel.request('GET', `/on-duty-groups/${vnptGroup?.id}`)).status).toBe(404);
    expect((await viettel.request('GET', `/on-duty-groups/${vnptGroup?.id}/handovers`)).status).toBe(404);
    const responderSees = (await responder.request<OnDutyGroupDto[]>('GET', '/on-duty-groups')).body;
    expect(responderSees.filter((group) => group.kind === 'cluster')).toEqual([]);
  });

  it('lists a week of the tổ trực as three shifts a day, with names, and refuses windows beyond the limit naming the field', async () => {
    const from = new Date(Date.now() - (Date.now() % DAY));
    const to = new Date(from.getTime() + 7 * DAY);
    const { status, body } = await duty.request<StaffedShiftDto[]>('GET', `/on-duty-groups/${DEPARTMENT_DUTY_GROUP_ID}/shifts?from=${from.toISOString()}&to=${to.toISOString()}`);
    expect(status).toBe(200);
    const rotation = body.filter((shift) => shift.source === 'rotation' && Date.parse(shift.startsAt) >= from.getTime() && Date.parse(shift.startsAt) < to.getTime());
    expect(rotation.length).toBeGreaterThanOrEqual(20);
    expect(new Set(rotation.map((shift) => shift.templateId))).toEqual(new Set(['ca-sang', 'ca-chieu', 'ca-dem']));
    expect(body.every((shift) => shift.members.length === shift.memberIds.length)).toBe(true);

    const tooWide = await duty.request<ApiErrorBody>('GET', `/on-duty-groups/${DEPARTMENT_DUTY_GROUP_ID}/shifts?from=${from.toISOString()}&to=${new Date(from.getTime() + 63 * DAY).toISOString()}`);
    expect(tooWide.status).toBe(400);
    expect(tooWide.body.fields).toEqual([{ field: 'to', code: 'too_large', params: { max: 62 } }]);
    const backwards = await duty.request<ApiErrorBody>('GET', `/on-duty-groups/${DEPARTMENT_DUTY_GROUP_ID}/shifts?from=${to.toISOString()}&to=${from.toISOString()}`);
    expect(backwards.body.fields?.[0]).toMatchObject({ field: 'to', code: 'less_than_other_field' });
    const noZone = await duty.request<ApiErrorBody>('GET', `/on-duty-groups/${DEPARTMENT_DUTY_GROUP_ID}/shifts?from=2026-12-07T07:00&to=${to.toISOString()}`);
    expect(noZone.status).toBe(400);
    expect(noZone.body.fields?.map((problem) => problem.field)).toEqual(['from']);
  });

  it('creates and replaces a roster (admin only), checking it whole and naming the field, and audits both', async () => {
    const lead = duty.session.user.id;
    const body: GroupBody = {
      ...oneOffGroup('Tổ trực thử nghiệm tích hợp', 'department', []),
      rotations: [
        {
          id: 'r1',
          templates: [{ id: 'ngay', startTime: '07:00', endTime: '19:00' }],
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          anchorDate: '2026-12-07',
          crews: [{ memberIds: [lead], leadId: lead }],
          effectiveFrom: '2026-12-06T17:00:00Z',
          effectiveUntil: null,
        },
      ],
    };
    expect((await duty.request('POST', '/on-duty-groups', body)).status).toBe(403);
    const leadNotMember = await admin.request<ApiErrorBody>('POST', '/on-duty-groups', {
      ...body,
      rotations: [{ ...body.rotations[0], crews: [{ memberIds: [lead], leadId: deputy.session.user.id }] }],
    });
    expect(leadNotMember.status).toBe(400);
    expect(leadNotMember.body.fields).toEqual([{ field: 'rotations.0.crews.0.leadId', code: 'invalid', params: { rule: 'lead_not_member' } }]);
    const nobody = '00000000-0000-4000-8000-00000000dead';
    const unknownPerson = await admin.request<ApiErrorBody>('POST', '/on-duty-groups', { ...body, rotations: [{ ...body.rotations[0], crews: [{ memberIds: [nobody], leadId: nobody }] }] });
    expect(unknownPerson.status).toBe(400);
    expect(unknownPerson.body.fields?.map((problem) => [problem.field, problem.code])).toEqual([
      ['rotations.0.crews.0.memberIds.0', 'no_such_record'],
      ['rotations.0.crews.0.leadId', 'no_such_record'],
    ]);
    const badShape = await admin.request<ApiErrorBody>('POST', '/on-duty-groups', { ...body, rotations: [{ ...body.rotations[0], weekdays: [8], crews: [{ memberIds: ['x'], leadId: lead }] }] });
    expect(badShape.status).toBe(400);
    expect(badShape.body.fields?.map((problem) => problem.field).sort()).toEqual(['rotations.0.crews.0.memberIds', 'rotations.0.weekdays']);
    const badCluster = await admin.request<ApiErrorBody>('POST', '/on-duty-groups', { ...body, kind: 'cluster', clusterId: nobody });
    expect(badCluster.body.fields).toEqual([{ field: 'clusterId', code: 'no_such_record' }]);

    const created = await admin.request<OnDutyGroupDto>('POST', '/on-duty-groups', body);
    expect(created.status).toBe(201);
    const again = await admin.request<ApiErrorBody>('POST', '/on-duty-groups', body);
    expect(again.status).toBe(409);
    expect(again.body.fields?.map((problem) => problem.field)).toEqual(['name']);

    // Someone is sick: the deputy takes tomorrow 09:00–13:00 (local) over.
    const tomorrow = new Date(Date.now() + DAY);
    const startsAt = new Date(`${tomorrow.toISOString().slice(0, 10)}T02:00:00Z`);
    const override = { id: 'om', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * HOUR).toISOString(), memberIds: [deputy.session.user.id], leadId: deputy.session.user.id };
    expect((await duty.request('PUT', `/on-duty-groups/${created.body.id}`, { ...body, overrides: [override] })).status).toBe(403);
    const replaced = await admin.request<OnDutyGroupDto>('PUT', `/on-duty-groups/${created.body.id}`, { ...body, overrides: [override] });
    expect(replaced.status).toBe(200);
    const shifts = await duty.request<StaffedShiftDto[]>(
      'GET',
      `/on-duty-groups/${created.body.id}/shifts?from=${startsAt.toISOString()}&to=${new Date(startsAt.getTime() + 4 * HOUR).toISOString()}`,
    );
    expect(shifts.body.map((shift) => [shift.source, shift.leadId])).toEqual([['override', deputy.session.user.id]]);
    expect(shifts.body[0]?.members[0]?.displayName).toBe('Lăng Văn Sơn');
    expect(await auditActions(created.body.id)).toEqual(['roster.create', 'roster.update']);
  });

  describe('handover of a shift', () => {
    let groupId: string;
    let incidentId: string;
    let handover: ShiftHandoverDto;

    beforeAll(async () => {
      const now = Date.now();
      const leaderId = leader.session.user.id;
      const deputyId = deputy.session.user.id;
      const created = await admin.request<OnDutyGroupDto>(
        'POST',
        '/on-duty-groups',
        oneOffGroup('Trực lãnh đạo thử bàn giao', 'leadership', [
          { startsAt: new Date(now - HOUR), endsAt: new Date(now + HOUR), memberIds: [leaderId, deputyId], leadId: leaderId },
          { startsAt: new Date(now + HOUR), endsAt: new Date(now + 9 * HOUR), memberIds: [deputyId], leadId: deputyId },
        ]),
      );
      groupId = created.body.id;
      const incident = await reportIncident(duty, await findSite(duty, 'luong van tri'));
      incidentId = incident.id;
      // An escalation the worker fired during the shift (the worker is not running in this suite).
      await api.dataSource.query(
        `INSERT INTO escalations (incident_id, kind, cycle, level, deadline_at, fired_at, chain_level, round) VALUES ($1, 'acknowledge', 1, 1, now(), now(), 1, 1)`,
        [incidentId],
      );
    });

    it('refuses someone on the shift who is not its lead, and hides the sheet from those outside the scope', async () => {
      const refused = await deputy.request<ApiErrorBody>('POST', `/on-duty-groups/${groupId}/handovers`, { notes: 'Không phải trưởng ca' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
      expect((await viettel.request('POST', `/on-duty-groups/${groupId}/handovers`, { notes: 'x' })).status).toBe(404);
      expect((await viettel.request('GET', `/on-duty-groups/${groupId}/handovers`)).status).toBe(404);
    });

    it('refuses bad input naming the field', async () => {
      const tooLong = await leader.request<ApiErrorBody>('POST', `/on-duty-groups/${groupId}/handovers`, { notes: 'x'.repeat(4001) });
      expect(tooLong.body.fields).toEqual([{ field: 'notes', code: 'too_long', params: { max: 4000 } }]);
      const noShift = await leader.request<ApiErrorBody>('POST', `/on-duty-groups/${groupId}/handovers`, { notes: 'x', shiftStartsAt: '2020-01-01T00:00:00Z' });
      expect(noShift.status).toBe(400);
      expect(noShift.body.fields).toEqual([{ field: 'shiftStartsAt', code: 'no_such_record' }]);
      const extra = await leader.request<ApiErrorBody>('POST', `/on-duty-groups/${groupId}/handovers`, { notes: 'x', sheet: {} });
      expect(extra.body.fields).toEqual([{ field: 'sheet', code: 'unknown_field' }]);
    });

    it("writes the outgoing lead's sheet: open incidents with deadlines, escalations of the shift, the next shift's lead", async () => {
      const { status, body } = await leader.request<ShiftHandoverDto>('POST', `/on-duty-groups/${groupId}/handovers`, { notes: 'Theo dõi trạm Lương Văn Tri' });
      expect(status).toBe(201);
      handover = body;
      expect(body.outgoingLeadId).toBe(leader.session.user.id);
      expect(body.incomingLeadId).toBe(deputy.session.user.id);
      expect(body.notes).toBe('Theo dõi trạm Lương Văn Tri');
      expect(body.sheet.nextShift?.leadId).toBe(deputy.session.user.id);
      const open = body.sheet.openIncidents.find((incident) => incident.id === incidentId);
      expect(open).toMatchObject({ status: 'reported', escalationLevel: 0 });
      expect(open?.acknowledgeDueAt).not.toBeNull();
      expect(body.sheet.openIncidents.every((incident) => !['resolved', 'closed'].includes(incident.status))).toBe(true);
      const next = body.sheet.nextShift;
      for (const deadline of body.sheet.deadlinesInNextShift) {
        expect(Date.parse(deadline.dueAt)).toBeGreaterThanOrEqual(Date.parse(next?.startsAt ?? ''));
        expect(Date.parse(deadline.dueAt)).toBeLessThan(Date.parse(next?.endsAt ?? ''));
      }
      expect(body.sheet.escalationsDuringShift).toEqual(expect.arrayContaining([expect.objectContaining({ incidentId, kind: 'acknowledge', level: 1 })]));
      expect(body.sheet.people.map((person) => person.displayName)).toEqual(expect.arrayContaining(['Hoàng Văn Lãnh Đạo', 'Lăng Văn Sơn']));

      const twice = await leader.request<ApiErrorBody>('POST', `/on-duty-groups/${groupId}/handovers`, { notes: 'Lần hai' });
      expect(twice.status).toBe(409);
      expect(twice.body.fields?.map((problem) => problem.field)).toEqual(['shiftStartsAt']);
      const listed = await duty.request<ShiftHandoverDto[]>('GET', `/on-duty-groups/${groupId}/handovers`);
      expect(listed.body.map((entry) => entry.id)).toEqual([body.id]);
    });

    it('is acknowledged by the incoming lead only, once, and both steps are audited', async () => {
      expect((await leader.request('POST', `/handovers/${handover.id}/acknowledge`)).status).toBe(403);
      expect((await duty.request('POST', `/handovers/${handover.id}/acknowledge`)).status).toBe(403);
      expect((await viettel.request('POST', `/handovers/${handover.id}/acknowledge`)).status).toBe(404);
      const acknowledged = await deputy.request<ShiftHandoverDto>('POST', `/handovers/${handover.id}/acknowledge`);
      expect(acknowledged.status).toBe(200);
      expect(acknowledged.body.acknowledgedBy).toBe(deputy.session.user.id);
      expect(acknowledged.body.acknowledgedAt).not.toBeNull();
      const again = await deputy.request<ApiErrorBody>('POST', `/handovers/${handover.id}/acknowledge`);
      expect(again.status).toBe(409);
      expect(await auditActions(handover.id)).toEqual(['handover.create', 'handover.acknowledge']);
    });
  });

  it("lets a cluster's staff hand over their own cluster's shift, with only that cluster's incidents on the sheet", async () => {
    const groups = (await viettel.request<OnDutyGroupDto[]>('GET', '/on-duty-groups')).body.filter((group) => group.kind === 'cluster');
    const clusters = (await admin.request<ClusterDto[]>('GET', '/clusters')).body;
    const group = groups[0];
    const communes = new Set(clusters.find((cluster) => cluster.id === group?.clusterId)?.communeCodes);
    const { status, body } = await viettel.request<ShiftHandoverDto>('POST', `/on-duty-groups/${group?.id}/handovers`, { notes: 'Bàn giao cụm' });
    expect(status).toBe(201);
    expect(body.sheet.group.kind).toBe('cluster');
    const rows: { id: string; commune_code: string; operator_code: string }[] = await api.dataSource.query(
      `SELECT id, commune_code, operator_code FROM incidents WHERE id = ANY($1)`,
      [body.sheet.openIncidents.map((incident) => incident.id)],
    );
    expect(rows.every((row) => row.operator_code === 'viettel' && communes.has(row.commune_code))).toBe(true);
    expect((await viettel.request<ShiftHandoverDto[]>('GET', `/on-duty-groups/${group?.id}/handovers`)).body).toHaveLength(1);
  });
});
