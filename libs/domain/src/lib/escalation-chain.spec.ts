import { escalationAudience, escalationDueAt, MAX_ESCALATION_LEVEL, nextEscalationLevel } from './escalation-chain';

const startsAt = new Date('2026-11-22T01:00:00Z');
const deadline = (windowSeconds: number) => ({
  kind: 'acknowledge' as const,
  startsAt,
  dueAt: new Date(startsAt.getTime() + windowSeconds * 1000),
});

describe('escalation chain', () => {
  it('fires level 1 at the deadline itself', () => {
    expect(escalationDueAt(deadline(300), 1)).toEqual(deadline(300).dueAt);
  });

  it('waits one more window for each later level', () => {
    const d = deadline(300);
    expect(escalationDueAt(d, 2).getTime() - d.dueAt.getTime()).toBe(300_000);
    expect(escalationDueAt(d, 3).getTime() - d.dueAt.getTime()).toBe(600_000);
  });

  it('spaces levels at least a minute and at most an hour apart', () => {
    expect(escalationDueAt(deadline(2), 2).getTime() - deadline(2).dueAt.getTime()).toBe(60_000);
    expect(escalationDueAt(deadline(8 * 3600), 2).getTime() - deadline(8 * 3600).dueAt.getTime()).toBe(3_600_000);
    expect(escalationDueAt(deadline(2), 2, 0).getTime() - deadline(2).dueAt.getTime()).toBe(2_000);
  });

  it('ends with leadership as the last level', () => {
    expect(escalationAudience(1)).toBe('duty_officers');
    expect(escalationAudience(MAX_ESCALATION_LEVEL)).toBe('leadership');
    expect(nextEscalationLevel(1)).toBe(2);
    expect(nextEscalationLevel(MAX_ESCALATION_LEVEL)).toBeNull();
  });

  it('refuses levels outside the chain', () => {
    expect(() => escalationDueAt(deadline(60), 0)).toThrow(RangeError);
    expect(() => escalationAudience(MAX_ESCALATION_LEVEL + 1)).toThrow(RangeError);
  });
});
