import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { DEPARTMENT_DUTY_GROUP_ID, type ReportPersonDto } from '@netduty/contracts';
import { onDutyAt, rosterFromWire } from '@netduty/domain';
import { RostersService } from '@netduty/organisation';
import { UserEntity } from '@netduty/persistence';
import { SYSTEM_SCOPE } from '@netduty/identity';

/**
 * "Who leads the department's tổ trực now": the roster's own answer (onDutyAt over the stored roster,
 * overrides and swaps included). Several leads when shifts overlap (an override covering part of one).
 */
@Injectable()
export class ShiftLeadLookup {
  constructor(private readonly rosters: RostersService) {}

  async leadIdsAt(em: EntityManager, at: Date): Promise<string[]> {
    const group = await this.rosters.get(DEPARTMENT_DUTY_GROUP_ID, SYSTEM_SCOPE, em).catch(() => null);
    if (!group) return [];
    return [...new Set(onDutyAt(rosterFromWire(group), at).map((shift) => shift.leadId))];
  }

  async leadAt(em: EntityManager, at: Date): Promise<ReportPersonDto | null> {
    const ids = await this.leadIdsAt(em, at);
    const people = await personsOf(em, ids);
    return people[0] ?? null;
  }
}

export async function personsOf(em: EntityManager, ids: readonly string[]): Promise<ReportPersonDto[]> {
  if (ids.length === 0) return [];
  const users = await em.getRepository(UserEntity).find({ where: { id: In([...ids]) }, order: { displayName: 'ASC' } });
  return users.map((user) => ({ id: user.id, displayName: user.displayName, phone: user.phone }));
}
