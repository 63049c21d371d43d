import { LessThanOrEqual, MoreThan, type EntityManager } from 'typeorm';
import type { PriorityTier, Severity } from '@netduty/contracts';
import { activeEventPeriod, eventPriority, eventSlaWindow, type SlaWindow } from '@netduty/domain';
import { toEventPeriod } from '@netduty/event-periods';
import { EventPeriodEntity, SlaPolicyEntity } from '@netduty/persistence';
import type { ReportedSite } from '../ports/incident-record';
import type { ReportTerms, SlaPolicyLookup } from '../ports/sla-policy-lookup';

/**
 * One per unit of work (one transaction): what it has read is remembered for the transaction, so a
 * worker batch opening thousands of incidents reads the policies and the event periods once, not per
 * incident. A transaction sees its own snapshot-consistent rows either way.
 */
export class TypeOrmSlaPolicyLookup implements SlaPolicyLookup {
  private readonly windows = new Map<string, Promise<SlaWindow>>();
  private readonly periodsAt = new Map<number, Promise<EventPeriodEntity[]>>();

  constructor(private readonly em: EntityManager) {}

  windowFor(severity: Severity, priority: PriorityTier): Promise<SlaWindow> {
    const key = `${severity}/${priority}`;
    const known = this.windows.get(key);
    if (known) return known;
    // Every severity × tier has a row (seeded by migration; policies are edited, never deleted).
    const read = this.em
      .getRepository(SlaPolicyEntity)
      .findOneOrFail({ where: { severity, priority } })
      .then((policy) => ({ acknowledgeSeconds: policy.acknowledgeSeconds, restoreSeconds: policy.restoreSeconds }));
    this.windows.set(key, read);
    read.catch(() => this.windows.delete(key));
    return read;
  }

  async termsFor(severity: Severity, site: ReportedSite, at: Date): Promise<ReportTerms> {
    const periods = await this.periodsCovering(at);
    const active = activeEventPeriod(periods, at);
    const period = active ? toEventPeriod(active) : null;
    const priority = eventPriority(site.id, site.priority, period);
    return { priority, window: eventSlaWindow(await this.windowFor(severity, priority), period, priority) };
  }

  private periodsCovering(at: Date): Promise<EventPeriodEntity[]> {
    const known = this.periodsAt.get(at.getTime());
    if (known) return known;
    const read = this.em.getRepository(EventPeriodEntity).find({ where: { startsAt: LessThanOrEqual(at), endsAt: MoreThan(at) } });
    this.periodsAt.set(at.getTime(), read);
    read.catch(() => this.periodsAt.delete(at.getTime()));
    return read;
  }
}
