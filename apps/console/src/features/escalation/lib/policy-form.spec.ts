import type { EscalationPolicyDto } from '@netduty/contracts';
import { policyProblems } from '@netduty/domain';
import { EMPTY_LEVEL, policyDefinition, policyValues, problemPath } from './policy-form';

const stored: EscalationPolicyDto = {
  id: 'p1',
  name: 'Viettel P0',
  operatorCode: 'viettel',
  priority: 'P0',
  repeat: 1,
  acceptSeconds: 300,
  updatedAt: '2026-12-01T00:00:00.000Z',
  levels: [
    { waitSeconds: 0, recipients: [{ kind: 'assigned_responders' }] },
    { waitSeconds: 300, recipients: [{ kind: 'cluster_lead' }, { kind: 'person', userId: 'u1' }] },
    { waitSeconds: 600, recipients: [{ kind: 'on_shift', groupId: 'g1' }, { kind: 'role', role: 'leadership' }] },
  ],
};

describe('escalation policy editor values', () => {
  it('round-trips a stored policy (waits in minutes on screen, seconds on the wire)', () => {
    const values = policyValues(stored);
    expect(values.levels[1]).toEqual({ ...EMPTY_LEVEL, waitMinutes: 5, people: ['u1'], clusterLead: true });
    const definition = policyDefinition(values);
    expect(definition.operatorCode).toBe('viettel');
    expect(definition.levels.map((level) => level.waitSeconds)).toEqual([0, 300, 600]);
    expect(definition.levels[2]?.recipients).toEqual([{ kind: 'role', role: 'leadership' }, { kind: 'on_shift', groupId: 'g1' }]);
    expect(values.acceptMinutes).toBe(5);
    expect(definition.acceptSeconds).toBe(300);
  });

  it('puts an accept time the api refuses on the accept field, and starts a new policy at 15 minutes', () => {
    expect(problemPath('acceptSeconds', policyDefinition(policyValues(stored)))).toEqual(['acceptMinutes']);
    expect(policyDefinition(policyValues(null)).acceptSeconds).toBe(900);
  });

  it('sends null for "any" operator and tier, and a trimmed name', () => {
    const definition = policyDefinition({ ...policyValues(null), name: '  Mặc định  ' });
    expect(definition).toMatchObject({ name: 'Mặc định', operatorCode: null, priority: null, levels: [{ waitSeconds: 0, recipients: [{ kind: 'assigned_responders' }] }] });
  });

  it('puts each problem on the field that caused it', () => {
    const values = policyValues(stored);
    values.levels[1] = { ...EMPTY_LEVEL, waitMinutes: -1, people: ['u1', 'u1'] };
    values.levels.push({ ...EMPTY_LEVEL });
    const definition = policyDefinition(values);
    const paths = policyProblems(definition).map((problem) => problemPath(problem.field, definition));
    expect(paths).toEqual([
      ['levels', 1, 'waitMinutes'],
      ['levels', 1, 'people'],
      ['levels', 3, 'recipients'],
    ]);
    expect(problemPath('levels[0].recipients[0]', definition)).toEqual(['levels', 0, 'assignedResponders']);
    expect(problemPath('somethingElse', definition)).toBeNull();
  });
});
