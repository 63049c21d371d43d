import type { FieldProblem, OnDutyGroupDto } from '@netduty/contracts';
import { rosterProblems } from './roster-problems';

/** The lists of a roster that an on-duty officer adjusts one item at a time. */
export type AdjustableList = 'overrides' | 'swaps';

/** What an adjustment did to the roster: appended an item to a list, or removed the item at `index`. */
export type RosterAdjustment = { kind: 'added'; list: AdjustableList } | { kind: 'removed'; list: AdjustableList; index: number };

/**
 * The problems an adjustment brings into a roster: `rosterProblems` of the roster after it that the
 * roster before did not have, named as in the roster after (`swaps.4.incomingUserId`). The roster before
 * passed the same rules when it was saved; comparing keeps one saved under older rules adjustable,
 * since its old problems are not the adjustment's fault. An added item is checked against everything
 * before it; a removed swap can break a later one that took the place it made (the later swap's
 * outgoing person is no longer on the shift).
 */
export function adjustmentProblems(before: OnDutyGroupDto, after: OnDutyGroupDto, adjustment: RosterAdjustment): FieldProblem[] {
  const known = new Set(rosterProblems(before).map(problemKey));
  const asBefore = adjustment.kind === 'removed' ? fieldBeforeRemoval(adjustment.list, adjustment.index) : (field: string) => field;
  return rosterProblems(after).filter((problem) => !known.has(problemKey({ ...problem, field: asBefore(problem.field) })));
}

/** The name a field of the roster after a removal had before it: later items of the list moved up one. */
function fieldBeforeRemoval(list: AdjustableList, removed: number): (field: string) => string {
  const pattern = new RegExp(`^${list}\\.(\\d+)(?=\\.|$)`);
  return (field) => field.replace(pattern, (whole, index: string) => (Number(index) >= removed ? `${list}.${Number(index) + 1}` : whole));
}

function problemKey(problem: FieldProblem): string {
  return JSON.stringify([problem.field, problem.code, problem.params ?? null]);
}
