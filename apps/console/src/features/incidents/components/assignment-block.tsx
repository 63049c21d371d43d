import type { IncidentDetailDto } from '@netduty/contracts';
import { useCan, useCurrentUser } from '../../auth/hooks/use-session';
import { AssignmentProgressList } from './assignment-progress-list';
import { CandidateSuggestions } from './candidate-suggestions';
import { JourneyPanel } from './journey-panel';
import './assignment-block.css';

/**
 * The drawer's assignment block: the logged-in responder's own journey (big buttons for the phone),
 * or, for those who dispatch, each assigned responder's progress and the ranked suggestions.
 */
export function AssignmentBlock({ incident }: { incident: IncidentDetailDto }) {
  const user = useCurrentUser();
  const mayAssign = useCan('incident.assign');
  const own = user?.responderId ? incident.assignments.find((assignment) => assignment.responderId === user.responderId) : undefined;
  const suggest = mayAssign && incident.allowedActions.includes('assign');
  if (!own && !suggest && incident.assignments.length === 0) return null;
  return (
    <section className="assignment-block" data-testid="assignment-block">
      {own ? <JourneyPanel incidentId={incident.id} status={incident.status} assignment={own} /> : incident.assignments.length > 0 && <AssignmentProgressList assignments={incident.assignments} />}
      {suggest && <CandidateSuggestions incident={incident} />}
    </section>
  );
}
