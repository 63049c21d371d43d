import {
  ISO_WEEKDAYS,
  NAME_MAX_LENGTH,
  ON_DUTY_GROUP_KINDS,
  ROSTER_LIMITS,
  type FieldProblem,
  type FieldProblemCode,
  type FieldProblemParams,
  type OnDutyGroupDto,
  type RotationDto,
} from '@netduty/contracts';
import { occurrenceKey, swapCrew } from './apply-swaps';
import { parseLocalDate, parseLocalTime } from './local-calendar';
import type { Crew } from './roster';
import { rosterFromWire } from './roster-wire';
import { rotationOccurrences } from './rotation-occurrences';
import { slotsOverlap, weeklySlots } from './weekly-overlap';
import { parseWireInstant } from './wire-instant';
import { isKnownTimeZone } from './zoned-time';

/**
 * What is wrong with an on-duty group's roster, as field problems of the wire (dotted paths such as
 * `rotations.0.templates.1.startTime`); empty when the roster can be evaluated. Rules without a code of
 * their own are `invalid` with `{rule}`: unknown_time_zone, lead_not_member, overlapping_shifts (two
 * templates, or two rotations in effect together, share local time in the week; `{field}` names the
 * other), empty_interval (end equal to start), cluster_kind_only, same_person, not_in_crew,
 * already_in_crew.
 */
export function rosterProblems(group: OnDutyGroupDto): FieldProblem[] {
  const problems = new ProblemList();
  if (group.name.trim() === '') problems.add('name', 'required');
  else if (group.name.length > NAME_MAX_LENGTH) problems.add('name', 'too_long', { max: NAME_MAX_LENGTH });
  if (!(ON_DUTY_GROUP_KINDS as readonly string[]).includes(group.kind)) {
    problems.add('kind', 'not_one_of', { allowed: ON_DUTY_GROUP_KINDS });
  } else if (group.kind === 'cluster' && !group.clusterId) problems.add('clusterId', 'required');
  else if (group.kind !== 'cluster' && group.clusterId !== null) {
    problems.add('clusterId', 'invalid', { rule: 'cluster_kind_only' });
  }
  if (!isKnownTimeZone(group.timeZone)) problems.add('timeZone', 'invalid', { rule: 'unknown_time_zone' });

  countProblems(problems, 'rotations', group.rotations.length, ROSTER_LIMITS.rotationsPerGroup);
  countProblems(problems, 'oneOffShifts', group.oneOffShifts.length, ROSTER_LIMITS.oneOffShiftsPerGroup);
  countProblems(problems, 'overrides', group.overrides.length, ROSTER_LIMITS.overridesPerGroup);
  countProblems(problems, 'swaps', group.swaps.length, ROSTER_LIMITS.swapsPerGroup);

  const templateIds = new Set<string>();
  group.rotations.forEach((rotation, index) => {
    rotationProblems(problems, rotation, `rotations.${index}`, templateIds);
  });
  idProblems(problems, 'rotations', group.rotations);
  rotationOverlapProblems(problems, group.rotations);

  for (const [collection, items] of [
    ['oneOffShifts', group.oneOffShifts],
    ['overrides', group.overrides],
  ] as const) {
    idProblems(problems, collection, items);
    items.forEach((item, index) => {
      const prefix = `${collection}.${index}`;
      intervalProblems(problems, prefix, 'startsAt', item.startsAt, 'endsAt', item.endsAt, false);
      crewProblems(problems, prefix, item);
    });
  }

  idProblems(problems, 'swaps', group.swaps);
  // Whether a swap names a real occurrence and person needs the rotations to be readable.
  const rotationsReadable = !problems.any((field) => field === 'timeZone' || field.startsWith('rotations'));
  swapProblems(problems, group, rotationsReadable);
  return problems.list;
}

class ProblemList {
  readonly list: FieldProblem[] = [];

  add(field: string, code: FieldProblemCode, params?: FieldProblemParams): void {
    this.list.push(params ? { field, code, params } : { field, code });
  }

  any(predicate: (field: string) => boolean): boolean {
    return this.list.some((problem) => predicate(problem.field));
  }
}

function countProblems(problems: ProblemList, field: string, count: number, max: number, min = 0): void {
  if (count < min) problems.add(field, 'too_few_items', { min });
  else if (count > max) problems.add(field, 'too_many_items', { max });
}

