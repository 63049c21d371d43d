import { In, type EntityManager } from 'typeorm';
import type { ShiftOccurrenceDto } from '@netduty/contracts';
import { UserEntity } from '@netduty/persistence';
import type { DutyPersonDto, StaffedShiftDto } from '@netduty/contracts';

/** The accounts behind the given ids (unknown ids are left out). */
export async function dutyPeople(em: EntityManager, ids: Iterable<string>): Promise<Map<string, DutyPersonDto>> {
  const unique = [...new Set(ids)];
  const users = unique.length ? await em.getRepository(UserEntity).findBy({ id: In(unique) }) : [];
  return new Map(users.map((user) => [user.id, toDutyPerson(user)]));
}

export function toDutyPerson(user: Pick<UserEntity, 'id' | 'displayName' | 'phone' | 'role'>): DutyPersonDto {
  return { id: user.id, displayName: user.displayName, phone: user.phone, role: user.role };
}

/** Each shift with its members' names and phones, the lead first (the one to call). */
export async function staffShifts(em: EntityManager, shifts: ShiftOccurrenceDto[]): Promise<StaffedShiftDto[]> {
  const people = await dutyPeople(em, shifts.flatMap((shift) => shift.memberIds));
  return shifts.map((shift) => ({
    ...shift,
    members: [shift.leadId, ...shift.memberIds.filter((id) => id !== shift.leadId)]
      .map((id) => people.get(id))
      .filter((person): person is DutyPersonDto => person !== undefined),
  }));
}
