import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ROSTER_LIMITS, type FieldProblem, type OnDutyGroupDto, type ShiftOccurrenceDto } from '@netduty/contracts';
import { mayStandShift, onDutyAt, onDutyUserIds, rosterFromWire, rosterProblems, shiftOccurrenceToWire, shiftsBetween, type IncidentScope } from '@netduty/domain';
import { AuditService } from '@netduty/identity';
import { ClusterEntity, OnDutyGroupEntity, UserEntity } from '@netduty/persistence';
import { InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { staffShifts, toDutyPerson } from './duty-people';
import type { DutyPersonDto, OnDutyNowDto, StaffedShiftDto } from '@netduty/contracts';
import { toOnDutyGroupDto } from './roster-mapper';
import { personReferences, unknownPeople } from './roster-references';
import { lockGroup, storeRoster } from './roster-store';
import { groupVisible, visibleClusterIds } from './roster-visibility';

export type RosterInput = Omit<OnDutyGroupDto, 'id'>;

const DAY_MS = 86_400_000;

/**
 * On-duty groups and their rosters (ca trực). "Who is on duty in group X at t" is the domain's
 * onDutyAt over the stored roster; nothing here computes shifts itself. Reads take the caller's scope
 * (roster-visibility.ts); a group outside it is not found.
 */
@Injectable()
export class RostersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(scope: IncidentScope): Promise<OnDutyGroupDto[]> {
    const em = this.dataSource.manager;
    const [groups, clusters] = await Promise.all([
      em.getRepository(OnDutyGroupEntity).find({ order: { kind: 'ASC', name: 'ASC' } }),
      visibleClusterIds(em, scope),
    ]);
    return groups.filter((group) => groupVisible(group, clusters)).map(toOnDutyGroupDto);
  }

  async get(id: string, scope: IncidentScope, em: EntityManager = this.dataSource.manager): Promise<OnDutyGroupDto> {
    const group = await em.getRepository(OnDutyGroupEntity).findOneBy({ id });
    if (!group || !groupVisible(group, await visibleClusterIds(em, scope))) throw new NotFoundError('on_duty_group', id);
    return toOnDutyGroupDto(group);
  }

  /** The concrete shifts of a group in [from, to), with names and phones — the week view. */
  async shifts(id: string, from: Date, to: Date, scope: IncidentScope): Promise<StaffedShiftDto[]> {
    if (to.getTime() <= from.getTime()) throw new InvalidInputError([{ field: 'to', code: 'less_than_other_field', params: { field: 'from' } }]);
    if (to.getTime() - from.getTime() > ROSTER_LIMITS.queryDays * DAY_MS) {
      throw new InvalidInputError([{ field: 'to', code: 'too_large', params: { max: ROSTER_LIMITS.queryDays } }]);
    }
    const group = await this.get(id, scope);
    return staffShifts(this.dataSource.manager, shiftsBetween(rosterFromWire(group), from, to).map(shiftOccurrenceToWire));
  }

  /** The bare occurrences of a group in [from, to), for other use cases of the area (the handover). */
  occurrences(group: OnDutyGroupDto, from: Date, to: Date): ShiftOccurrenceDto[] {
    return shiftsBetween(rosterFromWire(group), from, to).map(shiftOccurrenceToWire);
  }

  /** Who is on duty at `at` in every group the caller sees: the console's "now on duty". */
  async onDutyNow(at: Date, scope: IncidentScope): Promise<OnDutyNowDto> {
    const groups = await this.list(scope);
    const shifts = groups.map((group) => onDutyAt(rosterFromWire(group), at).map(shiftOccurrenceToWire));
    const staffed = await staffShifts(this.dataSource.manager, shifts.flat());
    let next = 0;
    return {
      at: at.toISOString(),
      groups: groups.map((group, index) => ({ group, shifts: (shifts[index] ?? []).map(() => staffed[next++] as StaffedShiftDto) })),
    };
  }

  /**
   * A resolver of "whoever is on shift in group X at t" over every group, loaded once in the caller's
   * transaction (an escalation level resolves its recipients at the instant it fires).
   */
  async onDutyResolver(em: EntityManager): Promise<{ onDuty: (groupId: string, at: Date) => string[]; groups: OnDutyGroupDto[] }> {
    const groups = (await em.getRepository(OnDutyGroupEntity).find()).map(toOnDutyGroupDto);
    const byId = new Map(groups.map((group) => [group.id, rosterFromWire(group)]));
    return {
      groups,
      onDuty: (groupId, at) => {
        const group = byId.get(groupId);
        return group ? onDutyUserIds(group, at) : [];
      },
    };
  }

  async create(input: RosterInput): Promise<OnDutyGroupDto> {
    return this.dataSource.transaction(async (em) => {
      await this.check(em, { ...input, id: 'new' });
      const saved = await em.getRepository(OnDutyGroupEntity).save({ ...input });
      const dto = toOnDutyGroupDto(saved);
      await this.audit.record({ action: 'roster.create', entityType: 'on_duty_group', entityId: saved.id, after: dto }, em);
      return dto;
    });
  }

  /** Replaces a group's roster (rotations, one-off shifts, overrides, swaps) after checking it whole. */
  async replace(id: string, input: RosterInput): Promise<OnDutyGroupDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await lockGroup(em, id);
      if (!current) throw new NotFoundError('on_duty_group', id);
      await this.check(em, { ...input, id });
      return storeRoster(em, this.audit, current, input, 'roster.update');
    });
  }

  /**
   * Who may be put on one of the group's shifts by an override or a swap: the active accounts whose role
   * stands shifts (mayStandShift), by name. The group must be one the caller sees.
   */
  async candidates(id: string, scope: IncidentScope): Promise<DutyPersonDto[]> {
    await this.get(id, scope);
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { active: true }, order: { displayName: 'ASC' } });
    return users.filter((user) => mayStandShift(user.role)).map(toDutyPerson);
  }

  /** The domain's rules of a roster, then what only the data knows: the cluster and every person exist. */
  private async check(em: EntityManager, group: OnDutyGroupDto): Promise<void> {
    const problems = rosterProblems(group);
    if (problems.length) throw new InvalidInputError(problems);
    const references: FieldProblem[] = [];
    if (group.clusterId !== null && !(await em.getRepository(ClusterEntity).existsBy({ id: group.clusterId }))) {
      references.push({ field: 'clusterId', code: 'no_such_record' });
    }
    references.push(...(await unknownPeople(em, personReferences(group))));
    if (references.length) throw new InvalidInputError(references);
  }
}
