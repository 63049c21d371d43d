import { Logger } from '@nestjs/common';
import type { IncidentStatus } from '@netduty/contracts';
import { InvalidTransitionError, NotFoundError } from '@netduty/platform-errors';
import { inMemoryIncidents } from '../testing/in-memory-incidents';
import { actorWith } from '../testing/test-actors';
import { CommentOnIncident } from './comment-on-incident';

function setUp(status: IncidentStatus) {
  const world = inMemoryIncidents();
  const site = world.store.addSite({ operatorCode: 'mobifone', communeCode: '06010', priority: 'P0' });
  const incident = world.store.addIncident(site, { status });
  const useCase = new CommentOnIncident(world.unitOfWork, world.reader, world.effects);
  return { ...world, incident, useCase };
}

describe('CommentOnIncident', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('adds the line, audits it and moves the version on, changing no lifecycle field', async () => {
    const { store, effects, incident, useCase } = setUp('in_progress');
    const dto = await useCase.execute({ incidentId: incident.id, text: 'Máy nổ đã chạy' }, actorWith());

    expect(store.committed.timeline).toEqual([{ incidentId: incident.id, actor: 'Nguyễn Thị Trực', event: { type: 'commented', data: { text: 'Máy nổ đã chạy' } } }]);
    expect(store.committed.audit).toEqual([{ action: 'incident.comment', entityType: 'incident', entityId: incident.id, after: { text: 'Máy nổ đã chạy' } }]);
    expect(store.incident(incident.id)).toEqual({ ...incident, version: 2 });
    expect(effects.effects).toEqual([{ effect: 'updated', incident: dto, afterCommits: 1 }]);
  });

  it('refuses a comment on a closed incident and writes nothing', async () => {
    const { store, effects, incident, useCase } = setUp('closed');
    await expect(useCase.execute({ incidentId: incident.id, text: 'Muộn' }, actorWith())).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(store.committed.timeline).toEqual([]);
    expect(store.incident(incident.id).version).toBe(1);
    expect(effects.effects).toEqual([]);
  });

  it('answers an incident outside the scope as not found', async () => {
    const { incident, useCase } = setUp('reported');
    const vnpt = actorWith({ kind: 'operator', operatorCode: 'vnpt', communeCodes: null });
    await expect(useCase.execute({ incidentId: incident.id, text: 'x' }, vnpt)).rejects.toBeInstanceOf(NotFoundError);
  });
});
