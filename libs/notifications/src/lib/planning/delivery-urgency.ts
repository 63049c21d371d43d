import type { PriorityTier, Severity } from '@netduty/contracts';
import { PRIORITY_TIERS, SEVERITIES } from '@netduty/contracts';

/**
 * 0 is the most urgent. The board's order after "breached" (every escalation is a breach): P0 first,
 * then severity, then the other tiers — so a P0 warning goes before a P1 critical.
 */
export function deliveryUrgencyRank(severity: Severity, priority: PriorityTier): number {
  return PRIORITY_TIERS.indexOf(priority) * SEVERITIES.length + SEVERITIES.indexOf(severity);
}

/** Critical incidents and P0 sites reach every channel a person has, whatever their preferences. */
export function usesEveryChannel(severity: Severity, priority: PriorityTier): boolean {
  return severity === 'critical' || priority === 'P0';
}
