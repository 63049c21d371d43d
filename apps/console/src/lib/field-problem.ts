import { ROLES, type FieldProblem, type FieldProblemParams, type Role } from '@netduty/contracts';
import type { TFunction } from 'i18next';

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The parameters as i18next interpolates them: lists joined, a role by its label. */
function interpolation(t: TFunction, params: FieldProblemParams = {}): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) values[key] = value.join(', ');
    else if (key === 'role' && isRole(value)) values[key] = t(`role.${value}`);
    else values[key] = value as string | number;
  }
  return values;
}

/**
 * One field problem of the api ({field, code, params}) in the user's language. An `invalid` naming its
 * rule (`{rule: 'lead_not_member'}`) is worded by the rule when the console knows it (fieldProblemRule,
 * loaded with the areas whose rules they are), else as invalid.
 */
export function describeFieldProblem(t: TFunction, problem: Pick<FieldProblem, 'code' | 'params'>): string {
  const generic = t(`fieldProblemCode.${problem.code}`, interpolation(t, problem.params));
  const rule = problem.params?.['rule'];
  if (problem.code !== 'invalid' || typeof rule !== 'string') return generic;
  return t(`fieldProblemRule.${rule}` as never, { ...interpolation(t, problem.params), defaultValue: generic });
}
