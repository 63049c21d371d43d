import { EVENT_PERIOD_LIMITS, ESCALATION_POLICY_LIMITS, PRIORITY_TIERS, type FieldProblem } from '@netduty/contracts';
import { slaWindowProblems } from '../sla';
import type { EventPeriod } from './event-period';

const DAY_MS = 24 * 3600 * 1000;

/** What is wrong with an event period, field by field; empty when valid. Instants are already parsed. */
export function eventPeriodProblems(period: EventPeriod): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const limits = EVENT_PERIOD_LIMITS;
  if (period.name.trim() === '') problems.push({ field: 'name', code: 'required' });
  else if (period.name.length > limits.maxNameLength) problems.push({ field: 'name', code: 'too_long', params: { max: limits.maxNameLength } });
  if (Number.isNaN(period.startsAt.getTime())) problems.push({ field: 'startsAt', code: 'not_a_date' });
  if (Number.isNaN(period.endsAt.getTime())) problems.push({ field: 'endsAt', code: 'not_a_date' });
  else if (period.endsAt.getTime() <= period.startsAt.getTime()) problems.push({ field: 'endsAt', code: 'before_other_field', params: { field: 'startsAt' } });
  else if (period.endsAt.getTime() - period.startsAt.getTime() > limits.maxDurationDays * DAY_MS) {
    problems.push({ field: 'endsAt', code: 'invalid', params: { rule: 'max_duration_days', max: limits.maxDurationDays } });
  }
  if (period.p0SiteIds.length > limits.maxP0Sites) problems.push({ field: 'p0SiteIds', code: 'too_many_items', params: { max: limits.maxP0Sites } });
  period.p0SiteIds.forEach((id, index) => {
    if (period.p0SiteIds.indexOf(id) !== index) problems.push({ field: `p0SiteIds[${index}]`, code: 'already_used' });
  });
  if (period.slaFactor !== null) {
    if (!Number.isFinite(period.slaFactor)) problems.push({ field: 'slaFactor', code: 'not_a_number' });
    else if (period.slaFactor < limits.minSlaFactor) problems.push({ field: 'slaFactor', code: 'too_small', params: { min: limits.minSlaFactor } });
    else if (period.slaFactor > 1) problems.push({ field: 'slaFactor', code: 'too_large', params: { max: 1 } });
  }
  for (const tier of PRIORITY_TIERS) {
    const override = period.slaOverrides[tier];
    if (override === undefined) continue;
    for (const problem of slaWindowProblems(override)) problems.push({ ...problem, field: `slaOverrides.${tier}.${problem.field}` });
  }
  if (period.p0LeadershipLevel !== null) {
    const level = period.p0LeadershipLevel;
    if (!Number.isInteger(level)) problems.push({ field: 'p0LeadershipLevel', code: 'not_an_integer' });
    else if (level < 1) problems.push({ field: 'p0LeadershipLevel', code: 'too_small', params: { min: 1 } });
    else if (level > ESCALATION_POLICY_LIMITS.maxLevels) problems.push({ field: 'p0LeadershipLevel', code: 'too_large', params: { max: ESCALATION_POLICY_LIMITS.maxLevels } });
  }
  const interval = period.reportIntervalMinutes;
  if (!Number.isInteger(interval)) problems.push({ field: 'reportIntervalMinutes', code: 'not_an_integer' });
  else if (interval < limits.minReportIntervalMinutes) problems.push({ field: 'reportIntervalMinutes', code: 'too_small', params: { min: limits.minReportIntervalMinutes } });
  else if (interval > limits.maxReportIntervalMinutes) problems.push({ field: 'reportIntervalMinutes', code: 'too_large', params: { max: limits.maxReportIntervalMinutes } });
  return problems;
}
