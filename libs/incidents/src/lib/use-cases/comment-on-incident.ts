import { Injectable } from '@nestjs/common';
import type { IncidentDto } from '@netduty/contracts';
import { applyComment } from '@netduty/domain';
import type { Actor } from '@netduty/identity';
import { InvalidTransitionError } from '@netduty/platform-errors';
import type { CommentCommand } from '../incident-commands';
import { IncidentEffects } from '../ports/incident-effects';
import { IncidentReader } from '../ports/incident-reader';
import { UnitOfWork } from '../ports/unit-of-work';
import { lockVisibleIncident } from './lock-visible-incident';

/** Add a line to an open incident's timeline. */
@Injectable()
export class CommentOnIncident {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reader: IncidentReader,
    private readonly effects: IncidentEffects,
  ) {}

  async execute(command: CommentCommand, actor: Actor): Promise<IncidentDto> {
    await this.unitOfWork.run(async (repositories) => {
      const incident = await lockVisibleIncident(repositories.incidents, command.incidentId, actor.scope);
      const outcome = applyComment(incident, { text: command.text });
      if (!outcome.allowed) throw new InvalidTransitionError(incident.status, 'comment', outcome.allowedActions);
      for (const event of outcome.events) await repositories.timeline.append(incident.id, actor.displayName, event);
      await repositories.audit.record({ action: 'incident.comment', entityType: 'incident', entityId: incident.id, after: { text: command.text } });
      // The version moves so that a console holding the incident sees it changed.
      await repositories.incidents.save(incident, outcome.changes);
    });
    const dto = await this.reader.getDto(command.incidentId);
    this.effects.publishUpdated(dto);
    return dto;
  }
}
