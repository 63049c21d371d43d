import { Logger } from '@nestjs/common';
import type { IncidentStatus } from '@netduty/contracts';
import { InvalidInputError, InvalidTransitionError, NotFoundError } from '@netduty/platform-errors';
import { inMemoryIncidents } from '../testing/in-memory-incidents';
import { actorWith } from '../testing/test-actors';
import { AssignResponders } from './assign-responders';

function setUp(status: IncidentStatus = 'acknowledged') {
  const world = inMemoryIncidents();
  const site = world.store.addSite({ operatorCode: 'viettel', communeCode: '06010', priority: 'P2' });
  const incident = world.store.addIncident(site, { status, acknowledgedAt: status === 'reported' ? null : new Date('2026-10-01T01:03:00Z') });
  const covering = world.store.addResponder({ name: 'Vi Văn Thắng', phone: '0912000002', operatorCode: 'viettel', communeCodes: ['06010'] });
  const second = world.store.addResponder({ name: 'Hoàng Thị Lan', phone: '0912000003', operatorCode: 'viettel', communeCodes: ['06010', '06013'] });
  const otherCommune = world.store.addResponder({ name: 'Nông Văn Bình', phone: '0912000004', operatorCode: 'viettel', communeCodes: ['06013'] });
  const otherOperator = world.store.addResponder({ name: 'Lý Thị Mai', phone: '0912000005', operatorCode: 'vnpt', communeCodes: ['06010'] });
  const inactive = world.store.addResponder({ name: 'Đàm Văn Tú', phone: '0912000006', operatorCode: 'viettel', communeCodes: ['06010'], active: false });
  const useCase = new AssignResponders(world.unitOfWork, world.reader, world.effects);
  return { ...world, incident, covering, second, otherCommune, otherOperator, inactive, useCase };
}

describe('AssignResponders', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('makes the named responders the incident\'s, by name in the timeline, and moves it in progress', async () => {
    const { store, effects, incident, covering, second, useCase } = setUp();
    const dto = await useCase.execute({ incidentId: incident.id, responderIds: [covering.id, second.id, covering.id] }, actorWith());

    expect(dto.status).toBe('in_progress');
    expect(dto.responders.map((responder) => responder.id).sort()).toEqual([covering.id, second.id].sort());
    expect(store.committed.assignments.get(incident.id)?.sort()).toEqual([covering.id, second.id].sort());
    expect(store.committed.timeline.map((line) => line.event)).toEqual([
      {
        type: 'assigned',
        data: {
          responders: [
            { id: second.id, name: 'Hoàng Thị Lan', phone: '0912000003' },
            { id: covering.id, name: 'Vi Văn Thắng', phone: '0912000002' },
          ],
        },
      },
    ]);
    expect(store.committed.audit[0]?.after).toMatchObject({ status: 'in_progress', responders: [{ id: second.id }, { id: covering.id }] });
    // An assignment moves no SLA deadline: each new one starts its accept deadline, then the update is
    // announced, both once committed.
    expect(effects.effects).toEqual([
      { effect: 'accept', incidentId: incident.id, assignments: expect.arrayContaining([{ responderId: covering.id, assignedAt: expect.any(Date) }, { responderId: second.id, assignedAt: expect.any(Date) }]), afterCommits: 1 },
      { effect: 'updated', incident: dto, afterCommits: 1 },
    ]);
  });

  it('replaces an earlier assignment', async () => {
    const { store, incident, covering, second, useCase } = setUp();
    await useCase.execute({ incidentId: incident.id, responderIds: [covering.id] }, actorWith());
    await useCase.execute({ incidentId: incident.id, responderIds: [second.id] }, actorWith());
    expect(store.committed.assignments.get(incident.id)).toEqual([second.id]);
    expect(store.incident(incident.id).version).toBe(3);
  });

  it.each(['otherCommune', 'otherOperator', 'inactive'] as const)('refuses a responder who does not cover the site (%s), naming the ids', async (which) => {
    const world = setUp();
    const foreign = world[which];
    const error = await world.useCase
      .execute({ incidentId: world.incident.id, responderIds: [world.covering.id, foreign.id, 'unknown-id'] }, actorWith())
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).fields).toEqual([{ field: 'responderIds', code: 'no_such_record', params: { ids: [foreign.id, 'unknown-id'] } }]);
    expect(world.store.committed.assignments.size).toBe(0);
    expect(world.store.incident(world.incident.id).status).toBe('acknowledged');
    expect(world.effects.effects).toEqual([]);
  });

  it('refuses an empty list', async () => {
    const { incident, useCase } = setUp();
    const error = await useCase.execute({ incidentId: incident.id, responderIds: [] }, actorWith()).catch((caught: unknown) => caught);
    expect((error as InvalidInputError).fields).toEqual([{ field: 'responderIds', code: 'too_few_items', params: { min: 1 } }]);
  });

  it('checks the lifecycle before the names: an unacknowledged incident refuses any assignment', async () => {
    const { incident, otherOperator, useCase } = setUp('reported');
    const error = await useCase.execute({ incidentId: incident.id, responderIds: [otherOperator.id] }, actorWith()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error).toMatchObject({ attempted: 'assign', allowedActions: ['acknowledge'] });
  });

  it('answers an incident outside the scope as not found', async () => {
    const { incident, covering, useCase } = setUp();
    const responderScope = actorWith({ kind: 'responder', responderId: covering.id });
    await expect(useCase.execute({ incidentId: incident.id, responderIds: [covering.id] }, responderScope)).rejects.toBeInstanceOf(NotFoundError);
  });
});
