import { ESCALATION_POLICY_LIMITS, ROLES, type FieldProblem } from '@netduty/contracts';
import { repeatWaitSeconds } from './chain-schedule';
import type { EscalationPolicy, RecipientRule } from './escalation-policy';

// Read where used, not destructured at the top: a top-level read keeps this module in the console's first load.
const LIMITS = ESCALATION_POLICY_LIMITS;

/** Two rules naming the same people the same way. */
function ruleKey(rule: RecipientRule): string {
  switch (rule.kind) {
    case 'person':
      return `person:${rule.userId}`;
    case 'on_shift':
      return `on_shift:${rule.groupId}`;
    case 'role':
      return `role:${rule.role}`;
    case 'assigned_responders':
    case 'cluster_lead':
      return rule.kind;
  }
}

function recipientProblems(rule: RecipientRule, field: string): FieldProblem[] {
  switch (rule.kind) {
    case 'person':
      return rule.userId.trim() === '' ? [{ field: `${field}.userId`, code: 'required' }] : [];
    case 'on_shift':
      return rule.groupId.trim() === '' ? [{ field: `${field}.groupId`, code: 'required' }] : [];
    case 'role':
      return (ROLES as readonly string[]).includes(rule.role) ? [] : [{ field: `${field}.role`, code: 'not_one_of', params: { allowed: ROLES } }];
    case 'assigned_responders':
    case 'cluster_lead':
      return [];
  }
}

function waitProblems(wait: number, field: string): FieldProblem[] {
  if (!Number.isInteger(wait)) return [{ field, code: 'not_an_integer' }];
  if (wait < 0) return [{ field, code: 'too_small', params: { min: 0 } }];
  if (wait > LIMITS.maxWaitSeconds) return [{ field, code: 'too_large', params: { max: LIMITS.maxWaitSeconds } }];
  return [];
}

/**
 * What is wrong with a policy, field by field (paths like `levels[2].waitSeconds`); empty when valid.
 * Shapes (a level without an array, an unknown recipient kind) are the api's validation; this checks the
 * rules of a chain. `name` is checked only when present.
 */
export function policyProblems(policy: EscalationPolicy): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (policy.name !== undefined) {
    if (policy.name.trim() === '') problems.push({ field: 'name', code: 'required' });
    else if (policy.name.length > LIMITS.maxNameLength) problems.push({ field: 'name', code: 'too_long', params: { max: LIMITS.maxNameLength } });
  }
  if (policy.levels.length === 0) problems.push({ field: 'levels', code: 'too_few_items', params: { min: 1 } });
  if (policy.levels.length > LIMITS.maxLevels) problems.push({ field: 'levels', code: 'too_many_items', params: { max: LIMITS.maxLevels } });
  policy.levels.forEach((level, index) => {
    const field = `levels[${index}]`;
    problems.push(...waitProblems(level.waitSeconds, `${field}.waitSeconds`));
    if (level.recipients.length === 0) problems.push({ field: `${field}.recipients`, code: 'too_few_items', params: { min: 1 } });
    if (level.recipients.length > LIMITS.maxRecipientsPerLevel) {
      problems.push({ field: `${field}.recipients`, code: 'too_many_items', params: { max: LIMITS.maxRecipientsPerLevel } });
    }
    const seen = new Set<string>();
    level.recipients.forEach((rule, ruleIndex) => {
      const ruleField = `${field}.recipients[${ruleIndex}]`;
      problems.push(...recipientProblems(rule, ruleField));
      const key = ruleKey(rule);
      if (seen.has(key)) problems.push({ field: ruleField, code: 'already_used' });
      seen.add(key);
    });
  });
  const accept = policy.acceptSeconds;
  if (accept !== undefined) {
    if (!Number.isInteger(accept)) problems.push({ field: 'acceptSeconds', code: 'not_an_integer' });
    else if (accept < LIMITS.minAcceptSeconds) problems.push({ field: 'acceptSeconds', code: 'too_small', params: { min: LIMITS.minAcceptSeconds } });
    else if (accept > LIMITS.maxAcceptSeconds) problems.push({ field: 'acceptSeconds', code: 'too_large', params: { max: LIMITS.maxAcceptSeconds } });
  }
  if (!Number.isInteger(policy.repeat)) problems.push({ field: 'repeat', code: 'not_an_integer' });
  else if (policy.repeat < 0) problems.push({ field: 'repeat', code: 'too_small', params: { min: 0 } });
  else if (policy.repeat > LIMITS.maxRepeat) problems.push({ field: 'repeat', code: 'too_large', params: { max: LIMITS.maxRepeat } });
  else if (policy.repeat > 0 && problems.length === 0 && repeatWaitSeconds(policy) === 0) {
    // A repeat with no wait would notify the whole chain again in the same instant.
    problems.push({ field: 'repeat', code: 'invalid', params: { rule: 'repeat_without_wait' } });
  }
  return problems;
}

/**
 * Two policies for the same operator and tier: selection would have to break the tie by id. Returns the
 * problem to put on `operatorCode` of the policy being saved when another already covers its scope.
 */
export function policyScopeConflict(
  policy: Pick<EscalationPolicy, 'id' | 'operatorCode' | 'priority'>,
  others: readonly Pick<EscalationPolicy, 'id' | 'operatorCode' | 'priority'>[],
): FieldProblem[] {
  const clash = others.some(
    (other) => (policy.id === undefined || other.id !== policy.id) && other.operatorCode === policy.operatorCode && other.priority === policy.priority,
  );
  return clash ? [{ field: 'operatorCode', code: 'already_used', params: { field: 'priority' } }] : [];
}
