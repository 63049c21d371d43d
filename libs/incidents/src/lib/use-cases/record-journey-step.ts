import { Injectable } from '@nestjs/common';
import type { AssignmentProgressDto, JourneyStepResultDto } from '@netduty/contracts';
import { decideJourneyStep, JOURNEY_STEP_EVENT, nextJourneyStep } from '@netduty/domain';
import { ForbiddenError, type Actor } from '@netduty/identity';
import { ConflictError, NotFoundError } from '@netduty/platform-errors';
import type { JourneyStepCommand } from '../incident-commands';
import { IncidentEffects } from '../ports/incident-effects';
import { IncidentReader } from '../ports/incident-reader';
import type { AssignmentRecord } from '../ports/responder-assignments';
import { UnitOfWork } from '../ports/unit-of-work';
import { lockVisibleIncident } from './lock-visible-incident';

export type JourneyStepResult = JourneyStepResultDto;

/** A journey step refused: taken before the one it follows, or on an incident no longer worked on (409). */
export class JourneyStepRefusedError extends ConflictError {
  constructor(reason: 'journey_out_of_order' | 'incident_not_active', message: string) {
    super(reason, message);
  }
}

export function toAssignmentProgressDto(assignment: AssignmentRecord): AssignmentProgressDto {
  return {
    responderId: assignment.responder.id,
    responderName: assignment.responder.name,
    assignedAt: assignment.assignedAt.toISOString(),
    acceptedAt: assignment.acceptedAt?.toISOString() ?? null,
    enRouteAt: assignment.enRouteAt?.toISOString() ?? null,
    onSiteAt: assignment.onSiteAt?.toISOString() ?? null,
    nextStep: nextJourneyStep(assignment),
  };
}

/**
 * The assigned responder accepts (nhận việc), sets off (đang di chuyển) or reaches the site (đã đến
 * trạm): one step of their own assignment, stamped with its time, on the timeline and in the audit
 * trail. Only a responder acts for themself; an incident they are not assigned to does not exist for them.
 */
@Injectable()
export class RecordJourneyStep {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reader: IncidentReader,
    private readonly effects: IncidentEffects,
  ) {}

  async execute(command: JourneyStepCommand, actor: Actor): Promise<JourneyStepResult> {
    const scope = actor.scope;
    if (scope.kind !== 'responder') throw new ForbiddenError(`assignment.${command.step}: only the assigned responder`);
    const { assignment, recorded } = await this.unitOfWork.run(async (repositories) => {
      const incident = await lockVisibleIncident(repositories.incidents, command.incidentId, scope);
      const current = await repositories.responders.lockAssignment(incident.id, scope.responderId);
      if (!current) throw new NotFoundError('incident', command.incidentId);
      const now = new Date();
      const decision = decideJourneyStep(incident.status, current, command.step, now);
      switch (decision.kind) {
        case 'already_taken':
          return { assignment: current, recorded: false };
        case 'out_of_order':
          throw new JourneyStepRefusedError('journey_out_of_order', `${command.step} comes after ${decision.expected}`);
        case 'incident_inactive':
          throw new JourneyStepRefusedError('incident_not_active', `the incident is ${incident.status}`);
        case 'record': {
          await repositories.responders.recordJourney(incident.id, scope.responderId, decision.changes);
          const type = JOURNEY_STEP_EVENT[command.step];
          // The line carries the step's own time, so the timeline and the assignment agree to the millisecond.
          await repositories.timeline.append(incident.id, actor.displayName, { type, data: { responder: current.responder } }, now);
          const after = { ...current, ...decision.changes };
          await repositories.audit.record({
            action: `assignment.${command.step}`,
            entityType: 'incident',
            entityId: incident.id,
            before: toAssignmentProgressDto(current),
            after: toAssignmentProgressDto(after),
          });
          // The version moves so that a console holding the incident sees it changed.
          await repositories.incidents.save(incident, {});
          return { assignment: after, recorded: true };
        }
      }
    });
    const dto = await this.reader.getDto(command.incidentId);
    if (recorded) this.effects.publishUpdated(dto);
    return { incident: dto, assignment: toAssignmentProgressDto(assignment), recorded };
  }
}
