import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateGeneratorDispatchRequest, GeneratorDispatchDto, GeneratorDispatchStep } from '@netduty/contracts';
import { decideDispatchStep, scopeFilterOf, type IncidentScope } from '@netduty/domain';
import { AuditService, type Actor } from '@netduty/identity';
import { applyScopeFilter, GeneratorDispatchEntity, SiteEntity, UserEntity } from '@netduty/persistence';
import { AlreadyExistsError, InvalidInputError, NotFoundError } from '@netduty/platform-errors';
import { GeneratorDispatchRefusedError } from './generator-dispatch-errors';
import { toGeneratorDispatchDto } from './generator-dispatch-mapper';
import { POWER_INCIDENT_CATEGORIES } from './power-outage';

/**
 * Generator teams sent to sites (điều phối máy phát): the duty officer (or the site's cluster) assigns a
 * team, then records each step the team reports — set off, arrived, generator running, stopped — in
 * order, each once. Every change is audited in its own transaction; a site the caller cannot see does
 * not exist for them.
 */
@Injectable()
export class GeneratorDispatchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, request: CreateGeneratorDispatchRequest, now = new Date()): Promise<GeneratorDispatchDto> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.siteVisible(em, request.siteId, actor.scope))) throw new InvalidInputError([{ field: 'siteId', code: 'no_such_record' }]);
      // The partial unique index (one unfinished dispatch per site) refuses a parallel second one the same way.
      const unfinished = await em.getRepository(GeneratorDispatchEntity).createQueryBuilder('d').where('d.site_id = :siteId', { siteId: request.siteId }).andWhere(`d.status <> 'stopped'`).getExists();
      if (unfinished) throw new AlreadyExistsError('siteId', 'a generator team is already dispatched to this site');
      const incidents: { id: string }[] = await em.query(
        `SELECT id FROM incidents
          WHERE site_id = $1 AND category = ANY($2::text[]) AND status NOT IN ('resolved', 'closed') AND correlation_kind IS NULL
          ORDER BY array_position($2::text[], category), reported_at, id
          LIMIT 1`,
        [request.siteId, [...POWER_INCIDENT_CATEGORIES]],
      );
      const inserted = await em.getRepository(GeneratorDispatchEntity).save({
        siteId: request.siteId,
        incidentId: incidents[0]?.id ?? null,
        team: request.team,
        note: request.note ?? null,
        status: 'assigned',
        assignedAt: now,
        departedAt: null,
        arrivedAt: null,
        runningAt: null,
        stoppedAt: null,
        createdBy: actor.userId,
      });
      const dto = toGeneratorDispatchDto(inserted, actor.displayName);
      await this.audit.record({ action: 'generator_dispatch.create', entityType: 'generator_dispatch', entityId: dto.id, after: dto }, em);
      return dto;
    });
  }

  /** One step the team reported; a repeat answers as the first did, one out of order is refused (409). */
  async step(actor: Actor, dispatchId: string, step: GeneratorDispatchStep, now = new Date()): Promise<GeneratorDispatchDto> {
    return this.dataSource.transaction(async (em) => {
      const repository = em.getRepository(GeneratorDispatchEntity);
      const dispatch = await repository.createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id: dispatchId }).getOne();
      if (!dispatch || !(await this.siteVisible(em, dispatch.siteId, actor.scope))) throw new NotFoundError('generator_dispatch', dispatchId);
      const createdByName = (await em.getRepository(UserEntity).findOne({ where: { id: dispatch.createdBy }, select: { displayName: true } }))?.displayName ?? '';
      const before = toGeneratorDispatchDto(dispatch, createdByName);
      const decision = decideDispatchStep(dispatch, step, now);
      switch (decision.kind) {
        case 'already_taken':
          return before;
        case 'out_of_order':
          throw new GeneratorDispatchRefusedError('dispatch_out_of_order', `${step} may not be taken now; allowed: ${decision.expected.join(', ') || 'none'}`);
        case 'finished':
          throw new GeneratorDispatchRefusedError('dispatch_finished', 'this dispatch is stopped');
        case 'record': {
          await repository.update({ id: dispatchId }, { status: decision.status, ...decision.changes });
          const after = toGeneratorDispatchDto({ ...dispatch, status: decision.status, ...decision.changes }, createdByName);
          await this.audit.record({ action: `generator_dispatch.${step}`, entityType: 'generator_dispatch', entityId: dispatchId, before, after }, em);
          return after;
        }
      }
    });
  }

  private async siteVisible(em: EntityManager, siteId: string, scope: IncidentScope): Promise<boolean> {
    const query = em.getRepository(SiteEntity).createQueryBuilder('site').where('site.id = :siteId', { siteId });
    return applyScopeFilter(query, 'site', scopeFilterOf(scope)).getExists();
  }
}
