import { chainStatus, formatCountdown } from './chain-status';
import type { EscalationPolicy } from './escalation-policy';

const MINUTE = 60;
const deadline = new Date('2026-12-07T01:00:00.000Z');
const at = (iso: string) => new Date(`2026-12-07T${iso}.000Z`);

const policy: EscalationPolicy = {
  operatorCode: null,
  priority: null,
  repeat: 1,
  levels: [
    { waitSeconds: 0, recipients: [{ kind: 'assigned_responders' }] },
    { waitSeconds: 15 * MINUTE, recipients: [{ kind: 'cluster_lead' }] },
    { waitSeconds: 15 * MINUTE, recipients: [{ kind: 'on_shift', groupId: 'duty' }] },
    { waitSeconds: 30 * MINUTE, recipients: [{ kind: 'role', role: 'leadership' }] },
  ],
};

describe('chain status', () => {
  it('waits for level 1 before the deadline and counts down to it', () => {
    expect(chainStatus(policy, deadline, [], null, at('00:55:30'))).toEqual({
      state: 'waiting',
      currentLevel: null,
      currentStep: null,
      nextLevel: 1,
      nextStep: 0,
      nextDueAt: deadline,
      secondsToNext: 270,
    });
  });

  it('runs between levels, rounding the countdown up to whole seconds', () => {
    const status = chainStatus(policy, deadline, [0, 1], null, new Date(at('01:20:00').getTime() + 400));
    expect(status).toMatchObject({ state: 'running', currentLevel: 2, currentStep: 1, nextLevel: 3, nextStep: 2, secondsToNext: 600 });
    expect(status.nextDueAt?.toISOString()).toBe('2026-12-07T01:30:00.000Z');
  });

  it('shows 0 seconds, not a negative countdown, when a step is late', () => {
    expect(chainStatus(policy, deadline, [], null, at('01:03:00'))).toMatchObject({ state: 'waiting', nextLevel: 1, secondsToNext: 0 });
  });

  it('walks a full chain L1 → L4 and its repeat until it is exhausted', () => {
    const levels: (number | null)[] = [];
    const fired: number[] = [];
    for (let step = 0; step < 8; step++) {
      fired.push(step);
      levels.push(chainStatus(policy, deadline, fired, null, at('01:00:00')).currentLevel);
    }
    expect(levels).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
    expect(chainStatus(policy, deadline, fired, null, at('05:00:00'))).toEqual({
      state: 'exhausted',
      currentLevel: 4,
      currentStep: 7,
      nextLevel: null,
      nextStep: null,
      nextDueAt: null,
      secondsToNext: null,
    });
  });

  it('stops at L3 when the incident is acknowledged there, and names nothing next', () => {
    expect(chainStatus(policy, deadline, [0, 1, 2], at('01:40:00'), at('02:10:00'))).toEqual({
      state: 'stopped',
      currentLevel: 3,
      currentStep: 2,
      nextLevel: null,
      nextStep: null,
      nextDueAt: null,
      secondsToNext: null,
    });
  });

  it('stops before any level fired when acknowledged in time', () => {
    expect(chainStatus(policy, deadline, [], at('00:50:00'), at('02:00:00'))).toMatchObject({ state: 'stopped', currentLevel: null });
  });

  it('after a de-escalation shows the level handed back to and counts down to the level above it', () => {
    const resume = { step: 5, at: at('02:10:00') };
    expect(chainStatus(policy, deadline, [0, 1, 2, 3], null, at('02:10:00'), resume)).toMatchObject({
      state: 'running',
      currentLevel: 1,
      currentStep: 4,
      nextLevel: 2,
      nextStep: 5,
      secondsToNext: 15 * MINUTE,
    });
  });

  it('has nothing to run for a policy without levels', () => {
    expect(chainStatus({ ...policy, levels: [] }, deadline, [], null, deadline).state).toBe('exhausted');
  });
});

describe('countdown text', () => {
  it('writes mm:ss under an hour and h:mm:ss from an hour, never negative', () => {
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(59.2)).toBe('01:00');
    expect(formatCountdown(5 * 60 + 7)).toBe('05:07');
    expect(formatCountdown(3599)).toBe('59:59');
    expect(formatCountdown(3600)).toBe('1:00:00');
    expect(formatCountdown(26 * 3600 + 61)).toBe('26:01:01');
    expect(formatCountdown(-30)).toBe('00:00');
  });
});
