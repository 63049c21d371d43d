import { In, type EntityManager } from 'typeorm';
import type { FieldProblem, OnDutyGroupDto } from '@netduty/contracts';
import { UserEntity } from '@netduty/persistence';

/** A field of a roster naming a person; `leaving` only for the person a swap takes off a shift. */
export interface PersonReference {
  field: string;
  userId: string;
  leaving: boolean;
}

/** Every person a roster names, with the field that names them. */
export function personReferences(group: OnDutyGroupDto): PersonReference[] {
  const crew = (prefix: string, item: { memberIds: string[]; leadId: string }) => [
    ...item.memberIds.map((userId, index) => ({ field: `${prefix}.memberIds.${index}`, userId, leaving: false })),
    { field: `${prefix}.leadId`, userId: item.leadId, leaving: false },
  ];
  return [
    ...group.rotations.flatMap((rotation, r) => rotation.crews.flatMap((item, c) => crew(`rotations.${r}.crews.${c}`, item))),
    ...group.oneOffShifts.flatMap((item, index) => crew(`oneOffShifts.${index}`, item)),
    ...group.overrides.flatMap((item, index) => crew(`overrides.${index}`, item)),
    ...group.swaps.flatMap((swap, index) => [
      { field: `swaps.${index}.outgoingUserId`, userId: swap.outgoingUserId, leaving: true },
      { field: `swaps.${index}.incomingUserId`, userId: swap.incomingUserId, leaving: false },
    ]),
  ];
}

/** `no_such_record` on each field naming someone who is not an active user. */
export async function unknownPeople(em: EntityManager, references: readonly PersonReference[]): Promise<FieldProblem[]> {
  const ids = [...new Set(references.map((reference) => reference.userId))];
  const active = new Set(ids.length ? (await em.getRepository(UserEntity).findBy({ id: In(ids), active: true })).map((user) => user.id) : []);
  const named = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const reference of references) {
    if (active.has(reference.userId) || named.has(reference.field)) continue;
    named.add(reference.field);
    problems.push({ field: reference.field, code: 'no_such_record' });
  }
  return problems;
}
