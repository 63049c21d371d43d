import type { PriorityTier, Severity } from '@netduty/contracts';
import type { SlaWindow } from '@netduty/domain';

/** The SLA policy in force: one window per severity × priority tier (every pair has one). */
export interface SlaPolicyLookup {
  windowFor(severity: Severity, priority: PriorityTier): Promise<SlaWindow>;
}
