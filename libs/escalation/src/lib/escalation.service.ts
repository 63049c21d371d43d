import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeadlineDueJob, DeadlineKind } from '@netduty/contracts';
import { DEADLINE_KINDS, SYSTEM_ACTOR } from '@netduty/contracts';
import {
  deadlineStillApplies,
  escalationAudience,
  escalationDueAt,
  MAX_ESCALATION_LEVEL,
  nextEscalationLevel,
} from '@netduty/domain';
import { EscalationEntity, IncidentEntity } from '@netduty/persistence';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { appendTimelineEvent, IncidentService, toEscalationDto } from '@netduty/incidents';
import { SlaScheduler, type ScheduledDeadline } from '@netduty/platform-queue';
import { RealtimePublisher } from '@netduty/platform-realtime';

export type DeadlineOutcome = 'escalated' | 'already_escalated' | 'condition_cleared' | 'stale_cycle' | 'not_due' | 'missing';

function deadlineOf(incident: IncidentEntity, kind: DeadlineKind) {
  return kind === 'acknowledge'
    ? { kind, startsAt: incident.ackStartsAt, dueAt: incident.ackDueAt }
    : { kind, startsAt: incident.restoreStartsAt, dueAt: incident.restoreDueAt };
}

/** The acknowledge deadline has one cycle; the restore deadline's cycle follows reopenings. */
function currentCycle(incident: IncidentEntity, kind: DeadlineKind): number {
  return kind === 'acknowledge' ? 1 : incident.slaCycle;
}

/**
 * Decides and records escalations. Safe to run in any number of workers at once: the incident row is
 * locked while deciding and the unique (incident, kind, cycle, level) constraint stores each escalation once.
 */
@Injectable()
export class EscalationService {
  private readonly logger = new Logger(EscalationService.name);
  private readonly minStepMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly incidents: IncidentService,
    private readonly scheduler: SlaScheduler,
    private readonly publisher: RealtimePublisher,
  ) {
    this.minStepMs = config.ESCALATION_MIN_STEP_SECONDS * 1000;
  }

  /** Returns what happened; for `not_due`, the time the job must run again (the processor delays it). */
  async handleDeadlineDue(job: DeadlineDueJob): Promise<{ outcome: DeadlineOutcome; notBefore?: Date }> {
    const decision = await this.dataSource.transaction(async (em) => {
      const incident = await em
        .getRepository(IncidentEntity)
        .createQueryBuilder('incident')
        .setLock('pessimistic_write')
        .where('incident.id = :id', { id: job.incidentId })
        .getOne();
      if (!incident) return { outcome: 'missing' as const };
      if (currentCycle(incident, job.kind) !== job.cycle) return { outcome: 'stale_cycle' as const };
      if (!deadlineStillApplies(job.kind, incident.status)) return { outcome: 'condition_cleared' as const };
      const deadline = deadlineOf(incident, job.kind);
      const dueAt = escalationDueAt(deadline, job.level, this.minStepMs);
      if (dueAt.getTime() > Date.now()) return { outcome: 'not_due' as const, dueAt };

      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(EscalationEntity)
        .values({ incidentId: incident.id, kind: job.kind, cycle: job.cycle, level: job.level, deadlineAt: deadline.dueAt })
        .orIgnore()
        .returning(['id'])
        .execute();
      const escalationId = (inserted.raw as { id: string }[])[0]?.id;
      if (!escalationId) return { outcome: 'already_escalated' as const, deadline };

      await appendTimelineEvent(em, incident.id, 'escalated', SYSTEM_ACTOR, {
        kind: job.kind,
        level: job.level,
        cycle: job.cycle,
        audience: escalationAudience(job.level),
        deadlineAt: deadline.dueAt.toISOString(),
      });
      await em
        .createQueryBuilder()
        .update(IncidentEntity)
        .set({ escalationLevel: () => `GREATEST(escalation_level, ${Number(job.level)})`, version: () => 'version + 1' })
        .where('id = :id', { id: incident.id })
        .execute();
      return { outcome: 'escalated' as const, deadline };
    });

    if (decision.outcome === 'not_due') return { outcome: decision.outcome, notBefore: decision.dueAt };
    if (decision.outcome !== 'escalated' && decision.outcome !== 'already_escalated') {
      return { outcome: decision.outcome };
    }

    const next = nextEscalationLevel(job.level);
    if (next !== null) {
      await this.scheduler.schedule([
        { job: { ...job, level: next }, dueAt: escalationDueAt(decision.deadline, next, this.minStepMs) },
      ]);
    }
    // Announced after the commit. A job retried after a crash re-announces the stored escalation:
    // consoles apply events idempotently, so at-least-once delivery never shows a double.
    const escalation = await this.dataSource.getRepository(EscalationEntity).findOneByOrFail({
      incidentId: job.incidentId,
      kind: job.kind,
      cycle: job.cycle,
      level: job.level,
    });
    const incident = await this.incidents.getDto(job.incidentId);
    this.publisher.publish(this.publisher.roomsFor(incident), 'incident.escalated', {
      incident,
      escalation: toEscalationDto(escalation),
    });
    if (decision.outcome === 'escalated') {
      this.logger.log(`escalated ${incident.reference}: ${job.kind} level ${job.level} (cycle ${job.cycle})`);
    }
    return { outcome: decision.outcome };
  }

  /**
   * Safety net for deadlines whose job never reached Redis (an api that died between commit and
   * enqueue, a flushed Redis): re-enqueues the next level of every running deadline. Job ids are
   * deterministic, so deadlines that already have a job are left untouched.
   */
  async reconcile(): Promise<number> {
    const rows: { id: string; status: IncidentEntity['status']; kind: DeadlineKind; cycle: number; due_at: Date; starts_at: Date; level: number }[] =
      await this.dataSource.query(
        `SELECT i.id, i.status, d.kind, d.cycle, d.due_at, d.starts_at,
                COALESCE((SELECT max(e.level) FROM escalations e
                          WHERE e.incident_id = i.id AND e.kind = d.kind AND e.cycle = d.cycle), 0) AS level
           FROM incidents i
           CROSS JOIN LATERAL (VALUES
             ('acknowledge', 1, i.ack_due_at, i.ack_starts_at),
             ('restore', i.sla_cycle, i.restore_due_at, i.restore_starts_at)
           ) AS d(kind, cycle, due_at, starts_at)
          WHERE i.status NOT IN ('resolved', 'closed')
            AND (d.kind = 'restore' OR i.status = 'reported')`,
      );
    const pending: ScheduledDeadline[] = [];
    for (const row of rows) {
      if (!DEADLINE_KINDS.includes(row.kind) || !deadlineStillApplies(row.kind, row.status)) continue;
      const level = Number(row.level) + 1;
      if (level > MAX_ESCALATION_LEVEL) continue;
      const deadline = { kind: row.kind, startsAt: new Date(row.starts_at), dueAt: new Date(row.due_at) };
      pending.push({
        job: { incidentId: row.id, kind: row.kind, cycle: Number(row.cycle), level },
        dueAt: escalationDueAt(deadline, level, this.minStepMs),
      });
    }
    if (pending.length > 0) await this.scheduler.schedule(pending);
    return pending.length;
  }
}
