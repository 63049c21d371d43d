import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AssignedResponder, IncidentDetailDto, IncidentDto, ResponderDto } from '@netduty/contracts';
import type { IncidentScope } from '@netduty/domain';
import {
  acceptsComments,
  allowedActions,
  deadlinesAtReport,
  decideTransition,
  restoreDeadlineAtReopen,
  scopeFilterOf,
  scopeSees,
} from '@netduty/domain';
import {
  EscalationEntity,
  IncidentEntity,
  IncidentEventEntity,
  ResponderEntity,
  SiteEntity,
  SlaPolicyEntity,
  applyScopeFilter,
  IDEMPOTENCY_KEY_FIELD,
  uniqueViolationField,
} from '@netduty/persistence';
import { AuditService, SYSTEM_SCOPE, type Actor } from '@netduty/identity';
import { IdempotencyKeyReusedError, InvalidInputError, InvalidTransitionError, NotFoundError } from '@netduty/platform-errors';
import { SlaScheduler } from '@netduty/platform-queue';
import { RealtimePublisher } from '@netduty/platform-realtime';
import {
  type CommentCommand,
  type IncidentActionCommand,
  type ReportIncidentCommand,
} from './incident-commands';
import { toResponderDto } from '@netduty/organisation';
import { toEscalationDto, toIncidentDto, toTimelineEventDto } from './incident-mapper';
import { insertIncident } from './insert-incident';
import { appendTimelineEvent } from './timeline';

const INCIDENT_RELATIONS = { site: { operator: true, commune: true }, responders: { cluster: true } } as const;

/**
 * The incident use cases. Each change is one transaction (row lock, state machine, timeline line);
 * queue and socket side effects follow the commit, so nothing is announced that was not stored.
 */
@Injectable()
export class IncidentService {
  private readonly logger = new Logger(IncidentService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: SlaScheduler,
    private readonly publisher: RealtimePublisher,
    private readonly audit: AuditService,
  ) {}

  async report(command: ReportIncidentCommand, actor: Actor): Promise<{ incident: IncidentDto; created: boolean }> {
    // A key is the caller's own: another user's identical key is a different request.
    const idempotency = command.idempotencyKey
      ? { idempotencyKey: command.idempotencyKey, idempotencyOwner: actor.userId, idempotencyBodyHash: reportFingerprint(command) }
      : null;
    if (idempotency) {
      const earlier = await this.findByIdempotencyKey(idempotency.idempotencyOwner, idempotency.idempotencyKey);
      if (earlier) return this.replay(earlier, idempotency.idempotencyBodyHash, actor);
    }
    const reporterName = command.reporterName?.trim() || actor.displayName;

    let incidentId: string;
    try {
      incidentId = await this.dataSource.transaction(async (em) => {
        const site = await em.getRepository(SiteEntity).findOne({ where: { id: command.siteId } });
        // A site outside the caller's scope is reported exactly like one that does not exist.
        if (!site || !scopeSees(scopeFilterOf(actor.scope), { operatorCode: site.operatorCode, communeCodes: [site.communeCode], assigneeIds: [] })) throw new InvalidInputError([{ field: 'siteId', code: 'no_such_record' }]);
        const policy = await em
          .getRepository(SlaPolicyEntity)
          .findOneOrFail({ where: { severity: command.severity, priority: site.priority } });
        const reportedAt = new Date();
        const deadlines = deadlinesAtReport(reportedAt, policy);
        const id = await insertIncident(
          em,
          site,
          { ...command, reporterName, reportedAt, acknowledge: deadlines.acknowledge, restore: deadlines.restore },
          idempotency ?? {},
        );
        await appendTimelineEvent(em, id, 'reported', reporterName, {
          category: command.category,
          severity: command.severity,
        });
        const stored = await em.getRepository(IncidentEntity).findOneByOrFail({ id });
        await this.audit.record({ action: 'incident.report', entityType: 'incident', entityId: id, after: stored }, em);
        return id;
      });
    } catch (error) {
      // Two concurrent retries with one key: the loser answers as a retry of the winner.
      if (idempotency && uniqueViolationField(error) === IDEMPOTENCY_KEY_FIELD) {
        const winner = await this.findByIdempotencyKey(idempotency.idempotencyOwner, idempotency.idempotencyKey);
        if (winner) return this.replay(winner, idempotency.idempotencyBodyHash, actor);
      }
      throw error;
    }

    const incident = await this.getDto(incidentId);
    await this.scheduleSafely(incident, [
      { job: { incidentId, kind: 'acknowledge', cycle: 1, level: 1 }, dueAt: new Date(incident.acknowledgeDeadline.dueAt) },
      { job: { incidentId, kind: 'restore', cycle: 1, level: 1 }, dueAt: new Date(incident.restoreDeadline.dueAt) },
    ]);
    this.publisher.publish(this.publisher.roomsFor(incident), 'incident.created', incident);
    return { incident, created: true };
  }

