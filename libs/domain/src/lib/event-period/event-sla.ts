import type { PriorityTier } from '@netduty/contracts';
import type { SlaWindow } from '../sla';
import type { EscalationPolicy, RecipientRule } from '../escalation-policy/escalation-policy';
import type { EventPeriod } from './event-period';

/** A site the period names P0 is P0 while the period is in force, whatever its register tier. */
export function eventPriority(siteId: string, basePriority: PriorityTier, period: Pick<EventPeriod, 'p0SiteIds'> | null): PriorityTier {
  return period !== null && period.p0SiteIds.includes(siteId) ? 'P0' : basePriority;
}

/**
 * The SLA window of a tier while `period` is in force: the tier's override, else the base scaled by the
 * factor (rounded up to whole seconds, at least 1), else the base. Never looser than the base, field by
 * field; restore is kept at least acknowledge (a window the SLA rules accept).
 */
export function eventSlaWindow(base: SlaWindow, period: Pick<EventPeriod, 'slaFactor' | 'slaOverrides'> | null, tier: PriorityTier): SlaWindow {
  if (period === null) return base;
  const override = period.slaOverrides[tier];
  const scale = (seconds: number): number => (period.slaFactor === null ? seconds : Math.max(1, Math.ceil(seconds * period.slaFactor)));
  const acknowledgeSeconds = Math.min(base.acknowledgeSeconds, override?.acknowledgeSeconds ?? scale(base.acknowledgeSeconds));
  const restoreSeconds = Math.min(base.restoreSeconds, override?.restoreSeconds ?? scale(base.restoreSeconds));
  return { acknowledgeSeconds, restoreSeconds: Math.max(restoreSeconds, acknowledgeSeconds) };
}

const LEADERSHIP: RecipientRule = { kind: 'role', role: 'leadership' };

/**
 * The chain a P0 incident follows while the period is in force: department leadership joins level
 * p0LeadershipLevel (the last level when the policy is shorter) unless that level already names the
 * role. Other tiers, and periods that add no one, keep the policy as it is.
 */
export function eventEscalationPolicy<P extends EscalationPolicy>(
  policy: P,
  period: Pick<EventPeriod, 'p0LeadershipLevel'> | null,
  priority: PriorityTier,
): P {
  if (period === null || period.p0LeadershipLevel === null || priority !== 'P0' || policy.levels.length === 0) return policy;
  const index = Math.min(Math.max(period.p0LeadershipLevel, 1), policy.levels.length) - 1;
  const levels = policy.levels.map((level, at) =>
    at === index && !level.recipients.some((rule) => rule.kind === 'role' && rule.role === 'leadership')
      ? { ...level, recipients: [...level.recipients, LEADERSHIP] }
      : level,
  );
  return { ...policy, levels };
}
