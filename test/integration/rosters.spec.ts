import {
  DEPARTMENT_DUTY_GROUP_ID,
  type ApiErrorBody,
  type ClusterDto,
  type DutyPersonDto,
  type OnDutyGroupDto,
  type OnDutyNowDto,
  type ShiftHandoverDto,
  type StaffedShiftDto,
  type UserDto,
} from '@netduty/contracts';
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

  describe('adjustments on the night by the on-duty group (thay ca, đổi ca)', () => {
    let groupId: string;
    /** Active duty officers by username (trucban … trucban8). */
    const officer: Record<string, string> = {};
    let night: ApiClient;

    /** The test group's shift covering now, as GET /on-duty/now shows it. */
    async function onDutyNow(): Promise<StaffedShiftDto> {
      const { body } = await duty.request<OnDutyNowDto>('GET', '/on-duty/now');
      const shifts = body.groups.find((entry) => entry.group.id === groupId)?.shifts ?? [];
      expect(shifts).toHaveLength(1);
      return shifts[0] as StaffedShiftDto;
    }

    async function cover(client: ApiClient, memberIds: string[], leadId: string, from = Date.now() - HOUR, to = Date.now() + HOUR) {
      return client.request<OnDutyGroupDto & ApiErrorBody>('POST', `/on-duty-groups/${groupId}/overrides`, {
        startsAt: new Date(from).toISOString(),
        endsAt: new Date(to).toISOString(),
        memberIds,
        leadId,
      });
    }

    beforeAll(async () => {
      night = await as(api.baseUrl, 'trucban2');
      for (const user of (await admin.request<UserDto[]>('GET', '/users')).body) if (user.role === 'duty_officer') officer[user.username] = user.id;
      const [a, b, c, d] = ['trucban3', 'trucban4', 'trucban5', 'trucban6'].map((username) => officer[username] as string);
      // Whole days (00:00–00:00 local), crews taking turns a day each, in effect since a week ago.
      const created = await admin.request<OnDutyGroupDto>('POST', '/on-duty-groups', {
        ...oneOffGroup('Tổ trực thử điều chỉnh ca', 'department', []),
        rotations: [
          {
            id: 'ngay',
            templates: [{ id: 'ca-ngay', startTime: '00:00', endTime: '00:00' }],
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            anchorDate: '2026-01-05',
            crews: [
              { memberIds: [a, b], leadId: a },
              { memberIds: [c, d], leadId: c },
            ],
            effectiveFrom: new Date(Date.now() - 7 * DAY).toISOString(),
            effectiveUntil: null,
          },
        ],
      });
      expect(created.status).toBe(201);
      groupId = created.body.id;
    });

    it("lets a duty officer cover the current shift, shows the new crew on duty now, and restores the rotation's crew on removal", async () => {
      const scheduled = await onDutyNow();
      expect(scheduled.source).toBe('rotation');
      const [e, f] = [officer['trucban7'] as string, officer['trucban8'] as string];
      const added = await cover(duty, [e, f], f);
      expect(added.status).toBe(201);
      const override = added.body.overrides.at(-1);
      expect(override).toMatchObject({ memberIds: [e, f], leadId: f });
      expect(override?.id).toMatch(/^[0-9a-f-]{36}$/);

      const covered = await onDutyNow();
      expect(covered).toMatchObject({ source: 'override', sourceId: override?.id, leadId: f, memberIds: [e, f] });
      expect(covered.members.map((person) => person.id)).toEqual([f, e]);

      const removed = await duty.request<OnDutyGroupDto>('DELETE', `/on-duty-groups/${groupId}/overrides/${override?.id}`);
      expect(removed.status).toBe(200);
      expect(removed.body.overrides.some((item) => item.id === override?.id)).toBe(false);
      expect(await onDutyNow()).toMatchObject({ source: 'rotation', memberIds: scheduled.memberIds, leadId: scheduled.leadId });
      expect((await duty.request<ApiErrorBody>('DELETE', `/on-duty-groups/${groupId}/overrides/${override?.id}`)).status).toBe(404);
      expect((await auditActions(groupId)).slice(-2)).toEqual(['roster.override.add', 'roster.override.remove']);
    });

    it('swaps one person of the occurrence for another, the lead too, and restores them when the swap is removed', async () => {
      const scheduled = await onDutyNow();
      const incoming = officer['trucban7'] as string;
      const added = await duty.request<OnDutyGroupDto>('POST', `/on-duty-groups/${groupId}/swaps`, {
        templateId: scheduled.templateId,
        occurrenceStartsAt: scheduled.scheduledStartsAt,
        outgoingUserId: scheduled.leadId,
        incomingUserId: incoming,
      });
      expect(added.status).toBe(201);
      const swap = added.body.swaps.at(-1);
      const swapped = await onDutyNow();
      expect(swapped.memberIds).toEqual(scheduled.memberIds.map((id) => (id === scheduled.leadId ? incoming : id)));
      expect(swapped.leadId).toBe(incoming);
      expect(swapped.members[0]?.displayName.length).toBeGreaterThan(0);

      // A later swap relies on this one (it takes the incoming person off again): this one stays until that one goes.
      const later = await duty.request<OnDutyGroupDto>('POST', `/on-duty-groups/${groupId}/swaps`, {
        templateId: scheduled.templateId,
        occurrenceStartsAt: scheduled.scheduledStartsAt,
        outgoingUserId: incoming,
        incomingUserId: officer['trucban8'],
      });
      expect(later.status).toBe(201);
      const refused = await duty.request<ApiErrorBody>('DELETE', `/on-duty-groups/${groupId}/swaps/${swap?.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.details).toEqual({ reason: 'later_swap_depends_on_it' });
      expect((await duty.request('DELETE', `/on-duty-groups/${groupId}/swaps/${later.body.swaps.at(-1)?.id}`)).status).toBe(200);
      expect((await duty.request('DELETE', `/on-duty-groups/${groupId}/swaps/${swap?.id}`)).status).toBe(200);
      expect(await onDutyNow()).toMatchObject({ memberIds: scheduled.memberIds, leadId: scheduled.leadId });
      expect((await auditActions(groupId)).slice(-4)).toEqual(['roster.swap.add', 'roster.swap.add', 'roster.swap.remove', 'roster.swap.remove']);
    });

    it('refuses responders, cluster staff and leadership (403), and lets an admin adjust too', async () => {
      const scheduled = await onDutyNow();
      const someone = officer['trucban7'] as string;
      const swap = { templateId: scheduled.templateId, occurrenceStartsAt: scheduled.scheduledStartsAt, outgoingUserId: scheduled.leadId, incomingUserId: someone };
      for (const client of [responder, viettel, leader]) {
        expect((await cover(client, [someone], someone)).status).toBe(403);
        expect((await client.request('POST', `/on-duty-groups/${groupId}/swaps`, swap)).status).toBe(403);
        expect((await client.request('DELETE', `/on-duty-groups/${groupId}/overrides/anything`)).status).toBe(403);
        expect((await client.request('DELETE', `/on-duty-groups/${groupId}/swaps/anything`)).status).toBe(403);
        expect((await client.request('GET', `/on-duty-groups/${groupId}/candidates`)).status).toBe(403);
      }
      const byAdmin = await cover(admin, [someone], someone, Date.now() + 30 * DAY, Date.now() + 30 * DAY + HOUR);
      expect(byAdmin.status).toBe(201);
      const id = byAdmin.body.overrides.at(-1)?.id;
      expect((await admin.request('DELETE', `/on-duty-groups/${groupId}/overrides/${id}`)).status).toBe(200);
    });

    it('refuses bad input naming the field, an unknown group or item (404), and writes nothing', async () => {
      const scheduled = await onDutyNow();
      const [e, f] = [officer['trucban7'] as string, officer['trucban8'] as string];
      const nobody = '00000000-0000-4000-8000-00000000dead';
      const versionBefore = (await api.dataSource.query(`SELECT version FROM on_duty_groups WHERE id = $1`, [groupId]))[0].version;
      const fields = async (result: Promise<{ status: number; body: ApiErrorBody }>) => {
        const { status, body } = await result;
        expect(status).toBe(400);
        expect(body.code).toBe('validation_failed');
        return body.fields;
      };

      expect(await fields(cover(duty, [e], f))).toEqual([{ field: 'leadId', code: 'invalid', params: { rule: 'lead_not_member' } }]);
      expect(await fields(cover(duty, [e], e, Date.now() + HOUR, Date.now()))).toEqual([{ field: 'endsAt', code: 'before_other_field', params: { field: 'startsAt' } }]);
      expect(await fields(cover(duty, [nobody, e], e))).toEqual([{ field: 'memberIds.0', code: 'no_such_record' }]);
      expect(await fields(cover(duty, [], e))).toEqual([
        { field: 'memberIds', code: 'too_few_items', params: { min: 1 } },
        { field: 'leadId', code: 'invalid', params: { rule: 'lead_not_member' } },
      ]);
      const url = `/on-duty-groups/${groupId}/overrides`;
      const shape = await fields(duty.request<ApiErrorBody>('POST', url, { id: 'mine', startsAt: 'tomorrow', endsAt: 7, memberIds: ['x'], leadId: e }));
      expect(new Set(shape?.map((problem) => problem.field))).toEqual(new Set(['endsAt', 'id', 'memberIds']));
      expect(await fields(duty.request<ApiErrorBody>('POST', url, { startsAt: 'tomorrow', endsAt: new Date().toISOString(), memberIds: [e], leadId: e }))).toEqual([
        { field: 'startsAt', code: 'not_a_date' },
      ]);

      const swapUrl = `/on-duty-groups/${groupId}/swaps`;
      const swap = { templateId: scheduled.templateId, occurrenceStartsAt: scheduled.scheduledStartsAt, outgoingUserId: scheduled.leadId, incomingUserId: e };
      expect(await fields(duty.request<ApiErrorBody>('POST', swapUrl, { ...swap, templateId: 'ca-khac' }))).toEqual([{ field: 'templateId', code: 'no_such_record' }]);
      const offBeat = new Date(Date.parse(scheduled.scheduledStartsAt ?? '') + HOUR).toISOString();
      expect(await fields(duty.request<ApiErrorBody>('POST', swapUrl, { ...swap, occurrenceStartsAt: offBeat }))).toEqual([{ field: 'occurrenceStartsAt', code: 'no_such_record' }]);
      expect(await fields(duty.request<ApiErrorBody>('POST', swapUrl, { ...swap, outgoingUserId: f }))).toEqual([
        { field: 'outgoingUserId', code: 'invalid', params: { rule: 'not_in_crew' } },
      ]);
      const colleague = scheduled.memberIds.find((id) => id !== scheduled.leadId);
      expect(await fields(duty.request<ApiErrorBody>('POST', swapUrl, { ...swap, incomingUserId: colleague }))).toEqual([
        { field: 'incomingUserId', code: 'invalid', params: { rule: 'already_in_crew' } },
      ]);
      expect(await fields(duty.request<ApiErrorBody>('POST', swapUrl, { ...swap, incomingUserId: nobody }))).toEqual([{ field: 'incomingUserId', code: 'no_such_record' }]);
      expect(await fields(duty.request<ApiErrorBody>('POST', swapUrl, { ...swap, incomingUserId: 'x' }))).toEqual([{ field: 'incomingUserId', code: 'not_a_uuid' }]);

      const unknownGroup = await duty.request<ApiErrorBody>('POST', `/on-duty-groups/${nobody}/overrides`, { startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + HOUR).toISOString(), memberIds: [e], leadId: e });
      expect([unknownGroup.status, unknownGroup.body.code]).toEqual([404, 'not_found']);
      expect((await duty.request('DELETE', `/on-duty-groups/${nobody}/swaps/x`)).status).toBe(404);
      expect((await duty.request<ApiErrorBody>('DELETE', `/on-duty-groups/${groupId}/overrides/no-such-override`)).body.details).toEqual({ entity: 'shift_override', id: 'no-such-override' });
      expect((await duty.request<ApiErrorBody>('DELETE', `/on-duty-groups/not-a-uuid/swaps/x`)).body.fields).toEqual([{ field: 'id', code: 'not_a_uuid' }]);
      expect((await api.dataSource.query(`SELECT version FROM on_duty_groups WHERE id = $1`, [groupId]))[0].version).toBe(versionBefore);
    });

    it('keeps every override when two duty officers add theirs at the same moment', async () => {
      const before = (await duty.request<OnDutyGroupDto>('GET', `/on-duty-groups/${groupId}`)).body.overrides.length;
      const e = officer['trucban7'] as string;
      const day = (index: number) => Date.now() + (10 + index) * DAY;
      const results = await Promise.all(Array.from({ length: 8 }, (_, index) => cover(index % 2 ? night : duty, [e], e, day(index), day(index) + HOUR)));
      expect(results.map((result) => result.status)).toEqual(Array(8).fill(201));
      const after = (await duty.request<OnDutyGroupDto>('GET', `/on-duty-groups/${groupId}`)).body.overrides;
      expect(after).toHaveLength(before + 8);
      expect(new Set(after.map((item) => item.startsAt)).size).toBe(after.length);
    });

    it('lists who may be put on a shift: active duty officers, leaders and cluster staff, not responders or admins', async () => {
      const { status, body } = await duty.request<DutyPersonDto[]>('GET', `/on-duty-groups/${groupId}/candidates`);
      expect(status).toBe(200);
      expect(body.map((person) => person.id)).toEqual(expect.arrayContaining(Object.values(officer)));
      expect(new Set(body.map((person) => person.role))).toEqual(new Set(['duty_officer', 'leadership', 'cluster_staff']));
      expect((await duty.request('GET', `/on-duty-groups/00000000-0000-4000-8000-00000000dead/candidates`)).status).toBe(404);
    });
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
      // A stormy shift: more escalations earlier in it than the sheet lists (500); the latest must be on it.
      await api.dataSource.query(
        `INSERT INTO escalations (incident_id, kind, cycle, level, deadline_at, fired_at, chain_level, round)
         SELECT $1, 'restore', 1, n, now() - interval '40 minutes', now() - interval '30 minutes' + n * interval '1 millisecond', 1, 1 FROM generate_series(1, 510) AS n`,
        [incidentId],
      );
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
