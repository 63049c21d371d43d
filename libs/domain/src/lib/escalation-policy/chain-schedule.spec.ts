import { chainPosition, chainSchedule, highestFiredStep, nextChainStep, repeatWaitSeconds, stepPosition } from './chain-schedule';
import type { EscalationPolicy } from './escalation-policy';

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

const plain = (steps: ReturnType<typeof chainSchedule>) => steps.map((s) => [s.step, s.level, s.round, s.dueAt.toISOString()]);

describe('chain schedule', () => {
  it('runs L1 → L4 from the deadline and repeats the whole chain, a repeat waiting as long as the last level did', () => {
    expect(plain(chainSchedule(fourLevels(2), deadline))).toEqual([
      [0, 1, 0, '2026-12-07T01:00:00.000Z'],
      [1, 2, 0, '2026-12-07T01:15:00.000Z'],
      [2, 3, 0, '2026-12-07T01:30:00.000Z'],
      [3, 4, 0, '2026-12-07T02:00:00.000Z'],
      [4, 1, 1, '2026-12-07T02:30:00.000Z'],
      [5, 2, 1, '2026-12-07T02:45:00.000Z'],
      [6, 3, 1, '2026-12-07T03:00:00.000Z'],
      [7, 4, 1, '2026-12-07T03:30:00.000Z'],
      [8, 1, 2, '2026-12-07T04:00:00.000Z'],
      [9, 2, 2, '2026-12-07T04:15:00.000Z'],
      [10, 3, 2, '2026-12-07T04:30:00.000Z'],
      [11, 4, 2, '2026-12-07T05:00:00.000Z'],
    ]);
  });

  it('runs once without a repeat, and has no step without levels', () => {
    expect(chainSchedule(fourLevels(0), deadline)).toHaveLength(4);
    expect(chainSchedule({ ...fourLevels(3), levels: [] }, deadline)).toEqual([]);
  });

  it('delays level 1 by its own wait after the deadline, and a repeat by it when it is the longer wait', () => {
    const policy: EscalationPolicy = {
      ...fourLevels(1),
      levels: [
        { waitSeconds: 120, recipients: [{ kind: 'assigned_responders' }] },
        { waitSeconds: 60, recipients: [{ kind: 'cluster_lead' }] },
      ],
    };
    expect(repeatWaitSeconds(policy)).toBe(120);
    expect(plain(chainSchedule(policy, deadline)).map((row) => row[3])).toEqual([
      '2026-12-07T01:02:00.000Z',
      '2026-12-07T01:03:00.000Z',
      '2026-12-07T01:05:00.000Z',
      '2026-12-07T01:06:00.000Z',
    ]);
    expect(repeatWaitSeconds({ levels: [] })).toBe(0);
  });

  it('counts seconds, not wall-clock hours, across the DST changes of other zones and whatever TZ the process runs in', () => {
    const saved = process.env['TZ'];
    const across = [new Date('2026-03-29T00:50:00.000Z'), new Date('2026-10-25T00:50:00.000Z'), new Date('2026-03-08T06:50:00.000Z')];
    const expected = across.map((at) => chainSchedule(fourLevels(1), at).map((step) => step.dueAt.getTime() - at.getTime()));
    try {
      for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Ho_Chi_Minh']) {
        process.env['TZ'] = zone;
        across.forEach((at, index) => {
          expect(chainSchedule(fourLevels(1), at).map((step) => step.dueAt.getTime() - at.getTime())).toEqual(expected[index]);
        });
      }
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
    expect(expected[0]).toEqual([0, 15, 30, 60, 90, 105, 120, 150].map((minutes) => minutes * 60_000));
  });

  it('re-times the steps from a resume point and leaves the earlier ones on the deadline', () => {
    const resumeAt = new Date('2026-12-07T02:10:00.000Z');
    const steps = chainSchedule(fourLevels(1), deadline, { step: 5, at: resumeAt });
    expect(plain(steps).slice(3)).toEqual([
      [3, 4, 0, '2026-12-07T02:00:00.000Z'],
      [4, 1, 1, '2026-12-07T02:30:00.000Z'],
      [5, 2, 1, '2026-12-07T02:25:00.000Z'],
      [6, 3, 1, '2026-12-07T02:40:00.000Z'],
      [7, 4, 1, '2026-12-07T03:10:00.000Z'],
    ]);
  });

  it('places a global step in its level and round, and knows the steps it does not have', () => {
    const policy = fourLevels(1);
    expect(stepPosition(policy, 0)).toEqual({ level: 1, round: 0 });
    expect(stepPosition(policy, 6)).toEqual({ level: 3, round: 1 });
    expect(stepPosition(policy, 8)).toBeNull();
    expect(stepPosition(policy, -1)).toBeNull();
    expect(stepPosition(policy, 1.5)).toBeNull();
    expect(stepPosition({ ...policy, levels: [] }, 0)).toBeNull();
  });

  it('finds the highest fired step, ignoring numbers the policy does not have', () => {
    expect(highestFiredStep(fourLevels(0), [])).toBeNull();
    expect(highestFiredStep(fourLevels(0), [1, 0, 99, -3])).toBe(1);
  });
});

describe('next chain step', () => {
  const policy = fourLevels(1);

  it('starts with level 1 at the deadline', () => {
    expect(nextChainStep(policy, deadline, [])).toEqual({ step: 0, level: 1, round: 0, dueAt: deadline });
  });

  it('continues after the highest fired step, not with a step a manual escalation jumped over', () => {
    expect(nextChainStep(policy, deadline, [0, 1])?.step).toBe(2);
    expect(nextChainStep(policy, deadline, [0, 3])?.step).toBe(4);
    expect(nextChainStep(policy, deadline, [3, 0, 3])?.level).toBe(1);
  });

  it('is null once the last step of the last round fired', () => {
    expect(nextChainStep(policy, deadline, [7])).toBeNull();
    expect(nextChainStep(fourLevels(0), deadline, [0, 1, 2, 3])).toBeNull();
  });

  it('does not go back before a resume point, and moves past it once steps after it fired', () => {
    const resume = { step: 5, at: new Date('2026-12-07T02:10:00.000Z') };
    expect(nextChainStep(policy, deadline, [0, 1, 2, 3], resume)).toMatchObject({ step: 5, level: 2, round: 1 });
    expect(nextChainStep(policy, deadline, [0, 1, 2, 3, 5], resume)).toMatchObject({ step: 6, level: 3 });
  });

  it('stands at the highest fired step, or just before a resume point nothing has passed yet', () => {
    expect(chainPosition(policy, [])).toBeNull();
    expect(chainPosition(policy, [0, 1])).toBe(1);
    const resume = { step: 5, at: deadline };
    expect(chainPosition(policy, [0, 1, 2, 3], resume)).toBe(4);
    expect(chainPosition(policy, [], resume)).toBe(4);
    expect(chainPosition(policy, [0, 1, 2, 3, 5, 6], resume)).toBe(6);
    expect(chainPosition(policy, [0], { step: 0, at: deadline })).toBe(0);
  });
});
