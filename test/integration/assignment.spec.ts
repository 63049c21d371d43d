import type { ApiErrorBody, CandidateResponderDto, IncidentDetailDto, IncidentDto, JourneyStepResultDto, ShiftOverrideDto, SiteSummaryDto } from '@netduty/contracts';
import { as, findSite, reportIncident, startApi, type ApiClient, type RunningApi } from './support/stack';

/** A cluster on-duty group of the test's own, cleared in afterAll. */
const TEST_GROUP_ID = 'a5516e00-0000-4000-8000-000000000801';

interface ResponderRow {
  id: string;
  name: string;
  cluster_id: string;
}

describe('assignment: ranked suggestions and the responder journey', () => {
  let api: RunningApi;
  let duty: ApiClient;
  let responder: ApiClient;
  let responderUserId: string;
  let own: ResponderRow;
  let colleague: ResponderRow;
  let site: SiteSummaryDto;

  async function acknowledged(description: string): Promise<IncidentDto> {
    const incident = await reportIncident(duty, site, { description });
    expect((await duty.request('POST', `/incidents/${incident.id}/acknowledge`, {})).status).toBe(200);
    return incident;
  }

  async function assign(incidentId: string, responderIds: string[]): Promise<void> {
    const result = await duty.request<IncidentDto>('POST', `/incidents/${incidentId}/assign`, { responderIds });
    expect(result.status).toBe(200);
  }

  async function candidates(incidentId: string): Promise<CandidateResponderDto[]> {
    const result = await duty.request<CandidateResponderDto[]>('GET', `/incidents/${incidentId}/candidate-responders`);
    expect(result.status).toBe(200);
    return result.body;
  }

  async function putResponderOnShift(userId: string): Promise<void> {
    const now = Date.now();
    const override: ShiftOverrideDto = {
      id: 'assignment-test',
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      memberIds: [userId],
      leadId: userId,
    };
    await api.dataSource.query(
      `INSERT INTO on_duty_groups (id, name, kind, cluster_id, overrides) VALUES ($1, 'Trực cụm (kiểm thử phân công)', 'cluster', $2, $3::jsonb)
       ON CONFLICT (id) DO UPDATE SET overrides = EXCLUDED.overrides, version = on_duty_groups.version + 1`,
      [TEST_GROUP_ID, own.cluster_id, JSON.stringify([override])],
    );
  }

  beforeAll(async () => {
    api = await startApi();
    duty = await as(api.baseUrl, 'trucban');
    responder = await as(api.baseUrl, 'ungcuu.viettel');
    const [account] = (await api.dataSource.query(`SELECT id, responder_id FROM users WHERE username = 'ungcuu.viettel'`)) as { id: string; responder_id: string }[];
    if (!account) throw new Error('no demo responder account');
    responderUserId = account.id;
    const responders = (await api.dataSource.query(
      `SELECT r.id, r.name, r.cluster_id FROM responders r
        WHERE r.active AND r.cluster_id = (SELECT cluster_id FROM responders WHERE id = $1) ORDER BY r.id`,
      [account.responder_id],
    )) as ResponderRow[];
    const found = responders.find((row) => row.id === account.responder_id);
    const other = responders.find((row) => row.id !== account.responder_id);
    if (!found || !other) throw new Error('the demo responder needs a colleague in its cluster');
    own = found;
    colleague = other;
    const [siteRow] = (await api.dataSource.query(
      `SELECT s.code FROM sites s
         JOIN clusters c ON c.operator_code = s.operator_code
         JOIN cluster_communes cc ON cc.cluster_id = c.id AND cc.commune_code = s.commune_code
        WHERE c.id = $1 ORDER BY s.code LIMIT 1`,
      [own.cluster_id],
    )) as { code: string }[];
    if (!siteRow) throw new Error('no site covered by the demo responder cluster');
    site = await findSite(duty, siteRow.code);
  });

  afterAll(async () => {
    await api?.dataSource.query(`DELETE FROM on_duty_groups WHERE id = $1`, [TEST_GROUP_ID]);
    await api?.close();
  });

  it('ranks the covering cluster by shift from the roster, then fewest open assignments, with reasons and unknown distances', async () => {
    const incident = await acknowledged('Mất điện lưới #ranking');
    const before = await candidates(incident.id);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.map((candidate) => candidate.rank)).toEqual(before.map((_, index) => index + 1));
    for (const candidate of before) {
      // Responders have no recorded position: no distance is invented.
      expect(candidate.distanceMetres).toBeNull();
      expect(candidate.reasons).toEqual([
        { code: 'in_covering_cluster' },
        { code: candidate.onShift ? 'on_shift' : 'off_shift' },
        { code: 'open_assignments', count: candidate.openAssignments },
        { code: 'distance_unknown' },
      ]);
    }
    // The demo rosters put only cluster staff on duty: no responder is on shift until the roster says so.
    expect(before.find((candidate) => candidate.id === own.id)?.onShift).toBe(false);

    // Busier: the colleague gets an open assignment elsewhere; they move behind equals with fewer.
    const elsewhere = await acknowledged('Mất điện lưới #busy');
    await assign(elsewhere.id, [colleague.id]);
    const busier = await candidates(incident.id);
    const colleagueBefore = before.find((candidate) => candidate.id === colleague.id)?.openAssignments ?? -1;
    expect(busier.find((candidate) => candidate.id === colleague.id)?.openAssignments).toBe(colleagueBefore + 1);
    const offShift = busier.filter((candidate) => !candidate.onShift);
    for (let index = 1; index < offShift.length; index++) {
      expect(offShift[index]?.openAssignments).toBeGreaterThanOrEqual(offShift[index - 1]?.openAssignments ?? 0);
    }

    // On shift now by the roster of the responder's cluster group: first, whatever the others' load.
    await putResponderOnShift(responderUserId);
    const ranked = await candidates(incident.id);
    expect(ranked[0]).toMatchObject({ id: own.id, rank: 1, onShift: true, assigned: false });
    expect(ranked[0]?.reasons[1]).toEqual({ code: 'on_shift' });
    expect(ranked.slice(1).every((candidate) => !candidate.onShift)).toBe(true);

    // One click assigns through the assign action; the suggestion then says so.
    await assign(incident.id, [own.id]);
    expect((await candidates(incident.id)).find((candidate) => candidate.id === own.id)?.assigned).toBe(true);
  });

  it("records the assigned responder's journey with its times on the timeline, idempotent on repeat, 409 out of order, audited", async () => {
    const incident = await acknowledged('Mất điện lưới #journey');
    await assign(incident.id, [own.id]);
    const base = `/incidents/${incident.id}/assignment`;

    const early = await responder.request<ApiErrorBody>('POST', `${base}/on-site`);
    expect(early.status).toBe(409);
    expect(early.body.details).toEqual({ reason: 'journey_out_of_order' });

    const accepted = await responder.request<JourneyStepResultDto>('POST', `${base}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ recorded: true, assignment: { responderId: own.id, nextStep: 'en_route', enRouteAt: null } });
    const again = await responder.request<JourneyStepResultDto>('POST', `${base}/accept`);
    expect(again.status).toBe(200);
    expect(again.body.recorded).toBe(false);
    expect(again.body.assignment.acceptedAt).toBe(accepted.body.assignment.acceptedAt);

    const tooSoon = await responder.request<ApiErrorBody>('POST', `${base}/on-site`);
    expect(tooSoon.status).toBe(409);
    expect((await responder.request<JourneyStepResultDto>('POST', `${base}/en-route`)).status).toBe(200);
    const onSite = await responder.request<JourneyStepResultDto>('POST', `${base}/on-site`);
    expect(onSite.status).toBe(200);
    expect(onSite.body.assignment.nextStep).toBeNull();

    const { body: detail } = await duty.request<IncidentDetailDto>('GET', `/incidents/${incident.id}`);
    const progress = detail.assignments.find((assignment) => assignment.responderId === own.id);
    expect(progress).toMatchObject({ acceptedAt: accepted.body.assignment.acceptedAt, onSiteAt: onSite.body.assignment.onSiteAt });
    const journeyLines = detail.timeline.filter((event) => ['assignment_accepted', 'responder_en_route', 'responder_on_site'].includes(event.type));
    expect(journeyLines.map((event) => [event.type, event.at])).toEqual([
      ['assignment_accepted', progress?.acceptedAt],
      ['responder_en_route', progress?.enRouteAt],
      ['responder_on_site', progress?.onSiteAt],
    ]);
    expect(journeyLines[0]).toMatchObject({ data: { responder: { id: own.id, name: own.name } } });
    expect(Date.parse(progress?.acceptedAt ?? '')).toBeLessThanOrEqual(Date.parse(progress?.enRouteAt ?? ''));
    expect(Date.parse(progress?.enRouteAt ?? '')).toBeLessThanOrEqual(Date.parse(progress?.onSiteAt ?? ''));

    const audit = (await api.dataSource.query(`SELECT action, actor_username FROM audit_log WHERE entity_id = $1 AND action LIKE 'assignment.%' ORDER BY id`, [
      incident.id,
    ])) as { action: string; actor_username: string }[];
    expect(audit).toEqual([
      { action: 'assignment.accept', actor_username: 'ungcuu.viettel' },
      { action: 'assignment.en_route', actor_username: 'ungcuu.viettel' },
      { action: 'assignment.on_site', actor_username: 'ungcuu.viettel' },
    ]);
  });

  it('keeps a journey when the responder is assigned again with a colleague', async () => {
    const incident = await acknowledged('Mất điện lưới #reassign');
    await assign(incident.id, [own.id]);
    const accepted = await responder.request<JourneyStepResultDto>('POST', `/incidents/${incident.id}/assignment/accept`);
    await assign(incident.id, [own.id, colleague.id]);
    const { body: detail } = await duty.request<IncidentDetailDto>('GET', `/incidents/${incident.id}`);
    expect(detail.assignments.find((assignment) => assignment.responderId === own.id)?.acceptedAt).toBe(accepted.body.assignment.acceptedAt);
    expect(detail.assignments.find((assignment) => assignment.responderId === colleague.id)).toMatchObject({ acceptedAt: null, nextStep: 'accept' });
  });

  it('lets only the assigned responder take a step: others 403 by role, 404 when not assigned, 409 once resolved', async () => {
    const notAssigned = await acknowledged('Mất điện lưới #not-assigned');
    await assign(notAssigned.id, [colleague.id]);
    expect((await responder.request('POST', `/incidents/${notAssigned.id}/assignment/accept`)).status).toBe(404);
    expect((await duty.request('POST', `/incidents/${notAssigned.id}/assignment/accept`)).status).toBe(403);
    const leadership = await as(api.baseUrl, 'lanhdao');
    expect((await leadership.request('POST', `/incidents/${notAssigned.id}/assignment/accept`)).status).toBe(403);
    expect((await responder.request('POST', `/incidents/not-a-uuid/assignment/accept`)).status).toBe(400);

    const resolved = await acknowledged('Mất điện lưới #resolved');
    await assign(resolved.id, [own.id]);
    expect((await duty.request('POST', `/incidents/${resolved.id}/resolve`, {})).status).toBe(200);
    const late = await responder.request<ApiErrorBody>('POST', `/incidents/${resolved.id}/assignment/accept`);
    expect(late.status).toBe(409);
    expect(late.body.details).toEqual({ reason: 'incident_not_active' });
  });
});
