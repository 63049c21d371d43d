import { ESCALATION_POLICY_LIMITS, type RecipientRule, type Role } from '@netduty/contracts';
import type { EscalationPolicy } from './escalation-policy';
import { policyProblems, policyScopeConflict } from './policy-problems';

const responders: RecipientRule = { kind: 'assigned_responders' };

function valid(overrides: Partial<EscalationPolicy> = {}): EscalationPolicy {
  return {
    name: 'Viettel P0',
    operatorCode: 'viettel',
    priority: 'P0',
    repeat: 1,
    levels: [
      { waitSeconds: 0, recipients: [responders] },
      { waitSeconds: 300, recipients: [{ kind: 'cluster_lead' }, { kind: 'on_shift', groupId: 'g-1' }] },
    ],
    ...overrides,
  };
}

describe('policy problems', () => {
  it('accepts a sound policy, and one without a name when none is given', () => {
    expect(policyProblems(valid())).toEqual([]);
    expect(policyProblems({ ...valid(), name: undefined })).toEqual([]);
  });

  it('refuses a policy with no levels, or more than the cap', () => {
    expect(policyProblems(valid({ levels: [] }))).toEqual([{ field: 'levels', code: 'too_few_items', params: { min: 1 } }]);
    const nine = Array.from({ length: ESCALATION_POLICY_LIMITS.maxLevels + 1 }, (_, index) => ({
      waitSeconds: index === 0 ? 0 : 60,
      recipients: [responders],
    }));
    expect(policyProblems(valid({ levels: nine }))).toEqual([{ field: 'levels', code: 'too_many_items', params: { max: 8 } }]);
  });

  it('names the level of a negative, fractional or too long wait', () => {
    const levels = [
      { waitSeconds: -1, recipients: [responders] },
      { waitSeconds: 1.5, recipients: [responders] },
      { waitSeconds: ESCALATION_POLICY_LIMITS.maxWaitSeconds + 1, recipients: [responders] },
      { waitSeconds: ESCALATION_POLICY_LIMITS.maxWaitSeconds, recipients: [responders] },
    ];
    expect(policyProblems(valid({ levels, repeat: 0 }))).toEqual([
      { field: 'levels[0].waitSeconds', code: 'too_small', params: { min: 0 } },
      { field: 'levels[1].waitSeconds', code: 'not_an_integer' },
      { field: 'levels[2].waitSeconds', code: 'too_large', params: { max: 86400 } },
    ]);
  });

  it('refuses a level with no recipients or too many', () => {
    const many = Array.from({ length: ESCALATION_POLICY_LIMITS.maxRecipientsPerLevel + 1 }, (_, index) => ({ kind: 'person' as const, userId: `u-${index}` }));
    expect(policyProblems(valid({ levels: [{ waitSeconds: 0, recipients: [] }, { waitSeconds: 60, recipients: many }] }))).toEqual([
      { field: 'levels[0].recipients', code: 'too_few_items', params: { min: 1 } },
      { field: 'levels[1].recipients', code: 'too_many_items', params: { max: 20 } },
    ]);
  });

  it('names a recipient rule named twice in one level, and an empty id or unknown role', () => {
    const levels = [
      { waitSeconds: 0, recipients: [responders, { kind: 'person', userId: 'u-1' }, { kind: 'person', userId: 'u-1' }, responders] },
      {
        waitSeconds: 60,
        recipients: [
          { kind: 'person', userId: ' ' },
          { kind: 'on_shift', groupId: '' },
          { kind: 'role', role: 'janitor' as Role },
          { kind: 'role', role: 'leadership' },
          { kind: 'role', role: 'leadership' },
          { kind: 'cluster_lead' },
          { kind: 'cluster_lead' },
        ],
      },
    ] satisfies EscalationPolicy['levels'];
    expect(policyProblems(valid({ levels }))).toEqual([
      { field: 'levels[0].recipients[2]', code: 'already_used' },
      { field: 'levels[0].recipients[3]', code: 'already_used' },
      { field: 'levels[1].recipients[0].userId', code: 'required' },
      { field: 'levels[1].recipients[1].groupId', code: 'required' },
      { field: 'levels[1].recipients[2].role', code: 'not_one_of', params: { allowed: ['admin', 'duty_officer', 'cluster_staff', 'responder', 'leadership'] } },
      { field: 'levels[1].recipients[4]', code: 'already_used' },
      { field: 'levels[1].recipients[6]', code: 'already_used' },
    ]);
  });

  it('keeps repeat within 0..5 and whole', () => {
    expect(policyProblems(valid({ repeat: -1 }))).toEqual([{ field: 'repeat', code: 'too_small', params: { min: 0 } }]);
    expect(policyProblems(valid({ repeat: 6 }))).toEqual([{ field: 'repeat', code: 'too_large', params: { max: 5 } }]);
    expect(policyProblems(valid({ repeat: 0.5 }))).toEqual([{ field: 'repeat', code: 'not_an_integer' }]);
    expect(policyProblems(valid({ repeat: 5 }))).toEqual([]);
  });

  it('refuses a repeat that would notify the whole chain again in the same instant', () => {
    const instant = [
      { waitSeconds: 0, recipients: [responders] },
      { waitSeconds: 0, recipients: [{ kind: 'cluster_lead' as const }] },
    ];
    expect(policyProblems(valid({ levels: instant, repeat: 1 }))).toEqual([{ field: 'repeat', code: 'invalid', params: { rule: 'repeat_without_wait' } }]);
    expect(policyProblems(valid({ levels: instant, repeat: 0 }))).toEqual([]);
  });

  it('checks the name when one is given', () => {
    expect(policyProblems(valid({ name: '  ' }))).toEqual([{ field: 'name', code: 'required' }]);
    expect(policyProblems(valid({ name: 'x'.repeat(121) }))).toEqual([{ field: 'name', code: 'too_long', params: { max: 120 } }]);
  });
});

describe('policy scope conflict', () => {
  it('refuses a second policy for the same operator and tier, but not the policy itself being saved again', () => {
    const stored = [{ id: 'a', operatorCode: 'vnpt' as const, priority: 'P0' as const }, { id: 'b', operatorCode: null, priority: null }];
    expect(policyScopeConflict({ operatorCode: 'vnpt', priority: 'P0' }, stored)).toEqual([
      { field: 'operatorCode', code: 'already_used', params: { field: 'priority' } },
    ]);
    expect(policyScopeConflict({ id: 'a', operatorCode: 'vnpt', priority: 'P0' }, stored)).toEqual([]);
    expect(policyScopeConflict({ id: 'c', operatorCode: null, priority: null }, stored)).toHaveLength(1);
    expect(policyScopeConflict({ id: 'c', operatorCode: 'vnpt', priority: null }, stored)).toEqual([]);
  });
});
