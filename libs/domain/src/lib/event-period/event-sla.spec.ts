import type { EscalationPolicy } from '../escalation-policy/escalation-policy';
import { eventEscalationPolicy, eventPriority, eventSlaWindow } from './event-sla';

const base = { acknowledgeSeconds: 600, restoreSeconds: 4 * 3600 };

describe('event priority', () => {
  it('makes the named sites P0 during the period, and leaves others and no period alone', () => {
    const period = { p0SiteIds: ['venue', 'hotel'] };
    expect(eventPriority('venue', 'P2', period)).toBe('P0');
    expect(eventPriority('depot', 'P2', period)).toBe('P2');
    expect(eventPriority('venue', 'P1', null)).toBe('P1');
  });
});

describe('event SLA window', () => {
  it('is the base without a period, or with a period that changes nothing', () => {
    expect(eventSlaWindow(base, null, 'P0')).toBe(base);
    expect(eventSlaWindow(base, { slaFactor: null, slaOverrides: {} }, 'P0')).toEqual(base);
  });

  it('scales by the factor, rounded up to whole seconds and at least one', () => {
    expect(eventSlaWindow(base, { slaFactor: 0.5, slaOverrides: {} }, 'P1')).toEqual({ acknowledgeSeconds: 300, restoreSeconds: 7200 });
    expect(eventSlaWindow({ acknowledgeSeconds: 7, restoreSeconds: 7 }, { slaFactor: 0.3, slaOverrides: {} }, 'P1')).toEqual({
      acknowledgeSeconds: 3,
      restoreSeconds: 3,
    });
    expect(eventSlaWindow({ acknowledgeSeconds: 1, restoreSeconds: 1 }, { slaFactor: 0.1, slaOverrides: {} }, 'P1')).toEqual({
      acknowledgeSeconds: 1,
      restoreSeconds: 1,
    });
  });

  it('uses the tier override over the factor, and the factor for tiers without one', () => {
    const period = { slaFactor: 0.5, slaOverrides: { P0: { acknowledgeSeconds: 120, restoreSeconds: 3600 } } };
    expect(eventSlaWindow(base, period, 'P0')).toEqual({ acknowledgeSeconds: 120, restoreSeconds: 3600 });
    expect(eventSlaWindow(base, period, 'P2')).toEqual({ acknowledgeSeconds: 300, restoreSeconds: 7200 });
  });

  it('is never looser than the base, field by field, and keeps restore at least acknowledge', () => {
    const loose = { slaFactor: null, slaOverrides: { P1: { acknowledgeSeconds: 3600, restoreSeconds: 60 } } };
    expect(eventSlaWindow(base, loose, 'P1')).toEqual({ acknowledgeSeconds: 600, restoreSeconds: 600 });
    expect(eventSlaWindow(base, { slaFactor: 1, slaOverrides: {} }, 'P1')).toEqual(base);
  });
});

describe('event escalation policy', () => {
  const policy: EscalationPolicy & { id: string } = {
    id: 'p',
    operatorCode: null,
    priority: null,
    repeat: 0,
    levels: [
      { waitSeconds: 0, recipients: [{ kind: 'assigned_responders' }] },
      { waitSeconds: 300, recipients: [{ kind: 'cluster_lead' }] },
    ],
  };

  it('adds leadership to the chosen level of a P0 chain, keeping the rest', () => {
    const tightened = eventEscalationPolicy(policy, { p0LeadershipLevel: 1 }, 'P0');
    expect(tightened.id).toBe('p');
    expect(tightened.levels.map((level) => level.recipients)).toEqual([
      [{ kind: 'assigned_responders' }, { kind: 'role', role: 'leadership' }],
      [{ kind: 'cluster_lead' }],
    ]);
    expect(policy.levels[0]?.recipients).toHaveLength(1);
  });

  it('adds leadership to the last level when the chosen one is beyond the policy', () => {
    expect(eventEscalationPolicy(policy, { p0LeadershipLevel: 6 }, 'P0').levels[1]?.recipients).toEqual([
      { kind: 'cluster_lead' },
      { kind: 'role', role: 'leadership' },
    ]);
  });

  it('does not name leadership twice', () => {
    const withLeadership = eventEscalationPolicy(policy, { p0LeadershipLevel: 2 }, 'P0');
    expect(eventEscalationPolicy(withLeadership, { p0LeadershipLevel: 2 }, 'P0')).toEqual(withLeadership);
  });

  it('leaves other tiers, periods that add no one, and no period unchanged', () => {
    expect(eventEscalationPolicy(policy, { p0LeadershipLevel: 1 }, 'P1')).toBe(policy);
    expect(eventEscalationPolicy(policy, { p0LeadershipLevel: null }, 'P0')).toBe(policy);
    expect(eventEscalationPolicy(policy, null, 'P0')).toBe(policy);
    const empty = { ...policy, levels: [] };
    expect(eventEscalationPolicy(empty, { p0LeadershipLevel: 1 }, 'P0')).toBe(empty);
  });
});
