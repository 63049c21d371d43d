import { PASSWORD_MIN_LENGTH } from '@netduty/domain';

export { PASSWORD_MIN_LENGTH };

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooFewKinds' | 'containsUsername' | 'sameAsCurrent';

export const PASSWORD_MAX_LENGTH = 256;

/**
 * The api's password policy, checked as the user types (the api checks again): at least 12 characters,
 * at least three of lower case / upper case / digits / symbols, not containing the username.
 */
export function passwordPolicyProblems(password: string, username: string, currentPassword?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('tooShort');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('tooLong');
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (kinds < 3) problems.push('tooFewKinds');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('containsUsername');
  if (currentPassword !== undefined && currentPassword !== '' && password === currentPassword) problems.push('sameAsCurrent');
  return problems;
}

/** Server field problems (English sentences) mapped onto the console's translated messages, when known. */
const KNOWN_PROBLEMS = [
  [/^must be at least \d+ characters$/, 'passwordPolicy.tooShort'],
  [/^must be at most \d+ characters$/, 'passwordPolicy.tooLong'],
  [/^must mix at least three of/, 'passwordPolicy.tooFewKinds'],
  [/^must not contain the username$/, 'passwordPolicy.containsUsername'],
  [/^must differ from the current password$/, 'passwordPolicy.sameAsCurrent'],
  [/^is not your current password$/, 'passwordPolicy.wrongCurrent'],
  [/^is already taken$/, 'fieldProblem.taken'],
  [/^is required for cluster staff$/, 'fieldProblem.operatorRequired'],
  [/^is required for responders$/, 'fieldProblem.responderRequired'],
  [/^belongs to another operator$/, 'fieldProblem.clusterOtherOperator'],
  [/^username must be 3-64/, 'fieldProblem.usernameFormat'],
  [/^phone must be a phone number$/, 'fieldProblem.phoneFormat'],
  [/^email must be an email$/, 'fieldProblem.emailFormat'],
] as const satisfies readonly (readonly [RegExp, string])[];

export type ProblemMessageKey = (typeof KNOWN_PROBLEMS)[number][1];

/** The i18n key of a known server problem, or null to show the server's own words. */
export function problemMessageKey(problem: string): ProblemMessageKey | null {
  for (const [pattern, key] of KNOWN_PROBLEMS) if (pattern.test(problem)) return key;
  return null;
}
