import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AcceptDueJob, ChainStatusDto, DeadlineDueJob, DeadlineKind, EscalationRecipientDto } from '@netduty/contracts';
import { SYSTEM_ACTOR } from '@netduty/contracts';
import { escalationHeldUntil } from './escalation-hold';
import {
  chainSchedule,
  chainStatus,
  deadlineStillApplies,
  deEscalationStep,
  eventEscalationPolicy,
  highestFiredStep,
  manualEscalationStep,
  nextChainStep,
  scopeFilterOf,
  type ChainResume,
  type ChainStep,
  type IncidentScope,
} from '@netduty/domain';
import type { Actor } from '@netduty/identity';
import { AuditService } from '@netduty/identity';
import { EventPeriodsService } from '@netduty/event-periods';
import { appendTimelineEvent, IncidentService, toEscalationDto } from '@netduty/incidents';
import { NotificationOutbox, NotificationPlanner, type EnqueuedDelivery } from '@netduty/notifications';
import { applyScopeFilter, EscalationEntity, EscalationPolicyEntity, IncidentEntity, IncidentResponderEntity, ResponderEntity } from '@netduty/persistence';
import { ConflictError, NotFoundError } from '@netduty/platform-errors';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { SlaScheduler, type ScheduledDeadline } from '@netduty/platform-queue';
import { RealtimePublisher } from '@netduty/platform-realtime';
import { EscalationPoliciesService } from './escalation-policies.service';
import { RecipientDirectory } from './recipient-directory';

export type DeadlineOutcome =
  | 'escalated'
  | 'already_escalated'
  | 'condition_cleared'
  | 'stale_cycle'
  | 'not_due'
  | 'missing'
  | 'no_policy'
  | 'superseded'
  | 'no_such_step'
  /** Held back: filed under a mass-outage parent, flapping, or in a planned outage; the job runs again later. */
  | 'held';

export function deadlineOf(incident: IncidentEntity, kind: DeadlineKind) {
  return kind === 'acknowledge'
    ? { kind, startsAt: incident.ackStartsAt, dueAt: incident.ackDueAt }
    : { kind, startsAt: incident.restoreStartsAt, dueAt: incident.restoreDueAt };
}

/** The acknowledge deadline has one cycle; the restore deadline's cycle follows reopenings. */
export function currentCycle(incident: IncidentEntity, kind: DeadlineKind): number {
  return kind === 'acknowledge' ? 1 : incident.slaCycle;
}

/** The deadline whose chain is running now: acknowledge while unacknowledged, then restore. */
export function runningDeadlineKind(incident: IncidentEntity): DeadlineKind | null {
  if (deadlineStillApplies('acknowledge', incident.status)) return 'acknowledge';
  if (deadlineStillApplies('restore', incident.status)) return 'restore';
  return null;
}

function resumeOf(incident: IncidentEntity, kind: DeadlineKind, cycle: number): ChainResume | null {
  const resume = incident.chainResume;
  return resume && resume.kind === kind && resume.cycle === cycle ? { step: resume.step, at: new Date(resume.at) } : null;
}

/** Refused manual escalations and de-escalations: 409 with the domain's reason. */
export class ChainChangeRefusedError extends ConflictError {
  constructor(reason: string) {
    super(reason, `the escalation chain cannot move that way: ${reason}`);
  }
}

/** Why a step fired before its time: a person's "escalate now", or an assignment nobody accepted. */
type StepCause =
  | { kind: 'manual'; reason: string; actor: Actor }
  | { kind: 'accept_overdue'; acceptOverdue: { responderId: string; responderName: string; acceptSeconds: number } };

export type AcceptOutcome = 'escalated' | 'accepted' | 'already_escalated' | 'superseded' | 'condition_cleared' | 'not_due' | 'missing' | 'no_policy' | 'at_top';

interface FiredStep {
  escalationId: string;
  deliveries: EnqueuedDelivery[];
}

