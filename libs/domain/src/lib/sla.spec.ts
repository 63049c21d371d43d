import { PRIORITY_TIERS, SEVERITIES } from '@netduty/contracts';
import {
  DEFAULT_SLA_POLICY,
  deadlinesAtReport,
  deadlineStillApplies,
  deadlineUrgency,
  nextDeadline,
  restoreDeadlineAtReopen,
  slaWindowProblems,
} from './sla';

const t0 = new Date('2026-11-22T01:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('SLA deadlines', () => {
  it.each(SEVERITIES.flatMap((severity) => PRIORITY_TIERS.map((priority) => [severity, priority] as const)))(
    'computes %s/%s deadlines from the report time and the policy',
    (severity, priority) => {
      const window = DEFAULT_SLA_POLICY[severity][priority];
      const { acknowledge, restore } = deadlinesAtReport(t0, window);
      expect(acknowledge.startsAt).toEqual(t0);
      expect(acknowledge.dueAt).toEqual(at(window.acknowledgeSeconds));
      expect(restore.startsAt).toEqual(t0);
      expect(restore.dueAt).toEqual(at(window.restoreSeconds));
      expect(restore.dueAt.getTime()).toBeGreaterThanOrEqual(acknowledge.dueAt.getTime());
    },
  );

  it('seeds critical P0 at 5 minutes to acknowledge and 2 hours to restore', () => {
    expect(DEFAULT_SLA_POLICY.critical.P0).toEqual({ acknowledgeSeconds: 300, restoreSeconds: 7200 });
  });

  it('is stricter for higher severity and higher priority', () => {
    for (const priority of PRIORITY_TIERS) {
      const ack = SEVERITIES.map((severity) => DEFAULT_SLA_POLICY[severity][priority].acknowledgeSeconds);
      expect([...ack].sort((a, b) => a - b)).toEqual(ack);
    }
    for (const severity of SEVERITIES) {
      const restore = PRIORITY_TIERS.map((priority) => DEFAULT_SLA_POLICY[severity][priority].restoreSeconds);
      expect([...restore].sort((a, b) => a - b)).toEqual(restore);
    }
  });

  it('restarts only the restore clock on reopen', () => {
    const reopened = restoreDeadlineAtReopen(at(600), { acknowledgeSeconds: 60, restoreSeconds: 3600 });
    expect(reopened).toEqual({ kind: 'restore', startsAt: at(600), dueAt: at(4200) });
  });

  it('applies the acknowledge deadline only while unacknowledged and the restore deadline until resolved', () => {
    expect(deadlineStillApplies('acknowledge', 'reported')).toBe(true);
    for (const status of ['acknowledged', 'in_progress', 'resolved', 'closed', 'reopened'] as const) {
      expect(deadlineStillApplies('acknowledge', status)).toBe(false);
    }
    for (const status of ['reported', 'acknowledged', 'in_progress', 'reopened'] as const) {
      expect(deadlineStillApplies('restore', status)).toBe(true);
    }
    expect(deadlineStillApplies('restore', 'resolved')).toBe(false);
    expect(deadlineStillApplies('restore', 'closed')).toBe(false);
  });

  it('counts down to acknowledge first, then restore, then nothing', () => {
    const acknowledge: { kind: 'acknowledge' | 'restore' } = { kind: 'acknowledge' };
    const restore: { kind: 'acknowledge' | 'restore' } = { kind: 'restore' };
    expect(nextDeadline('reported', acknowledge, restore)).toBe(acknowledge);
    expect(nextDeadline('in_progress', acknowledge, restore)).toBe(restore);
    expect(nextDeadline('reopened', acknowledge, restore)).toBe(restore);
    expect(nextDeadline('resolved', acknowledge, restore)).toBeNull();
  });

  it('turns amber past 75 % of the window and red once due', () => {
    expect(deadlineUrgency(at(0), t0, at(100))).toBe('normal');
    expect(deadlineUrgency(at(74), t0, at(100))).toBe('normal');
    expect(deadlineUrgency(at(75), t0, at(100))).toBe('warning');
    expect(deadlineUrgency(at(99), t0, at(100))).toBe('warning');
    expect(deadlineUrgency(at(100), t0, at(100))).toBe('breached');
    expect(deadlineUrgency(at(5000), t0, at(100))).toBe('breached');
  });

  it('refuses windows that are empty, fractional, too long or restore-before-acknowledge', () => {
    expect(slaWindowProblems({ acknowledgeSeconds: 300, restoreSeconds: 7200 })).toEqual([]);
    expect(slaWindowProblems({ acknowledgeSeconds: 0, restoreSeconds: 10 })).toEqual([
      expect.objectContaining({ field: 'acknowledgeSeconds' }),
    ]);
    expect(slaWindowProblems({ acknowledgeSeconds: 1.5, restoreSeconds: 10 })[0]?.field).toBe('acknowledgeSeconds');
    expect(slaWindowProblems({ acknowledgeSeconds: 10, restoreSeconds: 10e9 })[0]?.field).toBe('restoreSeconds');
    expect(slaWindowProblems({ acknowledgeSeconds: 600, restoreSeconds: 60 })).toEqual([
      expect.objectContaining({ field: 'restoreSeconds' }),
    ]);
  });
});
