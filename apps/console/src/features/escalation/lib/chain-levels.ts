import type { EscalationPolicyDto, OperatorCode, PriorityTier } from '@netduty/contracts';
import { selectPolicy } from '@netduty/domain';

/** The policy the incident's chain follows (the api picks it the same way: most specific first). */
export function policyOfIncident(
  policies: readonly EscalationPolicyDto[],
  incident: { priority: PriorityTier; site: { operator: { code: OperatorCode } } },
): EscalationPolicyDto | null {
  return selectPolicy(policies, { operatorCode: incident.site.operator.code, priority: incident.priority });
}

function levelsFrom(first: number, last: number): number[] {
  const levels: number[] = [];
  for (let level = first; level <= last; level += 1) levels.push(level);
  return levels;
}

/** "Escalate now" offers the policy's levels above the current one (all of them before the first fired). */
export function escalationTargets(levelCount: number, currentLevel: number | null): number[] {
  return levelsFrom((currentLevel ?? 0) + 1, levelCount);
}

/** De-escalation offers the levels below the current one; nothing before a level has fired. */
export function deEscalationTargets(levelCount: number, currentLevel: number | null): number[] {
  return currentLevel === null ? [] : levelsFrom(1, Math.min(currentLevel - 1, levelCount));
}
