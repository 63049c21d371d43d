import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CommuneRefDto,
  DismissRoamingProposal,
  IncidentStatus,
  IssueRoamingRequest,
  OperatorCode,
  PriorityTier,
  RoamingProposalsDto,
  RoamingRequestDto,
  RoamingRequestStatus,
} from '@netduty/contracts';
import { ROAMING_LIMITS } from '@netduty/contracts';
import { applyTransition, assessRoaming, openIncident, roamingRequestProblems, type CommuneSiteCount, type DeadlineChanges, type RoamingAssessment } from '@netduty/domain';
import type { Actor } from '@netduty/identity';
import { IncidentEffects, IncidentReader, managerOf, UnitOfWork, type IncidentRepositories } from '@netduty/incidents';
import { RoamingRequestEntity, uniqueViolationField } from '@netduty/persistence';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { AlreadyExistsError, InvalidInputError, NotFoundError, UnprocessableInputError } from '@netduty/platform-errors';
import { RoamingRequestRefusedError } from './roaming-errors';

interface RequestRow {
  id: string;
  commune_code: string;
  commune_name: string;
  former_district: string | null;
  lost_operator: OperatorCode;
  host_operator: OperatorCode | null;
  status: RoamingRequestStatus;
  lost_since: Date;
  sites_down: number;
  issued_at: Date | null;
  issued_by: string | null;
  issued_by_name: string | null;
  deadline_at: Date | null;
  incident_id: string | null;
  incident_reference: string | null;
  incident_status: IncidentStatus | null;
  in_effect_at: Date | null;
  ended_at: Date | null;
  dismissed_at: Date | null;
  note: string | null;
}

const REQUEST_SELECT = `
  SELECT r.id, r.commune_code, c.name AS commune_name, c.former_district, r.lost_operator, r.host_operator, r.status,
         r.lost_since, r.sites_down, r.issued_at, r.issued_by, u.display_name AS issued_by_name, r.deadline_at,
         r.incident_id, i.reference AS incident_reference, i.status AS incident_status, r.in_effect_at, r.ended_at,
         r.dismissed_at, r.note
    FROM roaming_requests r
    JOIN communes c ON c.code = r.commune_code
    LEFT JOIN users u ON u.id = r.issued_by
    LEFT JOIN incidents i ON i.id = r.incident_id`;

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

function toDto(row: RequestRow): RoamingRequestDto {
  return {
    id: row.id,
    commune: { code: row.commune_code, name: row.commune_name, formerDistrict: row.former_district },
    lostOperator: row.lost_operator,
    hostOperator: row.host_operator,
    status: row.status,
    lostSince: row.lost_since.toISOString(),
    sitesDown: row.sites_down,
    issuedAt: iso(row.issued_at),
    issuedBy: row.issued_by,
    issuedByName: row.issued_by_name,
    deadlineAt: iso(row.deadline_at),
    incidentId: row.incident_id,
    incidentReference: row.incident_reference,
    incidentStatus: row.incident_status,
    inEffectAt: iso(row.in_effect_at),
    endedAt: iso(row.ended_at),
    dismissedAt: iso(row.dismissed_at),
    note: row.note,
  };
}

const key = (communeCode: string, operatorCode: string): string => `${communeCode}|${operatorCode}`;

/**
 * Inter-operator roaming (chuyển vùng nội địa). Proposals are computed when asked from site state (one
 * aggregate over the BTS, the rule in libs/domain). Issuing one stores the request and files an
 * incident for the host operator (origin 'roaming', at a BTS of theirs still on air) whose restore
 * deadline is the request's deadline, acknowledged by the issuing duty officer: the one clock left
 * running is the directive's, and it escalates through the incident chains — a BullMQ job, re-enqueued
 * from Postgres by the sweep after a Redis flush or a restart — like any other deadline.
 */
