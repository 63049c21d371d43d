import { DEPARTMENT_DUTY_GROUP_ID } from '@netduty/contracts';
import { chainSchedule } from './chain-schedule';
import { DEFAULT_ESCALATION_POLICIES } from './default-policies';
import { policyProblems } from './policy-problems';
import { selectPolicy } from './select-policy';

describe('default escalation policies', () => {
  it('are valid policies', () => {
    for (const policy of DEFAULT_ESCALATION_POLICIES) expect(policyProblems(policy)).toEqual([]);
  });

  it('reach the assigned responders with the cluster lead (an unassigned incident still reaches someone at L1), the cluster lead, the duty officer on shift and leadership, in that order', () => {
    const general = selectPolicy(DEFAULT_ESCALATION_POLICIES, { operatorCode: 'vnpt', priority: 'P2' });
    if (!general) throw new Error('expected a default for any operator and tier');
    expect(general.priority).toBeNull();
    expect(general.levels.map((level) => level.recipients)).toEqual([
      [{ kind: 'assigned_responders' }, { kind: 'cluster_lead' }],
      [{ kind: 'cluster_lead' }],
      [{ kind: 'on_shift', groupId: DEPARTMENT_DUTY_GROUP_ID }],
      [{ kind: 'role', role: 'leadership' }],
    ]);
    const deadline = new Date('2026-12-07T01:00:00.000Z');
    expect(chainSchedule(general, deadline).map((s) => (s.dueAt.getTime() - deadline.getTime()) / 60_000)).toEqual([
      0, 15, 30, 60, 90, 105, 120, 150,
    ]);
  });

  it('run tighter, and repeat more, for P0', () => {
    const p0 = selectPolicy(DEFAULT_ESCALATION_POLICIES, { operatorCode: 'viettel', priority: 'P0' });
    const general = selectPolicy(DEFAULT_ESCALATION_POLICIES, { operatorCode: 'viettel', priority: 'P1' });
    if (!p0 || !general) throw new Error('expected both defaults');
    expect(p0.priority).toBe('P0');
    p0.levels.forEach((level, index) => expect(level.waitSeconds).toBeLessThanOrEqual(general.levels[index]?.waitSeconds ?? 0));
    const deadline = new Date(0);
    const lastDue = (policy: typeof p0) => chainSchedule(policy, deadline).at(-1)?.dueAt.getTime() ?? Number.NaN;
    expect(lastDue(p0)).toBeLessThan(lastDue(general));
    expect(p0.repeat).toBeGreaterThan(general.repeat);
  });
});
