import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { IncidentDto } from '@netduty/contracts';
import { openIncident, scopeFilterOf, scopeSees, type DeadlineChanges } from '@netduty/domain';
import type { Actor } from '@netduty/identity';
import { IdempotencyKeyReusedError, InvalidInputError } from '@netduty/platform-errors';
import type { ReportIncidentCommand } from '../incident-commands';
import type { IncidentRecord } from '../ports/incident-record';
import { IdempotencyKeyTakenError, type IdempotencyStamp } from '../ports/incident-repository';
import { IncidentEffects } from '../ports/incident-effects';
import { IncidentReader } from '../ports/incident-reader';
import { UnitOfWork } from '../ports/unit-of-work';
import { moveDeadlinesAfterCommit } from './move-deadlines';

type EarlierReport = Pick<IncidentRecord, 'id' | 'idempotencyBodyHash'>;

/** What a retry must repeat exactly: every field of the report, in a fixed order. */
export function reportFingerprint(command: ReportIncidentCommand): string {
  const fields = [command.siteId, command.category, command.severity, command.description, command.reporterName ?? null];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Report an incident at a site: both SLA clocks start. With an idempotency key the same request
 * reports once however often it is retried, concurrently or not.
 */
@Injectable()
export class ReportIncident {
  private readonly logger = new Logger(ReportIncident.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reader: IncidentReader,
    private readonly effects: IncidentEffects,
  ) {}

  async execute(command: ReportIncidentCommand, actor: Actor): Promise<{ incident: IncidentDto; created: boolean }> {
    // A key is the caller's own: another user's identical key is a different request.
    const idempotency: IdempotencyStamp | null = command.idempotencyKey
      ? { idempotencyKey: command.idempotencyKey, idempotencyOwner: actor.userId, idempotencyBodyHash: reportFingerprint(command) }
      : null;
    const reporterName = command.reporterName?.trim() || actor.displayName;

    let stored: { earlier: EarlierReport } | { id: string; deadlines: DeadlineChanges };
    try {
      stored = await this.unitOfWork.run(async (repositories) => {
        if (idempotency) {
          const earlier = await repositories.incidents.findByIdempotencyKey(idempotency.idempotencyOwner, idempotency.idempotencyKey);
          if (earlier) return { earlier };
        }
        const site = await repositories.sites.find(command.siteId);
        // A site outside the caller's scope is reported exactly like one that does not exist.
        if (!site || !scopeSees(scopeFilterOf(actor.scope), { operatorCode: site.operatorCode, communeCodes: [site.communeCode], assigneeIds: [] })) {
          throw new InvalidInputError([{ field: 'siteId', code: 'no_such_record' }]);
        }
        const reportedAt = new Date();
        // During an event period its sites are P0 and the windows tighter (the domain's eventSlaWindow).
        const { priority, window } = await repositories.slaPolicies.termsFor(command.severity, site, reportedAt);
        const opened = openIncident({ now: reportedAt, window, category: command.category, severity: command.severity });
        const id = await repositories.incidents.insert({
          site: { ...site, priority },
          category: command.category,
          severity: command.severity,
          description: command.description,
          reporterName,
          // Cluster staff act under their own accounts: the report keeps who and how to call them back.
          reportedBy: actor.system ? null : actor.userId,
          reporterPhone: actor.phone ?? null,
          reportedAt,
          acknowledge: opened.acknowledge,
          restore: opened.restore,
          idempotency,
        });
        for (const event of opened.events) await repositories.timeline.append(id, reporterName, event);
        const after = await repositories.incidents.load(id);
        await repositories.audit.record({ action: 'incident.report', entityType: 'incident', entityId: id, after });
        return { id, deadlines: opened.deadlines };
      });
    } catch (error) {
      // Two concurrent retries with one key: the loser answers as a retry of the winner.
      if (idempotency && error instanceof IdempotencyKeyTakenError) {
        const winner = await this.unitOfWork.run((repositories) =>
          repositories.incidents.findByIdempotencyKey(idempotency.idempotencyOwner, idempotency.idempotencyKey),
        );
        if (winner) return this.replay(winner, idempotency.idempotencyBodyHash, actor);
      }
      throw error;
    }
    if ('earlier' in stored) return this.replay(stored.earlier, idempotency?.idempotencyBodyHash ?? '', actor);

    const incident = await this.reader.getDto(stored.id);
    await moveDeadlinesAfterCommit(this.effects, this.logger, incident, stored.deadlines);
    this.effects.publishCreated(incident);
    return { incident, created: true };
  }

  /** A retry returns the incident it first reported; the same key with another body is refused. */
  private async replay(earlier: EarlierReport, bodyHash: string, actor: Actor): Promise<{ incident: IncidentDto; created: boolean }> {
    if (earlier.idempotencyBodyHash !== bodyHash) throw new IdempotencyKeyReusedError();
    return { incident: await this.reader.getDto(earlier.id, actor.scope), created: false };
  }
}