  async act(command: IncidentActionCommand, actor: Actor): Promise<IncidentDto> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const incident = await this.lockIncident(em, command.incidentId, actor.scope);
      const before = { ...incident };
      const decision = decideTransition(incident.status, command.action);
      if (!decision.allowed) {
        throw new InvalidTransitionError(incident.status, command.action, decision.allowedActions);
      }
      const now = new Date();
      const eventData: { note?: string; responders?: AssignedResponder[] } = command.note ? { note: command.note } : {};
      const previousCycle = incident.slaCycle;
      incident.status = decision.to;

      switch (command.action) {
        case 'acknowledge':
          incident.acknowledgedAt = now;
          break;
        case 'assign': {
          const responders = await this.assignableResponders(em, incident, command.responderIds ?? []);
          await em
            .createQueryBuilder()
            .delete()
            .from('incident_responders')
            .where('incident_id = :id', { id: incident.id })
            .execute();
          await em
            .createQueryBuilder()
            .insert()
            .into('incident_responders')
            .values(responders.map((responder) => ({ incident_id: incident.id, responder_id: responder.id })))
            .execute();
          eventData.responders = responders.map((responder) => ({
            id: responder.id,
            name: responder.name,
            phone: responder.phone,
          }));
          break;
        }
        case 'resolve':
          incident.resolvedAt = now;
          break;
        case 'close':
          incident.closedAt = now;
          break;
        case 'reopen': {
          const policy = await em
            .getRepository(SlaPolicyEntity)
            .findOneOrFail({ where: { severity: incident.severity, priority: incident.priority } });
          const restore = restoreDeadlineAtReopen(now, policy);
          incident.resolvedAt = null;
          incident.slaCycle += 1;
          incident.escalationLevel = 0;
          incident.restoreStartsAt = restore.startsAt;
          incident.restoreDueAt = restore.dueAt;
          break;
        }
      }
      await em.getRepository(IncidentEntity).update(
        { id: incident.id },
        {
          status: incident.status,
          acknowledgedAt: incident.acknowledgedAt,
          resolvedAt: incident.resolvedAt,
          closedAt: incident.closedAt,
          slaCycle: incident.slaCycle,
          escalationLevel: incident.escalationLevel,
          restoreStartsAt: incident.restoreStartsAt,
          restoreDueAt: incident.restoreDueAt,
          version: incident.version + 1,
        },
      );
      await appendTimelineEvent(em, incident.id, decision.event, actor.displayName, eventData);
      await this.audit.record(
        { action: `incident.${command.action}`, entityType: 'incident', entityId: incident.id, before, after: { ...incident, ...pickDetails(eventData) } },
        em,
      );
      return { previousCycle, incident };
    });

    const dto = await this.getDto(command.incidentId);
    await this.afterTransition(command.action, outcome.incident, outcome.previousCycle, dto);
    this.publisher.publish(this.publisher.roomsFor(dto), 'incident.updated', dto);
    return dto;
  }

  async comment(command: CommentCommand, actor: Actor): Promise<IncidentDto> {
    await this.dataSource.transaction(async (em) => {
      const incident = await this.lockIncident(em, command.incidentId, actor.scope);
      if (!acceptsComments(incident.status)) {
        throw new InvalidTransitionError(incident.status, 'comment', allowedActions(incident.status));
      }
      await appendTimelineEvent(em, incident.id, 'commented', actor.displayName, { text: command.text });
      await this.audit.record({ action: 'incident.comment', entityType: 'incident', entityId: incident.id, after: { text: command.text } }, em);
      await em.getRepository(IncidentEntity).update({ id: incident.id }, { version: incident.version + 1 });
    });
    const dto = await this.getDto(command.incidentId);
    this.publisher.publish(this.publisher.roomsFor(dto), 'incident.updated', dto);
    return dto;
  }

  /** An incident outside the scope does not exist, as far as the caller can tell (no IDOR). */
  async getDto(id: string, scope: IncidentScope = SYSTEM_SCOPE): Promise<IncidentDto> {
    if (!(await this.visible(this.dataSource.manager, id, scope))) throw new NotFoundError('incident', id);
    const incident = await this.dataSource
      .getRepository(IncidentEntity)
      .findOne({ where: { id }, relations: INCIDENT_RELATIONS });
    if (!incident) throw new NotFoundError('incident', id);
    return toIncidentDto(incident);
  }

  async detail(id: string, scope: IncidentScope): Promise<IncidentDetailDto> {
    const incident = await this.getDto(id, scope);
    const [events, escalations] = await Promise.all([
      this.dataSource.getRepository(IncidentEventEntity).find({ where: { incidentId: id }, order: { id: 'ASC' } }),
      this.dataSource
        .getRepository(EscalationEntity)
        .find({ where: { incidentId: id }, order: { firedAt: 'ASC', level: 'ASC' } }),
    ]);
    return { ...incident, timeline: events.map(toTimelineEventDto), escalations: escalations.map(toEscalationDto) };
  }

  /** Active responders of the clusters that cover the incident's commune for the site's operator. */
  async candidateResponders(incidentId: string, scope: IncidentScope): Promise<ResponderDto[]> {
    if (!(await this.visible(this.dataSource.manager, incidentId, scope))) throw new NotFoundError('incident', incidentId);
    const incident = await this.dataSource
      .getRepository(IncidentEntity)
      .findOne({ where: { id: incidentId }, select: { id: true, operatorCode: true, communeCode: true } });
    if (!incident) throw new NotFoundError('incident', incidentId);
    const responders = await this.candidateQuery(this.dataSource.manager, incident).getMany();
    return responders.map(toResponderDto);
  }

  private candidateQuery(em: EntityManager, incident: Pick<IncidentEntity, 'operatorCode' | 'communeCode'>) {
    return em
      .getRepository(ResponderEntity)
      .createQueryBuilder('responder')
      .innerJoinAndSelect('responder.cluster', 'cluster')
      .innerJoin('cluster_communes', 'coverage', 'coverage.cluster_id = cluster.id')
      .where('cluster.operatorCode = :operator', { operator: incident.operatorCode })
      .andWhere('coverage.commune_code = :commune', { commune: incident.communeCode })
      .andWhere('responder.active = true')
      .orderBy('responder.name', 'ASC');
  }

  private async assignableResponders(em: EntityManager, incident: IncidentEntity, ids: string[]): Promise<ResponderEntity[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) {
      throw new InvalidInputError([{ field: 'responderIds', code: 'too_few_items', params: { min: 1 } }]);
    }
    const found = await this.candidateQuery(em, incident).andWhere({ id: In(unique) }).getMany();
    const foreign = unique.filter((id) => !found.some((responder) => responder.id === id));
    if (foreign.length > 0) {
      // Not an active responder of a cluster covering this site (or not one the caller may see).
      throw new InvalidInputError([{ field: 'responderIds', code: 'no_such_record', params: { ids: foreign } }]);
    }
    return found;
  }

  private async visible(em: EntityManager, id: string, scope: IncidentScope): Promise<boolean> {
    // The all-seeing scope needs no check: a missing incident is found missing by the caller's own query.
    if (scope.kind === 'all') return true;
    const query = em.getRepository(IncidentEntity).createQueryBuilder('incident').where('incident.id = :id', { id });
    applyScopeFilter(query, 'incident', scopeFilterOf(scope));
    return (await query.getCount()) > 0;
  }

  private findByIdempotencyKey(owner: string, key: string): Promise<Pick<IncidentEntity, 'id' | 'idempotencyBodyHash'> | null> {
    return this.dataSource
      .getRepository(IncidentEntity)
      .findOne({ where: { idempotencyOwner: owner, idempotencyKey: key }, select: { id: true, idempotencyBodyHash: true } });
  }

  /** A retry returns the incident it first reported; the same key with another body is refused. */
  private async replay(
    earlier: Pick<IncidentEntity, 'id' | 'idempotencyBodyHash'>,
    bodyHash: string,
    actor: Actor,
  ): Promise<{ incident: IncidentDto; created: boolean }> {
    if (earlier.idempotencyBodyHash !== bodyHash) throw new IdempotencyKeyReusedError();
    return { incident: await this.getDto(earlier.id, actor.scope), created: false };
  }

  private async lockIncident(em: EntityManager, id: string, scope: IncidentScope): Promise<IncidentEntity> {
    if (!(await this.visible(em, id, scope))) throw new NotFoundError('incident', id);
    const incident = await em
      .getRepository(IncidentEntity)
      .createQueryBuilder('incident')
      .setLock('pessimistic_write')
      .where('incident.id = :id', { id })
      .getOne();
    if (!incident) throw new NotFoundError('incident', id);
    return incident;
  }

  private async afterTransition(
    action: IncidentActionCommand['action'],
    incident: IncidentEntity,
    previousCycle: number,
    dto: IncidentDto,
  ): Promise<void> {
    try {
      switch (action) {
        case 'acknowledge':
          await this.scheduler.cancel(incident.id, 'acknowledge', 1);
          break;
        case 'resolve':
          await this.scheduler.cancel(incident.id, 'restore', previousCycle);
          break;
        case 'reopen':
          await this.scheduleSafely(dto, [
            {
              job: { incidentId: incident.id, kind: 'restore', cycle: incident.slaCycle, level: 1 },
              dueAt: incident.restoreDueAt,
            },
          ]);
          break;
        case 'assign':
        case 'close':
          break;
      }
    } catch (error) {
      // Cancelling is an optimisation: a job that still fires re-checks its condition and does nothing.
      this.logger.warn(`post-transition queue update for ${incident.id} failed: ${(error as Error).message}`);
    }
  }

  /**
   * The incident is already committed; if Redis is briefly unreachable the reconciliation sweep in the
   * worker enqueues the missing deadlines, so the request still succeeds.
   */
  private async scheduleSafely(incident: IncidentDto, deadlines: Parameters<SlaScheduler['schedule']>[0]) {
    try {
      await this.scheduler.schedule(deadlines);
    } catch (error) {
      this.logger.error(`could not enqueue deadlines of ${incident.reference}; the sweep will: ${(error as Error).message}`);
    }
  }
}

/** What a retry must repeat exactly: every field of the report, in a fixed order. */
function reportFingerprint(command: ReportIncidentCommand): string {
  const fields = [command.siteId, command.category, command.severity, command.description, command.reporterName ?? null];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

function pickDetails(eventData: Record<string, unknown>): Record<string, unknown> {
  return eventData['responders'] ? { responders: eventData['responders'] } : eventData['note'] ? { note: eventData['note'] } : {};
}
