import { Injectable, Logger } from '@nestjs/common';
import type { IncidentDto } from '@netduty/contracts';
import { applyTransition } from '@netduty/domain';
import type { Actor } from '@netduty/identity';
import { InvalidInputError, InvalidTransitionError } from '@netduty/platform-errors';
import type { AssignRespondersCommand } from '../incident-commands';
import { IncidentEffects } from '../ports/incident-effects';
import { IncidentReader } from '../ports/incident-reader';
import { UnitOfWork } from '../ports/unit-of-work';
import { lockVisibleIncident } from './lock-visible-incident';
import { storeTransition } from './store-outcome';

/** Dispatch responders to an incident: its responders become exactly those named. */
@Injectable()
export class AssignResponders {
  private readonly logger = new Logger(AssignResponders.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reader: IncidentReader,
    private readonly effects: IncidentEffects,
  ) {}

  async execute(command: AssignRespondersCommand, actor: Actor): Promise<IncidentDto> {
    const assigned = await this.unitOfWork.run(async (repositories) => {
      const incident = await lockVisibleIncident(repositories.incidents, command.incidentId, actor.scope);
      const named = [...new Set(command.responderIds)];
      const responders = await repositories.responders.coveringAmong(incident, named);
      const outcome = applyTransition(incident, 'assign', { now: new Date(), note: command.note, responders });
      // The lifecycle is checked before the names, as for every other action.
      if (!outcome.allowed) throw new InvalidTransitionError(incident.status, 'assign', outcome.allowedActions);
      if (named.length === 0) {
        throw new InvalidInputError([{ field: 'responderIds', code: 'too_few_items', params: { min: 1 } }]);
      }
      const foreign = named.filter((id) => !responders.some((responder) => responder.id === id));
      if (foreign.length > 0) {
        // Not an active responder of a cluster covering this site.
        throw new InvalidInputError([{ field: 'responderIds', code: 'no_such_record', params: { ids: foreign } }]);
      }
      const made = await repositories.responders.replace(incident.id, responders.map((responder) => responder.id));
      await storeTransition(repositories, incident, 'assign', actor.displayName, outcome);
      return { incident, made };
    });

    // An assignment moves no SLA deadline; each new one starts its accept deadline. A failed enqueue is
    // the sweep's: it finds every assignment still waiting to be accepted.
    try {
      await this.effects.watchAcceptance(assigned.incident.id, assigned.made);
    } catch (error) {
      this.logger.error(`could not start the accept deadlines of ${assigned.incident.reference}; the sweep will: ${(error as Error).message}`);
    }
    const dto = await this.reader.getDto(command.incidentId);
    this.effects.publishUpdated(dto);
    return dto;
  }
}
