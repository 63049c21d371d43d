import type { EntityManager } from 'typeorm';
import type { PriorityTier, Severity } from '@netduty/contracts';
import type { SlaWindow } from '@netduty/domain';
import { SlaPolicyEntity } from '@netduty/persistence';
import type { SlaPolicyLookup } from '../ports/sla-policy-lookup';

export class TypeOrmSlaPolicyLookup implements SlaPolicyLookup {
  constructor(private readonly em: EntityManager) {}

  async windowFor(severity: Severity, priority: PriorityTier): Promise<SlaWindow> {
    // Every severity × tier has a row (seeded by migration; policies are edited, never deleted).
    const policy = await this.em.getRepository(SlaPolicyEntity).findOneOrFail({ where: { severity, priority } });
    return { acknowledgeSeconds: policy.acknowledgeSeconds, restoreSeconds: policy.restoreSeconds };
  }
}
