import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FieldProblem, OnDutyGroupDto } from '@netduty/contracts';
import { adjustmentProblems, type AdjustableList, type IncidentScope } from '@netduty/domain';
import { AuditService } from '@netduty/identity';
import type { OnDutyGroupEntity } from '@netduty/persistence';
import { ConflictError, InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { toOnDutyGroupDto } from '../roster-mapper';
import { personReferences, unknownPeople } from '../roster-references';
import { lockGroup, storeRoster } from '../roster-store';
import { groupVisible, visibleClusterIds } from '../roster-visibility';

export type AdjustableItem<L extends AdjustableList> = OnDutyGroupDto[L][number];

/** What is audited for each adjustment (the whole roster before and after, as for a replacement). */
const AUDIT_ACTIONS: Record<AdjustableList, { add: string; remove: string }> = {
  overrides: { add: 'roster.override.add', remove: 'roster.override.remove' },
  swaps: { add: 'roster.swap.add', remove: 'roster.swap.remove' },
};

/** The record a missing item's 404 names. */
const ITEM_ENTITIES: Record<AdjustableList, string> = { overrides: 'shift_override', swaps: 'shift_swap' };

/**
 * What the on-duty group's adjustments of a roster share: one item added to or removed from a group's
 * overrides or swaps. Each runs in one transaction holding the group's row lock, so adjustments (and an
 * admin's replacement) of one group take turns and none is lost. The result is checked with the
 * domain's rules of a whole roster (adjustmentProblems), and the people it puts on a shift must be
 * active accounts, as for a replacement. The use cases (roster-adjustment-use-cases.ts) name each one.
 */
@Injectable()
export abstract class RosterAdjustment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Appends an item under a new id; its problems name the request's fields (`leadId`, `memberIds.1`). */
  protected add<L extends AdjustableList>(scope: IncidentScope, groupId: string, list: L, item: Omit<AdjustableItem<L>, 'id'>): Promise<OnDutyGroupDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await lockVisibleGroup(em, groupId, scope);
      const before = toOnDutyGroupDto(current);
      const after: OnDutyGroupDto = { ...before, [list]: [...before[list], { ...item, id: randomUUID() }] };
      const prefix = `${list}.${before[list].length}.`;
      const joining = personReferences(after).filter((reference) => reference.field.startsWith(prefix) && !reference.leaving);
      const problems = [...adjustmentProblems(before, after, { kind: 'added', list }), ...(await unknownPeople(em, joining))];
      if (problems.length) throw new InvalidInputError(problems.map((problem) => asRequestField(problem, prefix)));
      return storeRoster(em, this.audit, current, { [list]: after[list] }, AUDIT_ACTIONS[list].add);
    });
  }

  /** Removes an item by id (404 when the group has none such); refused (409) when a later swap relies on it. */
  protected remove(scope: IncidentScope, groupId: string, list: AdjustableList, itemId: string): Promise<OnDutyGroupDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await lockVisibleGroup(em, groupId, scope);
      const before = toOnDutyGroupDto(current);
      const index = before[list].findIndex((item) => item.id === itemId);
      if (index < 0) throw new NotFoundError(ITEM_ENTITIES[list], itemId);
      const after: OnDutyGroupDto = { ...before, [list]: before[list].filter((item) => item.id !== itemId) };
      const broken = adjustmentProblems(before, after, { kind: 'removed', list, index });
      if (broken.length) {
        throw new ConflictError('later_swap_depends_on_it', `a later swap relies on this one: ${broken.map((problem) => `${problem.field}: ${problem.code}`).join(', ')}`);
      }
      return storeRoster(em, this.audit, current, { [list]: after[list] }, AUDIT_ACTIONS[list].remove);
    });
  }
}

/** The group, locked, when the caller's scope sees it (the roster GET's rule); otherwise not found. */
async function lockVisibleGroup(em: EntityManager, groupId: string, scope: IncidentScope): Promise<OnDutyGroupEntity> {
  const group = await lockGroup(em, groupId);
  if (!group || !groupVisible(group, await visibleClusterIds(em, scope))) throw new NotFoundError('on_duty_group', groupId);
  return group;
}

/** `overrides.3.leadId` → `leadId`: the added item is the request's body. */
function asRequestField(problem: FieldProblem, prefix: string): FieldProblem {
  return problem.field.startsWith(prefix) ? { ...problem, field: problem.field.slice(prefix.length) } : problem;
}
