import type { EntityManager } from 'typeorm';
import type { OnDutyGroupDto } from '@netduty/contracts';
import type { AuditService } from '@netduty/identity';
import { OnDutyGroupEntity } from '@netduty/persistence';
import { toOnDutyGroupDto } from './roster-mapper';

/**
 * The group's row, locked until the transaction ends: writers of one roster take turns, each reading
 * what the one before it wrote, so two officers adjusting at once cannot lose each other's change.
 */
export function lockGroup(em: EntityManager, id: string): Promise<OnDutyGroupEntity | null> {
  return em.getRepository(OnDutyGroupEntity).createQueryBuilder('g').setLock('pessimistic_write').where('g.id = :id', { id }).getOne();
}

/** Writes a checked change of a locked group's roster, moves its version on and audits before and after. */
export async function storeRoster(
  em: EntityManager,
  audit: AuditService,
  current: OnDutyGroupEntity,
  changes: Partial<Omit<OnDutyGroupDto, 'id'>>,
  action: string,
): Promise<OnDutyGroupDto> {
  const before = toOnDutyGroupDto(current);
  await em.getRepository(OnDutyGroupEntity).update({ id: current.id }, { ...changes, version: current.version + 1 });
  const after = toOnDutyGroupDto(await em.getRepository(OnDutyGroupEntity).findOneByOrFail({ id: current.id }));
  await audit.record({ action, entityType: 'on_duty_group', entityId: current.id, before, after }, em);
  return after;
}
