import type { IncidentCategory, PerceivedSeverity, PriorityTier, Severity } from '@netduty/contracts';
import { foldForSearch } from '../search-text';

/**
 * How an alarm becomes an incident. Rules are data an administrator edits (seeded from
 * DEFAULT_ALARM_RULES): vendors name the same fault differently, and a cluster learns its own network's
 * wording faster than a release can ship.
 */
export interface AlarmRule {
  id: string;
  /** Rules are tried in ascending position; the first that matches decides. */
  position: number;
  /** X.733 / 3GPP probable cause, compared by normaliseCause; null matches any. */
  probableCause: string | null;
  /** Words looked for in the alarm's specificProblem (see specificProblemMatches); null matches any. */
  specificProblemPattern: string | null;
  /** X.733 alarm type (e.g. securityServiceOrMechanismViolation), compared by normaliseCause; null matches any. */
  alarmType: string | null;
  category: IncidentCategory;
  /** Replaces the alarm's perceived severity when set: a door open is minor whatever the cabinet says. */
  severity: Severity | null;
  /**
   * Whether the alarm's clear resolves the incident. False where a clear proves nothing: a door that
   * closes again does not say nothing was taken, and a quiet intrusion detector is not a clean system.
   */
  resolveOnClear: boolean;
}

/** The fields of a TMF642 alarm the rules look at. */
export interface AlarmFacts {
  alarmType: string;
  probableCause: string;
  specificProblem: string | null;
  perceivedSeverity: PerceivedSeverity;
}

/**
 * A probable cause or alarm type reduced to lower-case letters and digits: systems write the same X.733
 * name as 'powerProblem', 'power_problem' or 'POWER PROBLEM', and all three must meet one rule.
 */
export function normaliseCause(text: string): string {
  return foldForSearch(text).replace(/ /g, '');
}

/**
 * Folded words: accents and case dropped (đ → d), any separator a single space, and camel case split
 * ('DCLowVoltage' reads 'dc low voltage'), padded with a space at each end.
 */
function foldedWords(text: string): string {
  const split = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
  return ` ${foldForSearch(split)} `;
}

/**
 * Whether a specificProblem contains the pattern, ignoring case, Vietnamese accents and separators.
 * The match must start at a word: 'LOS' finds 'ETH_LOS' and 'LOS alarm' but not 'Door closed', which a
 * bare substring would send to the fibre team.
 */
export function specificProblemMatches(pattern: string, specificProblem: string): boolean {
  const needle = foldedWords(pattern).trimEnd();
  return foldedWords(specificProblem).includes(needle);
}

function isBlank(value: string | null): value is null {
  return value === null || foldForSearch(value) === '';
}

function ruleMatches(rule: AlarmRule, alarm: AlarmFacts): boolean {
  if (!isBlank(rule.probableCause) && normaliseCause(rule.probableCause) !== normaliseCause(alarm.probableCause)) return false;
  if (!isBlank(rule.alarmType) && normaliseCause(rule.alarmType) !== normaliseCause(alarm.alarmType)) return false;
  if (!isBlank(rule.specificProblemPattern)) {
    return alarm.specificProblem !== null && specificProblemMatches(rule.specificProblemPattern, alarm.specificProblem);
  }
  return true;
}

/**
 * The first rule, in ascending position (then id, so equal positions still give one answer), whose every
 * non-null field matches the alarm; null when none does. A blank field counts as null.
 */
export function matchAlarmRule(rules: readonly AlarmRule[], alarm: AlarmFacts): AlarmRule | null {
  const ordered = [...rules].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ordered.find((rule) => ruleMatches(rule, alarm)) ?? null;
}

const ONE_STEP_UP: Readonly<Record<Severity, Severity>> = { critical: 'critical', major: 'critical', minor: 'major', warning: 'minor' };

/**
 * The severity of the incident an alarm opens or updates, or null when it opens none.
 * - 'cleared' opens nothing, whatever the rule says.
 * - A rule's severity wins as it is: the administrator chose it knowing the tiers.
 * - 'indeterminate' counts as minor: the equipment cannot tell, so someone should look, without paging.
 * - At a P0 site (event venues, government offices) everything rises one step — major becomes critical,
 *   minor major, warning minor — because during the event even a degraded P0 site is urgent. P1 and P2
 *   keep the alarm's severity: their SLA windows already differ by tier.
 */
export function incidentSeverityFor(perceived: PerceivedSeverity, tier: PriorityTier, override: Severity | null): Severity | null {
  if (perceived === 'cleared') return null;
  if (override !== null) return override;
  const base: Severity = perceived === 'indeterminate' ? 'minor' : perceived;
  switch (tier) {
    case 'P0':
      return ONE_STEP_UP[base];
    case 'P1':
    case 'P2':
      return base;
  }
}
