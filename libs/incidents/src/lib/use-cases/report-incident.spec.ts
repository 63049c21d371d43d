import { Logger } from '@nestjs/common';
import { IdempotencyKeyReusedError, InvalidInputError } from '@netduty/platform-errors';
import type { ReportIncidentCommand } from '../incident-commands';
import { inMemoryIncidents } from '../testing/in-memory-incidents';
import { actorWith } from '../testing/test-actors';
import { ReportIncident, reportFingerprint } from './report-incident';

function setUp() {
  const world = inMemoryIncidents();
  const site = world.store.addSite({ operatorCode: 'viettel', communeCode: '06010', priority: 'P0' });
  const useCase = new ReportIncident(world.unitOfWork, world.reader, world.effects);
  const command: ReportIncidentCommand = { siteId: site.id, category: 'mains_failure', severity: 'critical', description: 'Trạm mất điện lưới' };
  return { ...world, site, useCase, command };
}

describe('ReportIncident', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('stores the incident with both clocks from the SLA policy, its timeline line and its audit line', async () => {
    const { store, useCase, command } = setUp();
    const { incident, created } = await useCase.execute(command, actorWith());

    expect(created).toBe(true);
    expect(incident.status).toBe('reported');
    const reportedAt = new Date(incident.reportedAt).getTime();
    // critical at a P0 site: acknowledge within 5 minutes, restore within 2 hours (the default policy).
    expect(new Date(incident.acknowledgeDeadline.dueAt).getTime() - reportedAt).toBe(300_000);
    expect(new Date(incident.restoreDeadline.dueAt).getTime() - reportedAt).toBe(7_200_000);
    expect(store.committed.timeline).toEqual([
      { incidentId: incident.id, actor: 'Nguyễn Thị Trực', event: { type: 'reported', data: { category: 'mains_failure', severity: 'critical' } } },
    ]);
    expect(store.committed.audit).toEqual([expect.objectContaining({ action: 'incident.report', entityId: incident.id, after: expect.objectContaining({ status: 'reported' }) })]);
  });

  it('enqueues the first level of both deadlines and announces the incident, after the commit', async () => {
    const { effects, useCase, command } = setUp();
    const { incident } = await useCase.execute(command, actorWith());

    expect(effects.effects.map((effect) => [effect.effect, effect.afterCommits])).toEqual([
      ['schedule', 1],
      ['created', 1],
    ]);
    expect(effects.effects[0]).toMatchObject({
      incidentId: incident.id,
      deadlines: [
        { kind: 'acknowledge', cycle: 1, level: 1, dueAt: new Date(incident.acknowledgeDeadline.dueAt) },
        { kind: 'restore', cycle: 1, level: 1, dueAt: new Date(incident.restoreDeadline.dueAt) },
      ],
    });
  });

  it('uses the reporter name given, trimmed, else the caller', async () => {
    const { store, useCase, command } = setUp();
    const named = await useCase.execute({ ...command, reporterName: '  Lò Văn Hùng ' }, actorWith());
    const unnamed = await useCase.execute({ ...command, reporterName: '   ' }, actorWith());
    expect(named.incident.reporterName).toBe('Lò Văn Hùng');
    expect(unnamed.incident.reporterName).toBe('Nguyễn Thị Trực');
    expect(store.committed.timeline.map((line) => line.actor)).toEqual(['Lò Văn Hùng', 'Nguyễn Thị Trực']);
  });

  it('answers a retry with the same key and body with the incident it first reported, storing and announcing nothing', async () => {
    const { store, effects, useCase, command } = setUp();
    const first = await useCase.execute({ ...command, idempotencyKey: 'retry-1' }, actorWith());
    const effectsBefore = effects.effects.length;
    const again = await useCase.execute({ ...command, idempotencyKey: 'retry-1' }, actorWith());

    expect(again).toEqual({ incident: first.incident, created: false });
    expect(store.committed.incidents.size).toBe(1);
    expect(store.committed.timeline).toHaveLength(1);
    expect(effects.effects).toHaveLength(effectsBefore);
  });

  it('refuses a key reused with another body', async () => {
    const { store, useCase, command } = setUp();
    await useCase.execute({ ...command, idempotencyKey: 'retry-2' }, actorWith());
    await expect(useCase.execute({ ...command, description: 'Đứt cáp', idempotencyKey: 'retry-2' }, actorWith())).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    expect(store.committed.incidents.size).toBe(1);
  });

  it("treats another caller's identical key as a different request", async () => {
    const { store, useCase, command } = setUp();
    await useCase.execute({ ...command, idempotencyKey: 'shared' }, actorWith());
    const other = await useCase.execute({ ...command, idempotencyKey: 'shared' }, actorWith({ kind: 'all' }, { userId: 'another-user' }));
    expect(other.created).toBe(true);
    expect(store.committed.incidents.size).toBe(2);
  });

  it('answers the loser of a race on one key as a retry of the winner', async () => {
    const { store, effects, site, useCase, command } = setUp();
    let winnerId = '';
    store.beforeInsert = () => {
      store.beforeInsert = null;
      // The competing request commits between this one's key lookup and its insert.
      const winner = store.addIncident(site, {
        idempotencyKey: 'race',
        idempotencyOwner: actorWith().userId,
        idempotencyBodyHash: reportFingerprint(command),
      });
      winnerId = winner.id;
    };
    const result = await useCase.execute({ ...command, idempotencyKey: 'race' }, actorWith());

    expect(result.created).toBe(false);
    expect(result.incident.id).toBe(winnerId);
    expect(store.committed.incidents.size).toBe(1);
    expect(effects.effects).toEqual([]);
  });

  it('reports a site outside the caller\'s scope exactly like a site that does not exist', async () => {
    const { store, useCase, command } = setUp();
    const vnptScope = { kind: 'operator' as const, operatorCode: 'vnpt' as const, communeCodes: null };
    const outside = await useCase.execute(command, actorWith(vnptScope)).catch((error: unknown) => error);
    const missing = await useCase.execute({ ...command, siteId: 'no-such-site' }, actorWith()).catch((error: unknown) => error);

    for (const error of [outside, missing]) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).fields).toEqual([{ field: 'siteId', code: 'no_such_record' }]);
    }
    expect(store.committed.incidents.size).toBe(0);
  });

  it('refuses a site of the right operator in a commune the cluster does not cover', async () => {
    const { useCase, command } = setUp();
    const scope = { kind: 'operator' as const, operatorCode: 'viettel' as const, communeCodes: ['06013'] };
    await expect(useCase.execute(command, actorWith(scope))).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('stores nothing and announces nothing when the unit of work fails', async () => {
    const { store, effects, useCase, command } = setUp();
    store.failNextAudit = new Error('audit insert failed');
    await expect(useCase.execute(command, actorWith())).rejects.toThrow('audit insert failed');
    expect(store.committed.incidents.size).toBe(0);
    expect(store.committed.timeline).toEqual([]);
    expect(effects.effects).toEqual([]);
  });

  it('still answers and announces the incident when its deadlines cannot be enqueued', async () => {
    const { store, effects, useCase, command } = setUp();
    effects.queueFailure = new Error('redis unreachable');
    const { incident, created } = await useCase.execute(command, actorWith());
    expect(created).toBe(true);
    expect(store.committed.incidents.has(incident.id)).toBe(true);
    expect(effects.effects.map((effect) => effect.effect)).toEqual(['created']);
  });
});

