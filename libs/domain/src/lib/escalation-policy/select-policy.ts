import type { OperatorCode, PriorityTier } from '@netduty/contracts';
import type { EscalationPolicy } from './escalation-policy';

export interface PolicySubject {
  operatorCode: OperatorCode;
  priority: PriorityTier;
}

/** operator + tier (3) > operator (2) > tier (1) > default (0); -1 when the policy does not apply. */
export function policySpecificity(policy: Pick<EscalationPolicy, 'operatorCode' | 'priority'>, subject: PolicySubject): number {
  if (policy.operatorCode !== null && policy.operatorCode !== subject.operatorCode) return -1;
  if (policy.priority !== null && policy.priority !== subject.priority) return -1;
  return (policy.operatorCode !== null ? 2 : 0) + (policy.priority !== null ? 1 : 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The policy an incident's chain follows: the most specific that applies. Two equally specific policies
 * (which validation should prevent) are told apart by id, then name, so every process picks the same one.
 */
export function selectPolicy<P extends EscalationPolicy>(policies: readonly P[], subject: PolicySubject): P | null {
  let best: P | null = null;
  let bestScore = -1;
  for (const policy of policies) {
    const score = policySpecificity(policy, subject);
    if (score < 0) continue;
    const better =
      best === null ||
      score > bestScore ||
      (score === bestScore &&
        (compareText(policy.id ?? '', best.id ?? '') || compareText(policy.name ?? '', best.name ?? '')) < 0);
    if (better) {
      best = policy;
      bestScore = score;
    }
  }
  return best;
}
