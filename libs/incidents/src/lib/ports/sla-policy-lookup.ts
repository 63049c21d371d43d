import type { PriorityTier, Severity } from '@netduty/contracts';
import type { SlaWindow } from '@netduty/domain';
import type { ReportedSite } from './incident-record';

/** What a new report is held to: the site's tier (P0 while an event period names it) and the window. */
export interface ReportTerms {
  priority: PriorityTier;
  window: SlaWindow;
}

/** The SLA policy in force: one window per severity × priority tier (every pair has one). */
export interface SlaPolicyLookup {
  windowFor(severity: Severity, priority: PriorityTier): Promise<SlaWindow>;
  /** The terms of a report at `at`: the policy's window, tightened (never loosened) by the event period in force. */
  termsFor(severity: Severity, site: ReportedSite, at: Date): Promise<ReportTerms>;
}