function idProblems(problems: ProblemList, collection: string, items: readonly { id: string }[]): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (item.id.trim() === '') problems.add(`${collection}.${index}.id`, 'required');
    else if (seen.has(item.id)) problems.add(`${collection}.${index}.id`, 'already_used');
    seen.add(item.id);
  });
}

function intervalProblems(
  problems: ProblemList,
  prefix: string,
  startField: string,
  startValue: string,
  endField: string,
  endValue: string | null,
  endMayBeOpen: boolean,
): void {
  const start = parseWireInstant(startValue);
  if (!start) problems.add(`${prefix}.${startField}`, 'not_a_date');
  if (endValue === null) {
    if (!endMayBeOpen) problems.add(`${prefix}.${endField}`, 'required');
    return;
  }
  const end = parseWireInstant(endValue);
  if (!end) problems.add(`${prefix}.${endField}`, 'not_a_date');
  if (!start || !end) return;
  if (end.getTime() < start.getTime()) problems.add(`${prefix}.${endField}`, 'before_other_field', { field: startField });
  else if (end.getTime() === start.getTime()) problems.add(`${prefix}.${endField}`, 'invalid', { rule: 'empty_interval' });
}

function crewProblems(problems: ProblemList, prefix: string, crew: Crew): void {
  if (crew.memberIds.length < 1) problems.add(`${prefix}.memberIds`, 'too_few_items', { min: 1 });
  else if (crew.memberIds.length > ROSTER_LIMITS.membersPerCrew) {
    problems.add(`${prefix}.memberIds`, 'too_many_items', { max: ROSTER_LIMITS.membersPerCrew });
  }
  const seen = new Set<string>();
  crew.memberIds.forEach((memberId, index) => {
    if (memberId.trim() === '') problems.add(`${prefix}.memberIds.${index}`, 'required');
    else if (seen.has(memberId)) problems.add(`${prefix}.memberIds.${index}`, 'already_used');
    seen.add(memberId);
  });
  if (crew.leadId.trim() === '') problems.add(`${prefix}.leadId`, 'required');
  else if (!crew.memberIds.includes(crew.leadId)) problems.add(`${prefix}.leadId`, 'invalid', { rule: 'lead_not_member' });
}

function rotationProblems(problems: ProblemList, rotation: RotationDto, prefix: string, templateIds: Set<string>): void {
  countProblems(problems, `${prefix}.templates`, rotation.templates.length, ROSTER_LIMITS.templatesPerRotation, 1);
  rotation.templates.forEach((template, index) => {
    const field = `${prefix}.templates.${index}`;
    if (template.id.trim() === '') problems.add(`${field}.id`, 'required');
    else if (templateIds.has(template.id)) problems.add(`${field}.id`, 'already_used');
    templateIds.add(template.id);
    if (parseLocalTime(template.startTime) === null) problems.add(`${field}.startTime`, 'invalid_format');
    if (parseLocalTime(template.endTime) === null) problems.add(`${field}.endTime`, 'invalid_format');
  });
  const slots = weeklySlots(rotation.templates, rotation.weekdays);
  const reported = new Set<number>();
  for (const [i, a] of slots.entries()) {
    for (const b of slots.slice(i + 1)) {
      const later = Math.max(a.templateIndex, b.templateIndex);
      const earlier = Math.min(a.templateIndex, b.templateIndex);
      if (reported.has(later) || !slotsOverlap(a, b)) continue;
      reported.add(later);
      problems.add(`${prefix}.templates.${later}`, 'invalid', {
        rule: 'overlapping_shifts',
        field: `${prefix}.templates.${earlier}`,
      });
    }
  }

  countProblems(problems, `${prefix}.weekdays`, rotation.weekdays.length, ISO_WEEKDAYS.length, 1);
  const weekdays = new Set<number>();
  rotation.weekdays.forEach((weekday, index) => {
    if (!(ISO_WEEKDAYS as readonly number[]).includes(weekday)) {
      problems.add(`${prefix}.weekdays.${index}`, 'not_one_of', { allowed: ISO_WEEKDAYS.map(String) });
    } else if (weekdays.has(weekday)) problems.add(`${prefix}.weekdays.${index}`, 'already_used');
    weekdays.add(weekday);
  });

  if (parseLocalDate(rotation.anchorDate) === null) problems.add(`${prefix}.anchorDate`, 'invalid_format');
  countProblems(problems, `${prefix}.crews`, rotation.crews.length, ROSTER_LIMITS.crewsPerRotation, 1);
  rotation.crews.forEach((crew, index) => crewProblems(problems, `${prefix}.crews.${index}`, crew));
  intervalProblems(problems, prefix, 'effectiveFrom', rotation.effectiveFrom, 'effectiveUntil', rotation.effectiveUntil, true);
}

