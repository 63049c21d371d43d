import { Logger } from '@nestjs/common';
import { ForbiddenError } from '@netduty/identity';
import { NotFoundError } from '@netduty/platform-errors';
import { inMemoryIncidents } from '../testing/in-memory-incidents';
import { actorWith } from '../testing/test-actors';
import { AssignResponders } from './assign-responders';
import { JourneyStepRefusedError, RecordJourneyStep } from './record-journey-step';

async function setUp() {
  const world = inMemoryIncidents();
  const site = world.store.addSite({ operatorCode: 'viettel', communeCode: '06010', priority: 'P2' });
  const incident = world.store.addIncident(site, { status: 'acknowledged', acknowledgedAt: new Date('2026-10-01T01:03:00Z') });
  const thang = world.store.addResponder({ name: 'Vi Văn Thắng', phone: '0912000002', operatorCode: 'viettel', communeCodes: ['06010'] });
  const lan = world.store.addResponder({ name: 'Hoàng Thị Lan', phone: '0912000003', operatorCode: 'viettel', communeCodes: ['06010'] });
  const assign = new AssignResponders(world.unitOfWork, world.reader, world.effects);
  await assign.execute({ incidentId: incident.id, responderIds: [thang.id] }, actorWith());
  world.effects.effects.length = 0;
  const useCase = new RecordJourneyStep(world.unitOfWork, world.reader, world.effects);
  const asThang = actorWith({ kind: 'responder', responderId: thang.id }, { role: 'responder', displayName: 'Vi Văn Thắng' });
  const asLan = actorWith({ kind: 'responder', responderId: lan.id }, { role: 'responder', displayName: 'Hoàng Thị Lan' });
  return { ...world, incident, thang, lan, assign, useCase, asThang, asLan };
}

describe('RecordJourneyStep', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('stamps accept, on the way and on site in order, each on the timeline and in the audit trail', async () => {
    const { store, effects, incident, thang, useCase, asThang } = await setUp();
    const accepted = await useCase.execute({ incidentId: incident.id, step: 'accept' }, asThang);
    expect(accepted.recorded).toBe(true);
    expect(accepted.assignment).toMatchObject({ responderId: thang.id, enRouteAt: null, onSiteAt: null, nextStep: 'en_route' });
    expect(accepted.assignment.acceptedAt).not.toBeNull();
    await useCase.execute({ incidentId: incident.id, step: 'en_route' }, asThang);
    const onSite = await useCase.execute({ incidentId: incident.id, step: 'on_site' }, asThang);
    expect(onSite.assignment.nextStep).toBeNull();

    const journey = store.journey(incident.id, thang.id);
    expect(journey?.acceptedAt?.getTime()).toBeLessThanOrEqual(journey?.enRouteAt?.getTime() ?? 0);
    expect(journey?.enRouteAt?.getTime()).toBeLessThanOrEqual(journey?.onSiteAt?.getTime() ?? 0);
    const responder = { id: thang.id, name: 'Vi Văn Thắng', phone: '0912000002' };
    expect(store.committed.timeline.slice(1).map((line) => [line.actor, line.event])).toEqual([
      ['Vi Văn Thắng', { type: 'assignment_accepted', data: { responder } }],
      ['Vi Văn Thắng', { type: 'responder_en_route', data: { responder } }],
      ['Vi Văn Thắng', { type: 'responder_on_site', data: { responder } }],
    ]);
    expect(store.committed.audit.slice(1).map((change) => change.action)).toEqual(['assignment.accept', 'assignment.en_route', 'assignment.on_site']);
    expect(effects.effects.map((effect) => effect.effect)).toEqual(['updated', 'updated', 'updated']);
    // Each step moves the version: one for the assignment, three for the steps.
    expect(store.incident(incident.id).version).toBe(5);
  });

  it('answers a repeated step as the first did, writing nothing and announcing nothing', async () => {
    const { store, effects, incident, thang, useCase, asThang } = await setUp();
    const first = await useCase.execute({ incidentId: incident.id, step: 'accept' }, asThang);
    const commits = store.commits;
    const again = await useCase.execute({ incidentId: incident.id, step: 'accept' }, asThang);
    expect(again.recorded).toBe(false);
    expect(again.assignment.acceptedAt).toBe(first.assignment.acceptedAt);
    expect(store.committed.timeline.filter((line) => line.event.type === 'assignment_accepted')).toHaveLength(1);
    expect(store.commits).toBe(commits + 1);
    expect(store.incident(incident.id).version).toBe(3);
    expect(effects.effects).toHaveLength(1);
    expect(store.journey(incident.id, thang.id)?.acceptedAt?.toISOString()).toBe(first.assignment.acceptedAt);
  });

  it('refuses a step out of order with 409 journey_out_of_order and writes nothing', async () => {
    const { store, incident, thang, useCase, asThang } = await setUp();
    const error = await useCase.execute({ incidentId: incident.id, step: 'on_site' }, asThang).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JourneyStepRefusedError);
    expect(error).toMatchObject({ reason: 'journey_out_of_order' });
    expect(store.journey(incident.id, thang.id)).toMatchObject({ acceptedAt: null, enRouteAt: null, onSiteAt: null });
    expect(store.committed.timeline).toHaveLength(1);
  });

  it('refuses a first step once the incident is resolved', async () => {
    const { store, incident, useCase, asThang } = await setUp();
    store.committed.incidents.set(incident.id, { ...store.incident(incident.id), status: 'resolved' });
    await expect(useCase.execute({ incidentId: incident.id, step: 'accept' }, asThang)).rejects.toMatchObject({ reason: 'incident_not_active' });
  });

  it('does not exist for a responder not assigned, and is forbidden to anyone not a responder', async () => {
    const { incident, useCase, asLan } = await setUp();
    await expect(useCase.execute({ incidentId: incident.id, step: 'accept' }, asLan)).rejects.toBeInstanceOf(NotFoundError);
    await expect(useCase.execute({ incidentId: incident.id, step: 'accept' }, actorWith())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('keeps a journey when its responder is named again, and forgets it when unassigned', async () => {
    const { store, incident, thang, lan, assign, useCase, asThang } = await setUp();
    const accepted = await useCase.execute({ incidentId: incident.id, step: 'accept' }, asThang);
    await assign.execute({ incidentId: incident.id, responderIds: [thang.id, lan.id] }, actorWith());
    expect(store.journey(incident.id, thang.id)?.acceptedAt?.toISOString()).toBe(accepted.assignment.acceptedAt);
    expect(store.journey(incident.id, lan.id)).toMatchObject({ acceptedAt: null });
    await assign.execute({ incidentId: incident.id, responderIds: [lan.id] }, actorWith());
    expect(store.journey(incident.id, thang.id)).toBeUndefined();
  });
});
