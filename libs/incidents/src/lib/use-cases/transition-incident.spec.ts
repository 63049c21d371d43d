import { Logger } from '@nestjs/common';
import type { IncidentStatus } from '@netduty/contracts';
import { InvalidTransitionError, NotFoundError } from '@netduty/platform-errors';
import type { IncidentRecord } from '../ports/incident-record';
import { inMemoryIncidents } from '../testing/in-memory-incidents';
import { actorWith } from '../testing/test-actors';
import { TransitionIncident } from './transition-incident';

const acknowledgedAt = new Date('2026-10-01T01:03:00Z');

function setUp(status: IncidentStatus, fields: Partial<IncidentRecord> = {}) {
  const world = inMemoryIncidents();
  const site = world.store.addSite({ operatorCode: 'vnpt', communeCode: '06010', priority: 'P1' });
  const incident = world.store.addIncident(site, {
    status,
    acknowledgedAt: status === 'reported' ? null : acknowledgedAt,
    resolvedAt: status === 'resolved' || status === 'closed' ? new Date('2026-10-01T02:00:00Z') : null,
    ...fields,
  });
  const useCase = new TransitionIncident(world.unitOfWork, world.reader, world.effects);
  return { ...world, incident, useCase };
}

describe('TransitionIncident', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('acknowledges: stores the time and a version on, writes the line, cancels the acknowledge jobs after the commit', async () => {
    const { store, effects, incident, useCase } = setUp('reported');
    const dto = await useCase.execute({ incidentId: incident.id, action: 'acknowledge', note: 'Đã tiếp nhận' }, actorWith());

    expect(dto.status).toBe('acknowledged');
    expect(store.incident(incident.id)).toMatchObject({ status: 'acknowledged', version: 2 });
    expect(store.incident(incident.id).acknowledgedAt).toBeInstanceOf(Date);
    expect(store.committed.timeline).toEqual([
      { incidentId: incident.id, actor: 'Nguyễn Thị Trực', event: { type: 'acknowledged', data: { note: 'Đã tiếp nhận' } } },
    ]);
    expect(effects.effects).toEqual([
      { effect: 'cancel', incidentId: incident.id, clocks: [{ kind: 'acknowledge', cycle: 1 }], afterCommits: 1 },
      { effect: 'updated', incident: dto, afterCommits: 1 },
    ]);
  });

  it('records the incident before and after, with the note, in the audit line', async () => {
    const { store, incident, useCase } = setUp('acknowledged');
    await useCase.execute({ incidentId: incident.id, action: 'resolve', note: 'Đã có điện' }, actorWith());
    const [line] = store.committed.audit;
    expect(line).toMatchObject({ action: 'incident.resolve', entityType: 'incident', entityId: incident.id });
    expect(line?.before).toMatchObject({ status: 'acknowledged', resolvedAt: null });
    expect(line?.after).toMatchObject({ status: 'resolved', note: 'Đã có điện' });
  });

  it('resolves: cancels the restore jobs of the current cycle', async () => {
    const { effects, incident, useCase } = setUp('reopened', { slaCycle: 2 });
    await useCase.execute({ incidentId: incident.id, action: 'resolve' }, actorWith());
    expect(effects.effects[0]).toEqual({ effect: 'cancel', incidentId: incident.id, clocks: [{ kind: 'restore', cycle: 2 }], afterCommits: 1 });
  });

  it('closes: moves no deadline, only announces', async () => {
    const { store, effects, incident, useCase } = setUp('resolved');
    await useCase.execute({ incidentId: incident.id, action: 'close' }, actorWith());
    expect(store.incident(incident.id).closedAt).toBeInstanceOf(Date);
    expect(effects.effects.map((effect) => effect.effect)).toEqual(['updated']);
  });

  it('reopens: a fresh restore window from the policy, the next cycle, escalation reset, still acknowledged, its first level enqueued', async () => {
    const { store, effects, incident, useCase } = setUp('resolved', { slaCycle: 1, escalationLevel: 2 });
    const before = Date.now();
    const dto = await useCase.execute({ incidentId: incident.id, action: 'reopen', note: 'Mất sóng trở lại' }, actorWith());

    const stored = store.incident(incident.id);
    expect(stored).toMatchObject({ status: 'reopened', slaCycle: 2, escalationLevel: 0, resolvedAt: null, acknowledgedAt: acknowledgedAt });
    // The incident is critical at a P1 site, whose default restore window is 4 hours.
    expect(stored.restoreDueAt.getTime() - stored.restoreStartsAt.getTime()).toBe(4 * 3600_000);
    expect(stored.restoreStartsAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(store.committed.timeline.map((line) => line.event)).toEqual([{ type: 'reopened', data: { note: 'Mất sóng trở lại' } }]);
    expect(effects.effects[0]).toEqual({
      effect: 'schedule',
      incidentId: incident.id,
      deadlines: [{ kind: 'restore', cycle: 2, level: 1, dueAt: stored.restoreDueAt }],
      afterCommits: 1,
    });
    expect(dto.nextDeadline).toEqual({ kind: 'restore', startsAt: stored.restoreStartsAt.toISOString(), dueAt: stored.restoreDueAt.toISOString() });
  });

  it('reopens with the SLA policy in force now, not the one at the report', async () => {
    const { store, incident, useCase } = setUp('resolved');
    store.policies.set('critical/P1', { acknowledgeSeconds: 60, restoreSeconds: 900 });
    await useCase.execute({ incidentId: incident.id, action: 'reopen', note: 'Lại mất điện' }, actorWith());
    const stored = store.incident(incident.id);
    expect(stored.restoreDueAt.getTime() - stored.restoreStartsAt.getTime()).toBe(900_000);
  });

  it('refuses a step the lifecycle does not allow, naming the allowed ones, and changes nothing', async () => {
    const { store, effects, incident, useCase } = setUp('reported');
    const error = await useCase.execute({ incidentId: incident.id, action: 'close' }, actorWith()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error).toMatchObject({ currentStatus: 'reported', attempted: 'close', allowedActions: ['acknowledge'] });
    expect(store.incident(incident.id)).toEqual(incident);
    expect(store.committed.timeline).toEqual([]);
    expect(store.commits).toBe(0);
    expect(effects.effects).toEqual([]);
  });

  it('refuses to reopen a closed incident', async () => {
    const { incident, useCase } = setUp('closed');
    await expect(useCase.execute({ incidentId: incident.id, action: 'reopen', note: 'muộn' }, actorWith())).rejects.toMatchObject({
      code: 'invalid_transition',
      allowedActions: [],
    });
  });

  it('answers an incident outside the scope as not found, like one that does not exist', async () => {
    const { store, incident, useCase } = setUp('reported');
    const viettel = actorWith({ kind: 'operator', operatorCode: 'viettel', communeCodes: null });
    await expect(useCase.execute({ incidentId: incident.id, action: 'acknowledge' }, viettel)).rejects.toBeInstanceOf(NotFoundError);
    await expect(useCase.execute({ incidentId: 'missing', action: 'acknowledge' }, actorWith())).rejects.toBeInstanceOf(NotFoundError);
    expect(store.incident(incident.id).status).toBe('reported');
  });

  it('leaves the stored incident and the queue untouched when the unit of work fails', async () => {
    const { store, effects, incident, useCase } = setUp('reported');
    store.failNextAudit = new Error('audit insert failed');
    await expect(useCase.execute({ incidentId: incident.id, action: 'acknowledge' }, actorWith())).rejects.toThrow('audit insert failed');
    expect(store.incident(incident.id)).toEqual(incident);
    expect(store.committed.timeline).toEqual([]);
    expect(effects.effects).toEqual([]);
  });

  it('still succeeds and announces when the queue cannot be reached (the sweep re-enqueues)', async () => {
    const { store, effects, incident, useCase } = setUp('resolved');
    effects.queueFailure = new Error('redis unreachable');
    const dto = await useCase.execute({ incidentId: incident.id, action: 'reopen', note: 'Mất sóng' }, actorWith());
    expect(dto.status).toBe('reopened');
    expect(store.incident(incident.id).slaCycle).toBe(2);
    expect(effects.effects.map((effect) => effect.effect)).toEqual(['updated']);
  });
});