/**
 * Escalation chains: each deadline runs its policy's levels (per operator and priority tier), a BullMQ
 * delayed job per step with a deterministic id, each fired step stored once (unique incident, kind,
 * cycle, step). Firing resolves the level's recipients at that instant (the roster), writes the step,
 * the timeline line and the notification outbox rows in one transaction; the next step's job, the
 * deliveries' jobs and the console event follow the commit. Safe in any number of workers at once.
 */
@Injectable()
export class EscalationChainService {
  private readonly logger = new Logger(EscalationChainService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: EscalationPoliciesService,
    private readonly directory: RecipientDirectory,
    private readonly incidents: IncidentService,
    private readonly scheduler: SlaScheduler,
    private readonly publisher: RealtimePublisher,
    private readonly planner: NotificationPlanner,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditService,
    private readonly eventPeriods: EventPeriodsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A step's job is due: fire it if its deadline still applies. `not_due` gives the time to run again. */
  async handleDeadlineDue(job: DeadlineDueJob): Promise<{ outcome: DeadlineOutcome; notBefore?: Date }> {
    const decision = await this.dataSource.transaction(async (em) => {
      const incident = await this.lock(em, job.incidentId);
      if (!incident) return { outcome: 'missing' as const };
      if (currentCycle(incident, job.kind) !== job.cycle) return { outcome: 'stale_cycle' as const };
      if (!deadlineStillApplies(job.kind, incident.status)) return { outcome: 'condition_cleared' as const };
      const heldUntil = await escalationHeldUntil(em, incident, new Date());
      if (heldUntil) return { outcome: 'held' as const, dueAt: heldUntil };
      const policy = await this.policyOf(em, incident);
      if (!policy) return { outcome: 'no_policy' as const };
      const deadline = deadlineOf(incident, job.kind);
      const resume = resumeOf(incident, job.kind, job.cycle);
      const fired = await this.firedSteps(em, incident.id, job.kind, job.cycle);
      const step = job.level - 1;
      const planned = chainSchedule(policy, deadline.dueAt, resume).find((candidate) => candidate.step === step);
      if (!planned) return { outcome: 'no_such_step' as const };
      const next = (firedNow: number[]) => nextChainStep(policy, deadline.dueAt, firedNow, resume);
      if (fired.includes(step)) return { outcome: 'already_escalated' as const, next: next(fired) };
      // A manual escalation jumped past this step: it is not fired later.
      if ((highestFiredStep(policy, fired) ?? -1) > step) return { outcome: 'superseded' as const, next: next(fired) };
      if (planned.dueAt.getTime() > Date.now()) return { outcome: 'not_due' as const, dueAt: planned.dueAt };
      const result = await this.fireStep(em, incident, policy, deadline.dueAt, job, planned, null);
      return { outcome: 'escalated' as const, next: next([...fired, step]), ...result };
    });

    if (decision.outcome === 'not_due' || decision.outcome === 'held') return { outcome: decision.outcome, notBefore: decision.dueAt };
    if (!('next' in decision)) return { outcome: decision.outcome };
    await this.afterCommit(job, decision.next ?? null, 'escalationId' in decision ? decision : null);
    return { outcome: decision.outcome };
  }

  /** "Escalate now to level N", with a reason: fires that level of the running chain at once. */
  async escalateNow(incidentId: string, targetLevel: number, reason: string, actor: Actor): Promise<ChainStatusDto> {
    let job: DeadlineDueJob | null = null;
    const decision = await this.dataSource.transaction(async (em) => {
      const { incident, kind, cycle, policy, deadline, resume, fired, status } = await this.runningChain(em, incidentId, actor, new Date());
      const target = manualEscalationStep(policy, status.currentStep, targetLevel);
      if (!target.ok) throw new ChainChangeRefusedError(target.reason);
      job = { incidentId, kind, cycle, level: target.step + 1 };
      const planned: ChainStep = { step: target.step, level: target.level, round: target.round, dueAt: new Date() };
      const result = await this.fireStep(em, incident, policy, deadline.dueAt, job, planned, { kind: 'manual', reason, actor });
      return { ...result, next: nextChainStep(policy, deadline.dueAt, [...fired, target.step], resume) };
    });
    if (job) await this.afterCommit(job, decision.next, decision);
    return this.status(incidentId, actor.scope);
  }

  /**
   * An assignment's accept time may have lapsed. Unaccepted, the running chain moves up one level, as
   * "escalate now" does, by the system, once per assignment (accept_escalated_at); `not_due` gives the
   * policy's accept time. Superseded when the responder was unassigned (or assigned again since).
   */
  async handleAcceptDue(job: AcceptDueJob): Promise<{ outcome: AcceptOutcome; notBefore?: Date }> {
    let chainJob: DeadlineDueJob | null = null;
    const decision = await this.dataSource.transaction(async (em) => {
      const incident = await this.lock(em, job.incidentId);
      if (!incident) return { outcome: 'missing' as const };
      const links = em.getRepository(IncidentResponderEntity);
      const assignment = await links.findOne({ where: { incidentId: job.incidentId, responderId: job.responderId }, lock: { mode: 'pessimistic_write' } });
      if (!assignment || assignment.assignedAt.getTime() !== Date.parse(job.assignedAt)) return { outcome: 'superseded' as const };
      if (assignment.acceptedAt) return { outcome: 'accepted' as const };
      if (assignment.acceptEscalatedAt) return { outcome: 'already_escalated' as const };
      const kind = runningDeadlineKind(incident);
      if (!kind) return { outcome: 'condition_cleared' as const };
      const policy = await this.policyOf(em, incident);
      if (!policy) return { outcome: 'no_policy' as const };
      const now = new Date();
      const dueAt = new Date(assignment.assignedAt.getTime() + policy.acceptSeconds * 1000);
      if (dueAt.getTime() > now.getTime()) return { outcome: 'not_due' as const, dueAt };

      await links.update({ incidentId: job.incidentId, responderId: job.responderId }, { acceptEscalatedAt: now });
      const cycle = currentCycle(incident, kind);
      const deadline = deadlineOf(incident, kind);
      const resume = resumeOf(incident, kind, cycle);
      const fired = await this.firedSteps(em, incident.id, kind, cycle);
      const status = chainStatus(policy, deadline.dueAt, fired, null, now, resume);
      const target = manualEscalationStep(policy, status.currentStep, (status.currentLevel ?? 0) + 1);
      // Already at the chain's last level: everyone it names has been told; the lapse is kept on the row.
      if (!target.ok) return { outcome: 'at_top' as const };
      const responder = await em.getRepository(ResponderEntity).findOneByOrFail({ id: job.responderId });
      chainJob = { incidentId: incident.id, kind, cycle, level: target.step + 1 };
      const planned: ChainStep = { step: target.step, level: target.level, round: target.round, dueAt: now };
      const acceptOverdue = { responderId: responder.id, responderName: responder.name, acceptSeconds: policy.acceptSeconds };
      const result = await this.fireStep(em, incident, policy, deadline.dueAt, chainJob, planned, { kind: 'accept_overdue', acceptOverdue });
      return { outcome: 'escalated' as const, ...result, next: nextChainStep(policy, deadline.dueAt, [...fired, target.step], resume) };
    });
    if (decision.outcome === 'not_due') return { outcome: decision.outcome, notBefore: decision.dueAt };
    if (decision.outcome === 'escalated' && chainJob) await this.afterCommit(chainJob, decision.next, decision);
    return { outcome: decision.outcome };
  }

  /** Hand the incident back to a lower level, with a reason: the chain continues from the level above it. */
  async deEscalate(incidentId: string, targetLevel: number, reason: string, actor: Actor): Promise<ChainStatusDto> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const now = new Date();
      const { incident, kind, cycle, policy, deadline, fired, status } = await this.runningChain(em, incidentId, actor, now);
      const target = deEscalationStep(policy, status.currentStep, targetLevel, now);
      if (!target.ok) throw new ChainChangeRefusedError(target.reason);
      const before = { escalationLevel: incident.escalationLevel, chainResume: incident.chainResume };
      const chainResume = { kind, cycle, step: target.resume.step, at: now.toISOString() };
      await em.getRepository(IncidentEntity).update({ id: incident.id }, { chainResume, escalationLevel: target.level, version: incident.version + 1 });
      await appendTimelineEvent(em, incident.id, 'commented', actor.displayName, { text: `↓ L${target.level}: ${reason}` });
      await this.audit.record(
        { action: 'incident.de_escalate', entityType: 'incident', entityId: incident.id, before, after: { escalationLevel: target.level, chainResume, reason } },
        em,
      );
      const next = nextChainStep(policy, deadline.dueAt, fired, target.resume);
      return { job: { incidentId, kind, cycle, level: 1 } satisfies DeadlineDueJob, next };
    });
    await this.afterCommit(outcome.job, outcome.next, null);
    const dto = await this.incidents.getDto(incidentId);
    this.publisher.publish(this.publisher.roomsFor(dto), 'incident.updated', dto);
    return this.status(incidentId, actor.scope);
  }

  /** The running chain of an incident the actor may see, locked for a manual move; refused when nothing runs. */
  private async runningChain(em: EntityManager, incidentId: string, actor: Actor, now: Date) {
    const incident = await this.lockVisible(em, incidentId, actor.scope);
    const kind = runningDeadlineKind(incident);
    if (!kind) throw new ChainChangeRefusedError('no_running_deadline');
    const cycle = currentCycle(incident, kind);
    const policy = await this.policyOf(em, incident);
    if (!policy) throw new ChainChangeRefusedError('no_policy');
    const deadline = deadlineOf(incident, kind);
    const resume = resumeOf(incident, kind, cycle);
    const fired = await this.firedSteps(em, incident.id, kind, cycle);
    const status = chainStatus(policy, deadline.dueAt, fired, null, now, resume);
    return { incident, kind, cycle, policy, deadline, resume, fired, status };
  }

  /** Where the incident's running chain stands: the console's "next level in mm:ss". */
  async status(incidentId: string, scope: IncidentScope): Promise<ChainStatusDto> {
    const em = this.dataSource.manager;
    const incident = await this.findVisible(em, incidentId, scope);
    const kind = runningDeadlineKind(incident);
    const idle: ChainStatusDto = { state: 'stopped', currentLevel: incident.escalationLevel || null, nextLevel: null, nextDueAt: null, secondsToNext: null };
    if (!kind) return idle;
    const policy = await this.policyOf(em, incident);
    if (!policy) return { ...idle, state: 'exhausted' };
    const cycle = currentCycle(incident, kind);
    const fired = await this.firedSteps(em, incident.id, kind, cycle);
    const status = chainStatus(policy, deadlineOf(incident, kind).dueAt, fired, null, new Date(), resumeOf(incident, kind, cycle));
    return {
      state: status.state,
      currentLevel: status.currentLevel,
      nextLevel: status.nextLevel,
      nextDueAt: status.nextDueAt?.toISOString() ?? null,
      secondsToNext: status.secondsToNext,
    };
  }

  private async fireStep(
    em: EntityManager,
    incident: IncidentEntity,
    policy: EscalationPolicyEntity,
    deadlineDueAt: Date,
    job: DeadlineDueJob,
    planned: ChainStep,
    cause: StepCause | null,
  ): Promise<FiredStep | { escalationId: null; deliveries: [] }> {
    const manual = cause?.kind === 'manual' ? cause : null;
    const acceptOverdue = cause?.kind === 'accept_overdue' ? cause.acceptOverdue : null;
    const level = policy.levels[planned.level - 1];
    if (!level) return { escalationId: null, deliveries: [] };
    const firedAt = new Date();
    const { recipients, unmatched } = await this.directory.resolve(em, incident, level, firedAt);
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(EscalationEntity)
      .values({
        incidentId: incident.id,
        kind: job.kind,
        cycle: job.cycle,
        level: planned.step + 1,
        round: planned.round + 1,
        chainLevel: planned.level,
        policyId: policy.id,
        deadlineAt: deadlineDueAt,
        recipients,
        manual: manual !== null,
        reason: manual?.reason ?? null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const escalationId = (inserted.raw as { id: string }[])[0]?.id;
    if (!escalationId) return { escalationId: null, deliveries: [] };

    await appendTimelineEvent(em, incident.id, 'escalated', manual?.actor.displayName ?? SYSTEM_ACTOR, {
      kind: job.kind,
      level: planned.step + 1,
      cycle: job.cycle,
      round: planned.round + 1,
      chainLevel: planned.level,
      deadlineAt: deadlineDueAt.toISOString(),
      recipients,
      ...(manual ? { manual: true, reason: manual.reason } : {}),
      ...(acceptOverdue ? { acceptOverdue } : {}),
    });
    await em
      .createQueryBuilder()
      .update(IncidentEntity)
      .set({ escalationLevel: planned.level, version: () => 'version + 1' })
      .where('id = :id', { id: incident.id })
      .execute();
    if (manual) {
      await this.audit.record(
        { action: 'incident.escalate', entityType: 'incident', entityId: incident.id, after: { level: planned.level, step: planned.step + 1, reason: manual.reason } },
        em,
      );
    }
    const deliveries = await this.notify(em, incident, escalationId, planned, recipients);
    if (unmatched.length) this.logger.warn(`${incident.reference} L${planned.level}: nobody for ${unmatched.join(', ')}`);
    return { escalationId, deliveries };
  }

  private async notify(em: EntityManager, incident: IncidentEntity, escalationId: string, planned: ChainStep, recipients: EscalationRecipientDto[]): Promise<EnqueuedDelivery[]> {
    if (recipients.length === 0) return [];
    const site = await em.query(`SELECT code, name FROM sites WHERE id = $1`, [incident.siteId]) as { code: string; name: string }[];
    const plan = await this.planner.planForIncident(em, {
      sourceKey: `escalation-${escalationId}`,
      incidentId: incident.id,
      recipientUserIds: recipients.map((recipient) => recipient.userId),
      // The console's acknowledge page: each recipient's outside messages carry a signed single-use link.
      ackLinkBaseUrl: `${this.config.PUBLIC_CONSOLE_URL}/ack`,
      payload: {
        titleKey: 'escalation.fired',
        params: { reference: incident.reference, level: planned.level, site: site[0] ? `${site[0].code} ${site[0].name}` : '' },
      },
    });
    return this.outbox.add(em, plan.deliveries);
  }

  /** After the commit: the next step's job, the deliveries' jobs, the console event. A lost enqueue is the sweep's. */
  private async afterCommit(job: DeadlineDueJob, next: ChainStep | null, fired: { escalationId: string | null; deliveries: EnqueuedDelivery[] } | null): Promise<void> {
    if (next) {
      try {
        await this.scheduler.schedule([{ job: { ...job, level: next.step + 1 }, dueAt: next.dueAt }]);
      } catch (error) {
        this.logger.error(`could not enqueue the next step of ${job.incidentId}; the sweep will: ${(error as Error).message}`);
      }
    }
    if (!fired?.escalationId) return;
    await this.outbox.dispatch(fired.deliveries);
    // A job retried after a crash re-announces the stored step: consoles apply events idempotently.
    const escalation = await this.dataSource.getRepository(EscalationEntity).findOneByOrFail({ id: fired.escalationId });
    const incident = await this.incidents.getDto(job.incidentId);
    this.publisher.publish(this.publisher.roomsFor(incident), 'incident.escalated', { incident, escalation: toEscalationDto(escalation) });
    this.logger.log(`escalated ${incident.reference}: ${job.kind} step ${escalation.level} (L${escalation.chainLevel}, cycle ${job.cycle})`);
  }

  /**
   * Safety net for chains whose job never reached Redis (an api that died between commit and enqueue,
   * a flushed Redis): re-enqueues the next step of every running deadline. Job ids are deterministic,
   * so deadlines that already have a job are left untouched.
   */
  async reconcile(): Promise<number> {
    const incidents = await this.dataSource
      .getRepository(IncidentEntity)
      .createQueryBuilder('incident')
      .where(`incident.status NOT IN ('resolved', 'closed')`)
      .getMany();
    if (incidents.length === 0) return 0;
    const fired: { incident_id: string; kind: DeadlineKind; cycle: number; level: number }[] = await this.dataSource.query(
      `SELECT e.incident_id, e.kind, e.cycle, e.level FROM escalations e JOIN incidents i ON i.id = e.incident_id WHERE i.status NOT IN ('resolved', 'closed')`,
    );
    const policies = await this.dataSource.getRepository(EscalationPolicyEntity).find();
    const period = await this.eventPeriods.inForce(this.dataSource.manager, new Date());
    const pending: ScheduledDeadline[] = [];
    for (const incident of incidents) {
      const selected = this.policies.select(policies, incident);
      if (!selected) continue;
      const policy = eventEscalationPolicy(selected, period, incident.priority);
      for (const kind of ['acknowledge', 'restore'] as const) {
        if (!deadlineStillApplies(kind, incident.status)) continue;
        const cycle = currentCycle(incident, kind);
        const steps = fired.filter((row) => row.incident_id === incident.id && row.kind === kind && Number(row.cycle) === cycle).map((row) => Number(row.level) - 1);
        const next = nextChainStep(policy, deadlineOf(incident, kind).dueAt, steps, resumeOf(incident, kind, cycle));
        if (next) pending.push({ job: { incidentId: incident.id, kind, cycle, level: next.step + 1 }, dueAt: next.dueAt });
      }
    }
    if (pending.length > 0) await this.scheduler.schedule(pending);
    // Assignments still waiting to be accepted: their jobs (a no-op where one is waiting already).
    const waiting: { incident_id: string; responder_id: string; assigned_at: Date }[] = await this.dataSource.query(
      `SELECT r.incident_id, r.responder_id, r.assigned_at FROM incident_responders r JOIN incidents i ON i.id = r.incident_id
        WHERE r.accepted_at IS NULL AND r.accept_escalated_at IS NULL AND i.status NOT IN ('resolved', 'closed')`,
    );
    // Each at its policy's accept time, so a starting worker is not handed every waiting assignment at once.
    const byId = new Map(incidents.map((incident) => [incident.id, incident]));
    await this.scheduler.watchAcceptance(
      waiting.map((row) => {
        const incident = byId.get(row.incident_id);
        const acceptSeconds = incident ? this.policies.select(policies, incident)?.acceptSeconds : undefined;
        return {
          job: { incidentId: row.incident_id, responderId: row.responder_id, assignedAt: row.assigned_at.toISOString() },
          ...(acceptSeconds === undefined ? {} : { dueAt: new Date(row.assigned_at.getTime() + acceptSeconds * 1000) }),
        };
      }),
    );
    return pending.length + waiting.length;
  }

  /** The incident's chain: its policy, with leadership added to P0 chains while an event period is in force. */
  private async policyOf(em: EntityManager, incident: IncidentEntity): Promise<EscalationPolicyEntity | null> {
    const policy = await this.policies.policyFor(em, incident);
    if (!policy) return null;
    return eventEscalationPolicy(policy, await this.eventPeriods.inForce(em, new Date()), incident.priority);
  }

  private async firedSteps(em: EntityManager, incidentId: string, kind: DeadlineKind, cycle: number): Promise<number[]> {
    const rows = await em.getRepository(EscalationEntity).find({ where: { incidentId, kind, cycle }, select: { level: true } });
    return rows.map((row) => row.level - 1);
  }

  private lock(em: EntityManager, id: string): Promise<IncidentEntity | null> {
    return em.getRepository(IncidentEntity).createQueryBuilder('incident').setLock('pessimistic_write').where('incident.id = :id', { id }).getOne();
  }

  private async lockVisible(em: EntityManager, id: string, scope: IncidentScope): Promise<IncidentEntity> {
    await this.findVisible(em, id, scope);
    const incident = await this.lock(em, id);
    if (!incident) throw new NotFoundError('incident', id);
    return incident;
  }

  /** An incident outside the scope does not exist, as far as the caller can tell. */
  private async findVisible(em: EntityManager, id: string, scope: IncidentScope): Promise<IncidentEntity> {
    const query = em.getRepository(IncidentEntity).createQueryBuilder('incident').where('incident.id = :id', { id });
    applyScopeFilter(query, 'incident', scopeFilterOf(scope));
    const incident = await query.getOne();
    if (!incident) throw new NotFoundError('incident', id);
    return incident;
  }
}
