import { LessThanOrEqual, MoreThan, type EntityManager } from 'typeorm';
import type { PriorityTier, Severity } from '@netduty/contracts';
import { activeEventPeriod, eventPriority, eventSlaWindow, type SlaWindow } from '@netduty/domain';
import { toEventPeriod } from '@netduty/event-periods';
import { EventPeriodEntity, SlaPolicyEntity } from '@netduty/persistence';
import type { ReportedSite } from '../ports/incident-record';
import type { ReportTerms, SlaPolicyLookup } from '../ports/sla-policy-lookup';

export class TypeOrmSlaPolicyLookup implements SlaPolicyLookup {
  constructor(private readonly em: EntityManager) {}

  async windowFor(severity: Severity, priority: PriorityTier): Promise<SlaWindow> {
    // Every severity × tier has a row (seeded by migration; policies are edited, never deleted).
    const policy = await this.em.getRepository(SlaPolicyEntity).findOneOrFail({ where: { severity, priority } });
    return { acknowledgeSeconds: policy.acknowledgeSeconds, restoreSeconds: policy.restoreSeconds };
  }

  async termsFor(severity: Severity, site: ReportedSite, at: Date): Promise<ReportTerms> {
    const periods = await this.em.getRepository(EventPeriodEntity).find({ where: { startsAt: LessThanOrEqual(at), endsAt: MoreThan(at) } });
    const active = activeEventPeriod(periods, at);
    const period = active ? toEventPeriod(active) : null;
    const priority = eventPriority(site.id, site.priority, period);
    return { priority, window: eventSlaWindow(await this.windowFor(severity, priority), period, priority) };
  }
}