function effectivePeriodsOverlap(a: RotationDto, b: RotationDto): boolean {
  const startA = parseWireInstant(a.effectiveFrom)?.getTime();
  const startB = parseWireInstant(b.effectiveFrom)?.getTime();
  if (startA === undefined || startB === undefined) return false;
  const endA = a.effectiveUntil === null ? Infinity : (parseWireInstant(a.effectiveUntil)?.getTime() ?? Infinity);
  const endB = b.effectiveUntil === null ? Infinity : (parseWireInstant(b.effectiveUntil)?.getTime() ?? Infinity);
  return startA < endB && startB < endA;
}

/** Two rotations in effect at the same time must not put shifts on the same local time of the week. */
function rotationOverlapProblems(problems: ProblemList, rotations: readonly RotationDto[]): void {
  rotations.forEach((rotation, j) => {
    const slots = weeklySlots(rotation.templates, rotation.weekdays);
    const earlier = rotations
      .slice(0, j)
      .findIndex(
        (other) =>
          effectivePeriodsOverlap(other, rotation) &&
          weeklySlots(other.templates, other.weekdays).some((otherSlot) => slots.some((slot) => slotsOverlap(slot, otherSlot))),
      );
    if (earlier >= 0) {
      problems.add(`rotations.${j}`, 'invalid', { rule: 'overlapping_shifts', field: `rotations.${earlier}` });
    }
  });
}

function swapProblems(problems: ProblemList, group: OnDutyGroupDto, rotationsReadable: boolean): void {
  const readable = rotationsReadable ? rosterFromWire({ ...group, oneOffShifts: [], overrides: [], swaps: [] }) : null;
  /** The crew of each occurrence as the swaps so far have left it. */
  const crews = new Map<string, Crew>();
  group.swaps.forEach((swap, index) => {
    const prefix = `swaps.${index}`;
    const rotation = group.rotations.find((candidate) => candidate.templates.some((template) => template.id === swap.templateId));
    if (!rotation) problems.add(`${prefix}.templateId`, 'no_such_record');
    const startsAt = parseWireInstant(swap.occurrenceStartsAt);
    if (!startsAt) problems.add(`${prefix}.occurrenceStartsAt`, 'not_a_date');
    let peopleReadable = true;
    if (swap.outgoingUserId.trim() === '') {
      problems.add(`${prefix}.outgoingUserId`, 'required');
      peopleReadable = false;
    }
    if (swap.incomingUserId.trim() === '') {
      problems.add(`${prefix}.incomingUserId`, 'required');
      peopleReadable = false;
    } else if (swap.incomingUserId === swap.outgoingUserId) {
      problems.add(`${prefix}.incomingUserId`, 'invalid', { rule: 'same_person' });
      peopleReadable = false;
    }
    const domainRotation = readable?.rotations.find((candidate) => candidate.id === rotation?.id);
    if (!domainRotation || !startsAt || !readable) return;
    const occurrence = rotationOccurrences(group.id, domainRotation, readable.timeZone, startsAt, new Date(startsAt.getTime() + 1)).find(
      (candidate) => candidate.templateId === swap.templateId && candidate.startsAt.getTime() === startsAt.getTime(),
    );
    if (!occurrence) {
      problems.add(`${prefix}.occurrenceStartsAt`, 'no_such_record');
      return;
    }
    if (!peopleReadable) return;
    const key = occurrenceKey(swap.templateId, startsAt);
    const crew = crews.get(key) ?? occurrence;
    if (!crew.memberIds.includes(swap.outgoingUserId)) {
      problems.add(`${prefix}.outgoingUserId`, 'invalid', { rule: 'not_in_crew' });
    } else if (crew.memberIds.includes(swap.incomingUserId)) {
      problems.add(`${prefix}.incomingUserId`, 'invalid', { rule: 'already_in_crew' });
    } else {
      crews.set(key, swapCrew(crew, swap));
    }
  });
}
