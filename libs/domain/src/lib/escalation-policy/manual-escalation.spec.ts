import { chainStatus } from './chain-status';
import type { EscalationPolicy } from './escalation-policy';
import { deEscalationStep, manualEscalationStep } from './manual-escalation';
import { nextChainStep } from './chain-schedule';

const MINUTE = 60;
const deadline = new Date('2026-12-07T01:00:00.000Z');

function fourLevels(repeat: number): EscalationPolicy {
  return {
    operatorCode: null,
    priority: null,
    repeat,
    levels: [
      { waitSeconds: 0, recipients: [{ kind: 'assigned_responders' }] },
      { waitSeconds: 15 * MINUTE, recipients: [{ kind: 'cluster_lead' }] },
      { waitSeconds: 15 * MINUTE, recipients: [{ kind: 'on_shift', groupId: 'duty' }] },
      { waitSeconds: 30 * MINUTE, recipients: [{ kind: 'role', role: 'leadership' }] },
    ],
  };
}

describe('manual escalation', () => {
  const policy = fourLevels(1);

  it('escalates now to leadership before anything fired, in the first round', () => {
    expect(manualEscalationStep(policy, null, 4)).toEqual({ ok: true, step: 3, level: 4, round: 0 });
  });

  it('jumps within the round the chain stands in, and the levels jumped over are not fired later', () => {
    const result = manualEscalationStep(policy, 1, 4);
    expect(result).toEqual({ ok: true, step: 3, level: 4, round: 0 });
    expect(manualEscalationStep(policy, 5, 3)).toEqual({ ok: true, step: 6, level: 3, round: 1 });
    // L2 fired, then a manual L4: the chain continues with the repeat, never with L3.
    expect(nextChainStep(policy, deadline, [0, 1, 3])).toMatchObject({ step: 4, level: 1, round: 1 });
  });

  it('refuses a level at or below the current one, or one the policy does not have', () => {
    expect(manualEscalationStep(policy, 2, 3)).toEqual({ ok: false, reason: 'not_above_current' });
    expect(manualEscalationStep(policy, 2, 2)).toEqual({ ok: false, reason: 'not_above_current' });
    expect(manualEscalationStep(policy, 2, 5)).toEqual({ ok: false, reason: 'no_such_level' });
    expect(manualEscalationStep(policy, 2, 0)).toEqual({ ok: false, reason: 'no_such_level' });
    expect(manualEscalationStep(policy, 2, 2.5)).toEqual({ ok: false, reason: 'no_such_level' });
  });

  it('throws on a current step the policy does not have (a caller bug, not user input)', () => {
    expect(() => manualEscalationStep(policy, 8, 4)).toThrow(RangeError);
  });
});

describe('de-escalation', () => {
  const policy = fourLevels(1);
  const at = new Date('2026-12-07T02:10:00.000Z');

  it('hands back to a lower level and continues in the next round from the level above it, timed from the de-escalation', () => {
    const result = deEscalationStep(policy, 3, 2, at);
    expect(result).toEqual({ ok: true, resume: { step: 6, at }, level: 2, nextStep: 6, nextLevel: 3 });
    if (!result.ok) throw new Error('expected a de-escalation');
    const status = chainStatus(policy, deadline, [0, 1, 2, 3], null, at, result.resume);
    expect(status).toMatchObject({ state: 'running', currentLevel: 2, nextLevel: 3, nextStep: 6, secondsToNext: 15 * MINUTE });
    expect(status.nextDueAt?.toISOString()).toBe('2026-12-07T02:25:00.000Z');
    // Nothing of the handed-back level or below fires again: after L3 and L4 of round 1 the chain is exhausted.
    expect(chainStatus(policy, deadline, [0, 1, 2, 3, 6, 7], null, at, result.resume).state).toBe('exhausted');
  });

  it('can be escalated again manually after a de-escalation', () => {
    const result = deEscalationStep(policy, 3, 1, at);
    if (!result.ok) throw new Error('expected a de-escalation');
    const current = chainStatus(policy, deadline, [0, 1, 2, 3], null, at, result.resume).currentStep;
    expect(current).toBe(4);
    expect(manualEscalationStep(policy, current, 4)).toEqual({ ok: true, step: 7, level: 4, round: 1 });
  });

  it('refuses a level at or above the current one, before anything fired, or without a round left', () => {
    expect(deEscalationStep(policy, 1, 2, at)).toEqual({ ok: false, reason: 'not_below_current' });
    expect(deEscalationStep(policy, 1, 3, at)).toEqual({ ok: false, reason: 'not_below_current' });
    expect(deEscalationStep(policy, null, 1, at)).toEqual({ ok: false, reason: 'nothing_fired' });
    expect(deEscalationStep(policy, 7, 2, at)).toEqual({ ok: false, reason: 'no_round_left' });
    expect(deEscalationStep(fourLevels(0), 3, 2, at)).toEqual({ ok: false, reason: 'no_round_left' });
    expect(deEscalationStep(policy, 3, 9, at)).toEqual({ ok: false, reason: 'no_such_level' });
  });

  it('throws on a current step the policy does not have', () => {
    expect(() => deEscalationStep(policy, -2, 1, at)).toThrow(RangeError);
  });
});
