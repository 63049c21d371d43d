import { Injectable, Logger } from '@nestjs/common';
import type { IncidentDto } from '@netduty/contracts';
import { applyTransition } from '@netduty/domain';
import type { Actor } from '@netduty/identity';
import { InvalidTransitionError } from '@netduty/platform-errors';
import type { TransitionCommand } from '../incident-commands';
import { IncidentEffects } from '../ports/incident-effects';
import { IncidentReader } from '../ports/incident-reader';
import type { AuditRecorder } from '../ports/audit-recorder';
import { type TransactionHandle, UnitOfWork } from '../ports/unit-of-work';
import { lockVisibleIncident } from './lock-visible-incident';
import { moveDeadlinesAfterCommit } from './move-deadlines';
import { storeTransition } from './store-outcome';

/**
 * A caller's own writes that must commit with the transition or not at all (the acknowledge link's
 * use); it runs after the transition is stored, and throwing rolls the transition back.
 */
export type AlongsideTransition = (transaction: TransactionHandle, audit: AuditRecorder) => Promise<void>;

/** Acknowledge, resolve, close or reopen an incident: one transaction, then the deadline jobs and the event. */
@Injectable()
export class TransitionIncident {
  private readonly logger = new Logger(TransitionIncident.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reader: IncidentReader,
    private readonly effects: IncidentEffects,
  ) {}

  async execute(command: TransitionCommand, actor: Actor, alongside?: AlongsideTransition): Promise<IncidentDto> {
    const deadlines = await this.unitOfWork.run(async (repositories) => {
      const incident = await lockVisibleIncident(repositories.incidents, command.incidentId, actor.scope);
      const now = new Date();
      const outcome =
        command.action === 'reopen'
          ? applyTransition(incident, 'reopen', {
              now,
              note: command.note,
              restoreWindow: await repositories.slaPolicies.windowFor(incident.severity, incident.priority),
            })
          : applyTransition(incident, command.action, { now, note: command.note });
      if (!outcome.allowed) throw new InvalidTransitionError(incident.status, command.action, outcome.allowedActions);
      await storeTransition(repositories, incident, command.action, actor.displayName, outcome);
      await alongside?.(repositories.transaction, repositories.audit);
      return outcome.deadlines;
    });

    const dto = await this.reader.getDto(command.incidentId);
    await moveDeadlinesAfterCommit(this.effects, this.logger, dto, deadlines);
    this.effects.publishUpdated(dto);
    return dto;
  }
}