@Injectable()
export class RoamingService {
  private readonly logger = new Logger(RoamingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly reader: IncidentReader,
    private readonly effects: IncidentEffects,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async proposals(now = new Date()): Promise<RoamingProposalsDto> {
    const em = this.dataSource.manager;
    const assessment = assessRoaming(await this.siteCounts(em, null));
    const lostPairs = [
      ...assessment.proposals.map((proposal) => ({ communeCode: proposal.communeCode, operatorCode: proposal.lostOperator })),
      ...assessment.withoutHost.flatMap((commune) => commune.lostOperators.map((operatorCode) => ({ communeCode: commune.communeCode, operatorCode }))),
    ];
    const lostSince = await this.lostSince(em, lostPairs);
    const communeCodes = [...new Set([...lostPairs.map((pair) => pair.communeCode)])];
    const live = (await em.query(`${REQUEST_SELECT} WHERE r.status IN ('issued', 'in_effect') ORDER BY r.issued_at`)) as RequestRow[];
    const dismissed = (await em.query(
      `SELECT commune_code, lost_operator, max(dismissed_at) AS dismissed_at FROM roaming_requests WHERE status = 'dismissed' AND commune_code = ANY($1::text[]) GROUP BY 1, 2`,
      [communeCodes],
    )) as { commune_code: string; lost_operator: string; dismissed_at: Date }[];
    const communes = await this.communes(em, [...communeCodes, ...live.map((row) => row.commune_code)]);
    const liveByKey = new Map(live.map((row) => [key(row.commune_code, row.lost_operator), row]));
    const dismissedAt = new Map(dismissed.map((row) => [key(row.commune_code, row.lost_operator), row.dismissed_at]));
    const since = (communeCode: string, operatorCode: string): Date => lostSince.get(key(communeCode, operatorCode)) ?? now;
    const communeOf = (code: string): CommuneRefDto => communes.get(code) ?? { code, name: code, formerDistrict: null };

    const proposals = assessment.proposals
      // A proposal set aside stays aside for the outage it was made for; a later outage proposes again.
      .filter((proposal) => {
        const setAside = dismissedAt.get(key(proposal.communeCode, proposal.lostOperator));
        return !setAside || setAside.getTime() < since(proposal.communeCode, proposal.lostOperator).getTime();
      })
      .map((proposal) => {
        const request = liveByKey.get(key(proposal.communeCode, proposal.lostOperator));
        return {
          commune: communeOf(proposal.communeCode),
          lostOperator: proposal.lostOperator,
          hostOperators: proposal.hostOperators,
          sitesDown: proposal.sitesDown,
          lostSince: since(proposal.communeCode, proposal.lostOperator).toISOString(),
          request: request ? toDto(request) : null,
        };
      });
    const stillLost = new Set(lostPairs.map((pair) => key(pair.communeCode, pair.operatorCode)));
    return {
      at: now.toISOString(),
      proposals,
      withoutHost: assessment.withoutHost.map((commune) => ({ commune: communeOf(commune.communeCode), lostOperators: commune.lostOperators })),
      noLongerNeeded: live.filter((row) => !stillLost.has(key(row.commune_code, row.lost_operator))).map(toDto),
    };
  }

  async list(status: 'live' | 'all'): Promise<RoamingRequestDto[]> {
    const where = status === 'live' ? `WHERE r.status IN ('issued', 'in_effect')` : '';
    const rows = (await this.dataSource.query(`${REQUEST_SELECT} ${where} ORDER BY r.created_at DESC, r.id LIMIT ${ROAMING_LIMITS.listMax}`)) as RequestRow[];
    return rows.map(toDto);
  }

  async get(id: string): Promise<RoamingRequestDto> {
    const [row] = (await this.dataSource.query(`${REQUEST_SELECT} WHERE r.id = $1`, [id])) as RequestRow[];
    if (!row) throw new NotFoundError('roaming_request', id);
    return toDto(row);
  }

  /** Issues a proposed request: 409 already_exists (lostOperator) while one for the commune and operator is live. */
  async issue(actor: Actor, request: IssueRoamingRequest, now = new Date()): Promise<RoamingRequestDto> {
    let stored: { requestId: string; incidentId: string; deadlines: DeadlineChanges };
    try {
      stored = await this.unitOfWork.run(async (repositories) => {
        const em = managerOf(repositories.transaction);
        const { assessment } = await this.checkProposed(em, request.communeCode, request.lostOperator);
        const problems = roamingRequestProblems(assessment, request);
        if (problems.length > 0) throw new UnprocessableInputError(problems.map(({ field, rule }) => ({ field, code: 'invalid', params: { rule } })));
        const proposal = assessment.proposals.find((candidate) => candidate.communeCode === request.communeCode && candidate.lostOperator === request.lostOperator);
        if (!proposal) throw new UnprocessableInputError([{ field: 'lostOperator', code: 'invalid', params: { rule: 'operator_still_on_air' } }]);
        const lostSince = (await this.lostSince(em, [{ communeCode: request.communeCode, operatorCode: request.lostOperator }])).get(key(request.communeCode, request.lostOperator)) ?? now;
        const incident = await this.fileIncident(repositories, actor, request, proposal.sitesDown, now);
        const inserted = await em.getRepository(RoamingRequestEntity).save({
          communeCode: request.communeCode,
          lostOperator: request.lostOperator,
          hostOperator: request.hostOperator,
          status: 'issued' as const,
          lostSince,
          sitesDown: proposal.sitesDown,
          issuedAt: now,
          issuedBy: actor.userId,
          deadlineAt: incident.deadlineAt,
          incidentId: incident.id,
          inEffectAt: null,
          endedAt: null,
          endedBy: null,
          dismissedAt: null,
          dismissedBy: null,
          note: request.note ?? null,
        });
        await repositories.audit.record({ action: 'roaming_request.issue', entityType: 'roaming_request', entityId: inserted.id, after: { ...request, incidentId: incident.id, deadlineAt: incident.deadlineAt.toISOString() } });
        return { requestId: inserted.id, incidentId: incident.id, deadlines: incident.deadlines };
      });
    } catch (error) {
      // Two officers issuing at once: the partial unique index refuses the second.
      if (uniqueViolationField(error) !== null) throw new AlreadyExistsError('lostOperator', 'a roaming request for this commune and operator is already live');
      throw error;
    }
    const incident = await this.reader.getDto(stored.incidentId);
    await this.afterCommit(incident.id, incident.reference, stored.deadlines);
    this.effects.publishCreated(incident);
    return this.get(stored.requestId);
  }

  /** The host confirms roaming is on: the incident is resolved, its deadline kept or breached as it stood. */
  async markInEffect(actor: Actor, id: string, now = new Date()): Promise<RoamingRequestDto> {
    return this.step(actor, id, 'in_effect', now);
  }

  /** Roaming switched off (the lost operator is back), or no longer needed before it took effect. */
  async end(actor: Actor, id: string, now = new Date()): Promise<RoamingRequestDto> {
    return this.step(actor, id, 'ended', now);
  }

  /** Sets a proposal aside while this outage lasts (a later outage of the commune proposes again). */
  async dismiss(actor: Actor, request: DismissRoamingProposal, now = new Date()): Promise<RoamingRequestDto> {
    const id = await this.unitOfWork.run(async (repositories) => {
      const em = managerOf(repositories.transaction);
      const { assessment } = await this.checkProposed(em, request.communeCode, request.lostOperator);
      const proposal = assessment.proposals.find((candidate) => candidate.communeCode === request.communeCode && candidate.lostOperator === request.lostOperator);
      if (!proposal) throw new UnprocessableInputError([{ field: 'lostOperator', code: 'invalid', params: { rule: 'not_proposed' } }]);
      const lostSince = (await this.lostSince(em, [{ communeCode: request.communeCode, operatorCode: request.lostOperator }])).get(key(request.communeCode, request.lostOperator)) ?? now;
      const inserted = await em.getRepository(RoamingRequestEntity).save({
        communeCode: request.communeCode,
        lostOperator: request.lostOperator,
        hostOperator: null,
        status: 'dismissed' as const,
        lostSince,
        sitesDown: proposal.sitesDown,
        issuedAt: null,
        issuedBy: null,
        deadlineAt: null,
        incidentId: null,
        inEffectAt: null,
        endedAt: null,
        endedBy: null,
        dismissedAt: now,
        dismissedBy: actor.userId,
        note: request.note ?? null,
      });
      await repositories.audit.record({ action: 'roaming_request.dismiss', entityType: 'roaming_request', entityId: inserted.id, after: request });
      return inserted.id;
    });
    return this.get(id);
  }

  /** The commune must exist, and no request for it and the operator be live (409 naming lostOperator). */
  private async checkProposed(em: EntityManager, communeCode: string, lostOperator: OperatorCode): Promise<{ assessment: RoamingAssessment }> {
    const commune = (await em.query(`SELECT code FROM communes WHERE code = $1`, [communeCode])) as { code: string }[];
    if (commune.length === 0) throw new InvalidInputError([{ field: 'communeCode', code: 'no_such_record' }]);
    const live = (await em.query(`SELECT id FROM roaming_requests WHERE commune_code = $1 AND lost_operator = $2 AND status IN ('issued', 'in_effect')`, [communeCode, lostOperator])) as { id: string }[];
    if (live.length > 0) throw new AlreadyExistsError('lostOperator', 'a roaming request for this commune and operator is already live');
    return { assessment: assessRoaming(await this.siteCounts(em, communeCode)) };
  }

  /**
   * The incident that carries the deadline: the host operator's (their clusters see it, their chain
   * escalates it), at their BTS still on air in the commune, at the best tier among the lost sites.
   */
  private async fileIncident(repositories: IncidentRepositories, actor: Actor, request: IssueRoamingRequest, sitesDown: number, now: Date) {
    const em = managerOf(repositories.transaction);
    const [host] = (await em.query(
      `SELECT id, operator_code AS "operatorCode", commune_code AS "communeCode", priority FROM sites
        WHERE commune_code = $1 AND operator_code = $2 AND kind = 'bts' AND state <> 'down'
        ORDER BY (state = 'in_service') DESC, priority, code LIMIT 1`,
      [request.communeCode, request.hostOperator],
    )) as { id: string; operatorCode: OperatorCode; communeCode: string; priority: PriorityTier }[];
    if (!host) throw new UnprocessableInputError([{ field: 'hostOperator', code: 'invalid', params: { rule: 'host_not_on_air' } }]);
    const [lost] = (await em.query(`SELECT min(priority) AS priority FROM sites WHERE commune_code = $1 AND operator_code = $2 AND kind = 'bts'`, [request.communeCode, request.lostOperator])) as {
      priority: PriorityTier | null;
    }[];
    const severity = 'major' as const;
    const terms = await repositories.slaPolicies.termsFor(severity, host, now);
    const priority = [terms.priority, lost?.priority ?? terms.priority].sort()[0] ?? terms.priority;
    const seconds = this.config.ROAMING_DEADLINE_SECONDS;
    const opened = openIncident({ now, window: { acknowledgeSeconds: seconds, restoreSeconds: seconds }, category: 'other', severity });
    const [names] = (await em.query(
      `SELECT (SELECT name FROM operators WHERE code = $1) AS lost, (SELECT name FROM operators WHERE code = $2) AS host, (SELECT name FROM communes WHERE code = $3) AS commune`,
      [request.lostOperator, request.hostOperator, request.communeCode],
    )) as { lost: string; host: string; commune: string }[];
    const minutes = Math.round(seconds / 60);
    const description = `Yêu cầu chuyển vùng nội địa: ${names?.host ?? request.hostOperator} phục vụ thuê bao ${names?.lost ?? request.lostOperator} tại ${names?.commune ?? request.communeCode} (${sitesDown} trạm BTS ${names?.lost ?? request.lostOperator} mất liên lạc), trong ${minutes} phút.${request.note ? ` ${request.note}` : ''}`.slice(0, 4000);
    const id = await repositories.incidents.insert({
      site: { ...host, priority },
      category: 'other',
      severity,
      description,
      reporterName: actor.displayName,
      reportedBy: actor.userId,
      reporterPhone: actor.phone ?? null,
      reportedAt: now,
      acknowledge: opened.acknowledge,
      restore: opened.restore,
      idempotency: null,
      origin: 'roaming',
    });
    for (const line of opened.events) await repositories.timeline.append(id, actor.displayName, line);
    // The duty officer who issues it has received it: only the directive's clock (restore) runs.
    const record = await repositories.incidents.load(id);
    if (!record) throw new Error(`roaming incident ${id} vanished in its own transaction`);
    const acknowledged = applyTransition(record, 'acknowledge', { now, note: 'Yêu cầu chuyển vùng đã phát đi' });
    if (!acknowledged.allowed) throw new Error(`a new incident refused its acknowledgement (${acknowledged.from})`);
    await repositories.incidents.save(record, acknowledged.changes);
    for (const line of acknowledged.events) await repositories.timeline.append(id, actor.displayName, line);
    await repositories.audit.record({ action: 'incident.report', entityType: 'incident', entityId: id, after: { id, origin: 'roaming', ...request } });
    const cancelled = (kind: string, cycle: number) => acknowledged.deadlines.cancel.some((clock) => clock.kind === kind && clock.cycle === cycle);
    const deadlines: DeadlineChanges = { cancel: [], schedule: opened.deadlines.schedule.filter((deadline) => !cancelled(deadline.kind, deadline.cycle)) };
    return { id, deadlineAt: opened.restore.dueAt, deadlines };
  }

  private async step(actor: Actor, id: string, target: 'in_effect' | 'ended', now: Date): Promise<RoamingRequestDto> {
    const outcome = await this.unitOfWork.run(async (repositories) => {
      const em = managerOf(repositories.transaction);
      const row = await em.getRepository(RoamingRequestEntity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
      if (!row) throw new NotFoundError('roaming_request', id);
      if (row.status === target) return null;
      if (row.status === 'dismissed' || row.status === 'ended') throw new RoamingRequestRefusedError('roaming_request_finished', `this roaming request is ${row.status}`);
      if (target === 'in_effect' && row.status !== 'issued') throw new RoamingRequestRefusedError('roaming_request_out_of_order', `in_effect may not follow ${row.status}`);
      const changes = target === 'in_effect' ? { status: target, inEffectAt: now } : { status: target, endedAt: now, endedBy: actor.userId };
      await em.getRepository(RoamingRequestEntity).update({ id }, changes);
      await repositories.audit.record({ action: `roaming_request.${target}`, entityType: 'roaming_request', entityId: id, before: { status: row.status }, after: changes });
      // Roaming on (or no longer needed): the deadline's condition is met; the incident is resolved.
      const incident = row.incidentId ? await repositories.incidents.lockForUpdate(row.incidentId, { kind: 'all' }) : null;
      if (!incident) return { incidentId: null, deadlines: null };
      const note = target === 'in_effect' ? 'Đã chuyển vùng nội địa' : 'Kết thúc yêu cầu chuyển vùng';
      const resolved = applyTransition(incident, 'resolve', { now, note });
      if (!resolved.allowed) return { incidentId: incident.id, deadlines: null };
      await repositories.incidents.save(incident, resolved.changes);
      for (const line of resolved.events) await repositories.timeline.append(incident.id, actor.displayName, line);
      await repositories.audit.record({ action: 'incident.resolve', entityType: 'incident', entityId: incident.id, before: incident, after: { ...incident, ...resolved.changes, note } });
      return { incidentId: incident.id, deadlines: resolved.deadlines };
    });
    if (outcome?.incidentId && outcome.deadlines) {
      const incident = await this.reader.getDto(outcome.incidentId);
      await this.afterCommit(incident.id, incident.reference, outcome.deadlines);
      this.effects.publishUpdated(incident);
    }
    return this.get(id);
  }

  private async afterCommit(incidentId: string, reference: string, deadlines: DeadlineChanges): Promise<void> {
    try {
      if (deadlines.cancel.length > 0) await this.effects.cancelDeadlines(incidentId, deadlines.cancel);
      if (deadlines.schedule.length > 0) await this.effects.scheduleDeadlines(incidentId, deadlines.schedule);
    } catch (error) {
      this.logger.error(`could not move the deadline jobs of ${reference}; the sweep will: ${(error as Error).message}`);
    }
  }

  /** Telecom BTS per commune and operator, and how many are down now (site state). */
  private async siteCounts(em: EntityManager, communeCode: string | null): Promise<CommuneSiteCount[]> {
    const rows = (await em.query(
      `SELECT s.commune_code AS "communeCode", s.operator_code AS "operatorCode", o.kind AS "operatorKind", s.kind AS "siteKind",
              count(*)::int AS total, count(*) FILTER (WHERE s.state = 'down')::int AS down
         FROM sites s JOIN operators o ON o.code = s.operator_code
        WHERE s.kind = 'bts' AND o.kind = 'telecom' AND ($1::text IS NULL OR s.commune_code = $1)
        GROUP BY 1, 2, 3, 4`,
      [communeCode],
    )) as CommuneSiteCount[];
    return rows;
  }

  /**
   * When each (commune, operator) lost its last BTS: the latest among its sites of the moment each went
   * down (its first change to down since it was last not down, from site_state_changes).
   */
  private async lostSince(em: EntityManager, pairs: { communeCode: string; operatorCode: string }[]): Promise<Map<string, Date>> {
    if (pairs.length === 0) return new Map();
    const rows = (await em.query(
      `SELECT s.commune_code, s.operator_code, max(coalesce(d.down_since, s.state_since, now())) AS lost_since
         FROM sites s
         JOIN unnest($1::text[], $2::text[]) AS p (commune_code, operator_code) ON p.commune_code = s.commune_code AND p.operator_code = s.operator_code
         LEFT JOIN LATERAL (
           SELECT min(c.changed_at) AS down_since FROM site_state_changes c
            WHERE c.site_id = s.id AND c.state = 'down'
              AND c.changed_at > coalesce((SELECT max(n.changed_at) FROM site_state_changes n WHERE n.site_id = s.id AND n.state <> 'down'), '-infinity')
         ) d ON true
        WHERE s.kind = 'bts'
        GROUP BY 1, 2`,
      [pairs.map((pair) => pair.communeCode), pairs.map((pair) => pair.operatorCode)],
    )) as { commune_code: string; operator_code: string; lost_since: Date }[];
    return new Map(rows.map((row) => [key(row.commune_code, row.operator_code), row.lost_since]));
  }

  private async communes(em: EntityManager, codes: string[]): Promise<Map<string, CommuneRefDto>> {
    if (codes.length === 0) return new Map();
    const rows = (await em.query(`SELECT code, name, former_district FROM communes WHERE code = ANY($1::text[])`, [[...new Set(codes)]])) as { code: string; name: string; former_district: string | null }[];
    return new Map(rows.map((row) => [row.code, { code: row.code, name: row.name, formerDistrict: row.former_district }]));
  }
}
