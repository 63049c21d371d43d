import type { EscalationPolicyDto } from '@netduty/contracts';
import { deEscalationTargets, escalationTargets, policyOfIncident } from './chain-levels';

function policy(id: string, operatorCode: EscalationPolicyDto['operatorCode'], priority: EscalationPolicyDto['priority']): EscalationPolicyDto {
  return { id, name: id, operatorCode, priority, levels: [{ waitSeconds: 0, recipients: [{ kind: 'assigned_responders' }] }], repeat: 0, acceptSeconds: 900, updatedAt: '2026-12-01T00:00:00.000Z' };
}

describe('chain levels offered to a duty officer', () => {
  it('offers every level before the first fired, and only higher levels after', () => {
    expect(escalationTargets(4, null)).toEqual([1, 2, 3, 4]);
    expect(escalationTargets(4, 2)).toEqual([3, 4]);
    expect(escalationTargets(4, 4)).toEqual([]);
  });

  it('offers only lower levels for a de-escalation, none before a level fired', () => {
    expect(deEscalationTargets(4, null)).toEqual([]);
    expect(deEscalationTargets(4, 1)).toEqual([]);
    expect(deEscalationTargets(4, 3)).toEqual([1, 2]);
  });

  it('picks the most specific policy for the incident, as the api does', () => {
    const policies = [policy('any', null, null), policy('viettel', 'viettel', null), policy('viettel-p0', 'viettel', 'P0')];
    const incident = (code: 'viettel' | 'vnpt', priority: 'P0' | 'P2') => ({ priority, site: { operator: { code } } });
    expect(policyOfIncident(policies, incident('viettel', 'P0'))?.id).toBe('viettel-p0');
    expect(policyOfIncident(policies, incident('viettel', 'P2'))?.id).toBe('viettel');
    expect(policyOfIncident(policies, incident('vnpt', 'P0'))?.id).toBe('any');
    expect(policyOfIncident([], incident('vnpt', 'P0'))).toBeNull();
  });
});
