import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThanOrEqual, Not, type EntityManager } from 'typeorm';
import type { EventPeriodDefinition, EventPeriodDto } from '@netduty/contracts';
import {
  activeEventPeriod,
  deadlineStillApplies,
  eventPeriodProblems,
  eventPriority,
  eventSlaWindow,
  tightenedDeadline,
  type EventPeriod,
} from '@netduty/domain';
import { AuditService } from '@netduty/identity';
import { EventPeriodEntity, IncidentEntity, SiteEntity, SlaPolicyEntity } from '@netduty/persistence';
import { InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { SlaScheduler } from '@netduty/platform-queue';
import { toEventPeriod, toEventPeriodDto } from './event-period-mapper';

export interface SwitchOutcome {
  switchedOn: string[];
  switchedOff: string[];
  /** Live incidents whose deadlines (or tier) the switch tightened; their next chain step is the sweep's. */
  tightened: string[];
}

/**
 * Event periods (the congress): kept by administrators, switched on and off by the worker's sweep at
 * their times (audited), tightening the deadlines of live incidents when one starts — only tightening,
 * never stretching a running clock.
 */
@Injectable()
export class EventPeriodsService {
  private readonly logger = new Logger(EventPeriodsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly scheduler: SlaScheduler,
  ) {}

  async list(now: Date = new Date()): Promise<EventPeriodDto[]> {
    const periods = await this.dataSource.getRepository(EventPeriodEntity).find({ order: { startsAt: 'DESC' } });
    return periods.map((period) => toEventPeriodDto(period, now));
  }

  /** The period in force at `now`, or the next one to come: the console's banner and countdown. */
  async current(now: Date = new Date()): Promise<{ active: EventPeriodDto | null; next: EventPeriodDto | null }> {
    const periods = await this.dataSource.getRepository(EventPeriodEntity).find({ where: { endsAt: Not(LessThanOrEqual(now)) }, order: { startsAt: 'ASC' } });
    const active = activeEventPeriod(periods, now);
    const next = periods.find((period) => period.startsAt.getTime() > now.getTime()) ?? null;
    return { active: active ? toEventPeriodDto(active, now) : null, next: next ? toEventPeriodDto(next, now) : null };
  }

  /** The period in force at `at` as the domain reads it (for reporting an incident), or null. */
  async inForce(em: EntityManager, at: Date): Promise<EventPeriod | null> {
    const periods = await em.getRepository(EventPeriodEntity).find({ where: { endsAt: Not(LessThanOrEqual(at)), startsAt: LessThanOrEqual(at) } });
    const active = activeEventPeriod(periods, at);
    return active ? toEventPeriod(active) : null;
  }

  async create(input: EventPeriodDefinition): Promise<EventPeriodDto> {
    return this.dataSource.transaction(async (em) => {
      await this.check(em, input);
      const saved = await em.getRepository(EventPeriodEntity).save(this.row(input));
      const dto = toEventPeriodDto(saved);
      await this.audit.record({ action: 'event_period.create', entityType: 'event_period', entityId: saved.id, after: dto }, em);
      return dto;
    });
  }

  async replace(id: string, input: EventPeriodDefinition): Promise<EventPeriodDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await em.getRepository(EventPeriodEntity).findOneBy({ id });
      if (!current) throw new NotFoundError('event_period', id);
      await this.check(em, input);
      const before = toEventPeriodDto(current);
      // A period moved into the future is switched on again when it starts.
      const restart = new Date(input.startsAt).getTime() > Date.now() ? { switchedOnAt: null, switchedOffAt: null } : {};
      await em.getRepository(EventPeriodEntity).update({ id }, { ...this.row(input), ...restart });
      const after = toEventPeriodDto(await em.getRepository(EventPeriodEntity).findOneByOrFail({ id }));
      await this.audit.record({ action: 'event_period.update', entityType: 'event_period', entityId: id, before, after }, em);
      return after;
    });
  }

  /**
   * Switches on the periods that have started and off those that have ended, each once (the row lock and
   * the switched_* columns make concurrent sweeps agree). Run by the worker's reconciliation sweep.
   */
  async switchDue(now: Date = new Date()): Promise<SwitchOutcome> {
    return this.dataSource.transaction(async (em) => {
      const outcome: SwitchOutcome = { switchedOn: [], switchedOff: [], tightened: [] };
      const due = await em
        .getRepository(EventPeriodEntity)
        .createQueryBuilder('period')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('(period.startsAt <= :now AND period.switchedOnAt IS NULL) OR (period.endsAt <= :now AND period.switchedOffAt IS NULL)', { now })
        .getMany();
      for (const period of due) {
        if (period.switchedOnAt === null && period.endsAt.getTime() > now.getTime()) {
          await em.getRepository(EventPeriodEntity).update({ id: period.id }, { switchedOnAt: now });
          outcome.tightened.push(...(await this.tightenLiveIncidents(em, toEventPeriod(period), now)));
          await this.audit.record({ action: 'event_period.switch_on', entityType: 'event_period', entityId: period.id, after: { name: period.name, at: now.toISOString() } }, em);
          outcome.switchedOn.push(period.id);
        } else if (period.endsAt.getTime() <= now.getTime()) {
          // Deadlines set during the period keep running as they are: nothing stretches when it ends.
          await em.getRepository(EventPeriodEntity).update({ id: period.id }, { switchedOnAt: period.switchedOnAt ?? now, switchedOffAt: now });
          await this.audit.record({ action: 'event_period.switch_off', entityType: 'event_period', entityId: period.id, after: { name: period.name, at: now.toISOString() } }, em);
          outcome.switchedOff.push(period.id);
        }
      }
      return outcome;
    }).then(async (outcome) => {
      // The tightened incidents' pending steps were planned on the old deadlines: drop them, and the
      // sweep that called this re-plans each chain from its new deadline.
      for (const id of outcome.tightened) {
        const incident = await this.dataSource.getRepository(IncidentEntity).findOneBy({ id });
        if (!incident) continue;
        await this.scheduler.cancel(id, 'acknowledge', 1).catch(() => undefined);
        await this.scheduler.cancel(id, 'restore', incident.slaCycle).catch(() => undefined);
      }
      if (outcome.switchedOn.length || outcome.switchedOff.length) {
        this.logger.log(`event periods: on ${outcome.switchedOn.length}, off ${outcome.switchedOff.length}, ${outcome.tightened.length} incidents tightened`);
      }
      return outcome;
    });
  }

  private async tightenLiveIncidents(em: EntityManager, period: EventPeriod, now: Date): Promise<string[]> {
    const incidents = await em
      .getRepository(IncidentEntity)
      .createQueryBuilder('incident')
      .setLock('pessimistic_write')
      .where(`incident.status NOT IN ('resolved', 'closed')`)
      .getMany();
    const policies = await em.getRepository(SlaPolicyEntity).find();
    const tightened: string[] = [];
    for (const incident of incidents) {
      const priority = eventPriority(incident.siteId, incident.priority, period);
      const base = policies.find((policy) => policy.severity === incident.severity && policy.priority === priority);
      if (!base) continue;
      const window = eventSlaWindow(base, period, priority);
      const ackDueAt = deadlineStillApplies('acknowledge', incident.status)
        ? tightenedDeadline({ startsAt: incident.ackStartsAt, dueAt: incident.ackDueAt }, window.acknowledgeSeconds, now)
        : incident.ackDueAt;
      const restoreDueAt = tightenedDeadline({ startsAt: incident.restoreStartsAt, dueAt: incident.restoreDueAt }, window.restoreSeconds, now);
      const changed = priority !== incident.priority || ackDueAt.getTime() !== incident.ackDueAt.getTime() || restoreDueAt.getTime() !== incident.restoreDueAt.getTime();
      if (!changed) continue;
      const before = { priority: incident.priority, ackDueAt: incident.ackDueAt, restoreDueAt: incident.restoreDueAt };
      await em.getRepository(IncidentEntity).update({ id: incident.id }, { priority, ackDueAt, restoreDueAt, version: incident.version + 1 });
      await this.audit.record(
        { action: 'incident.deadline_tightened', entityType: 'incident', entityId: incident.id, before, after: { priority, ackDueAt, restoreDueAt, eventPeriodId: period.id } },
        em,
      );
      tightened.push(incident.id);
    }
    return tightened;
  }

  private async check(em: EntityManager, input: EventPeriodDefinition): Promise<void> {
    const problems = eventPeriodProblems({ ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) });
    const unique = [...new Set(input.p0SiteIds)];
    if (unique.length) {
      const found = await em.getRepository(SiteEntity).find({ where: { id: In(unique) }, select: { id: true } });
      const unknown = unique.filter((id) => !found.some((site) => site.id === id));
      if (unknown.length) problems.push({ field: 'p0SiteIds', code: 'no_such_record', params: { ids: unknown } });
    }
    if (problems.length) throw new InvalidInputError(problems);
  }

  private row(input: EventPeriodDefinition): Partial<EventPeriodEntity> {
    return {
      name: input.name.trim(),
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      p0SiteIds: [...new Set(input.p0SiteIds)],
      slaFactor: input.slaFactor,
      slaOverrides: input.slaOverrides,
      p0LeadershipLevel: input.p0LeadershipLevel,
      reportIntervalMinutes: input.reportIntervalMinutes,
    };
  }
}

