import type { EscalationPolicy } from './escalation-policy';
import { policySpecificity, selectPolicy } from './select-policy';

const level = { waitSeconds: 0, recipients: [{ kind: 'assigned_responders' as const }] };
const policy = (id: string, operatorCode: EscalationPolicy['operatorCode'], priority: EscalationPolicy['priority']): EscalationPolicy & { id: string } => ({
  id,
  name: id,
  operatorCode,
  priority,
  levels: [level],
  repeat: 0,
});

const any = policy('any', null, null);
const p0 = policy('p0', null, 'P0');
const viettel = policy('viettel', 'viettel', null);
const viettelP0 = policy('viettel-p0', 'viettel', 'P0');
const all = [any, p0, viettel, viettelP0];

describe('policy selection', () => {
  it('takes operator + tier over operator over tier over the default', () => {
    expect(selectPolicy(all, { operatorCode: 'viettel', priority: 'P0' })?.id).toBe('viettel-p0');
    expect(selectPolicy(all, { operatorCode: 'viettel', priority: 'P1' })?.id).toBe('viettel');
    expect(selectPolicy(all, { operatorCode: 'vnpt', priority: 'P0' })?.id).toBe('p0');
    expect(selectPolicy(all, { operatorCode: 'vnpt', priority: 'P2' })?.id).toBe('any');
  });

  it('gives the same answer whatever order the policies come in', () => {
    const reversed = [...all].reverse();
    for (const subject of [
      { operatorCode: 'viettel', priority: 'P0' },
      { operatorCode: 'mobifone', priority: 'P0' },
      { operatorCode: 'vnpost', priority: 'P1' },
    ] as const) {
      expect(selectPolicy(reversed, subject)).toBe(selectPolicy(all, subject));
    }
  });

  it('breaks a tie between equally specific policies by id, then by name', () => {
    const b = policy('b', 'vnpt', null);
    const a = policy('a', 'vnpt', null);
    expect(selectPolicy([b, a], { operatorCode: 'vnpt', priority: 'P1' })?.id).toBe('a');
    const unnamed = { ...a, id: undefined, name: 'Z' };
    const named = { ...a, id: undefined, name: 'M' };
    expect(selectPolicy([unnamed, named], { operatorCode: 'vnpt', priority: 'P1' })?.name).toBe('M');
    const nameless = { ...a, id: undefined, name: undefined };
    expect(selectPolicy([nameless, named], { operatorCode: 'vnpt', priority: 'P1' })).toBe(nameless);
    expect(selectPolicy([named, nameless], { operatorCode: 'vnpt', priority: 'P1' })).toBe(nameless);
  });

  it('is null when nothing applies', () => {
    expect(selectPolicy([viettel, viettelP0], { operatorCode: 'vnpt', priority: 'P0' })).toBeNull();
    expect(selectPolicy([], { operatorCode: 'vnpt', priority: 'P0' })).toBeNull();
  });

  it('scores how specific a policy is, -1 when it does not apply', () => {
    const subject = { operatorCode: 'viettel', priority: 'P0' } as const;
    expect([any, p0, viettel, viettelP0].map((candidate) => policySpecificity(candidate, subject))).toEqual([0, 1, 2, 3]);
    expect(policySpecificity(policy('x', 'vnpt', null), subject)).toBe(-1);
    expect(policySpecificity(policy('x', null, 'P1'), subject)).toBe(-1);
  });
});
