import { INCIDENT_STATUSES } from '@netduty/contracts';
import { allowedActions } from '@netduty/domain';
import { incidentStatusesOf, requestedStatusChange, TROUBLE_TICKET_STATUSES, ticketStatusOf } from './ticket-status';
import publishedSpec from './TMF621-TroubleTicket-v4.0.0.swagger.json';

describe('TMF621 ticket status ↔ incident status', () => {
  it('lists exactly the statuses of the published TroubleTicketStatusType', () => {
    expect([...TROUBLE_TICKET_STATUSES]).toEqual(publishedSpec.definitions.TroubleTicketStatusType.enum);
  });

  it('maps every incident status to a distinct ticket status (one to one)', () => {
    const mapped = INCIDENT_STATUSES.map(ticketStatusOf);
    expect(new Set(mapped).size).toBe(INCIDENT_STATUSES.length);
    expect(Object.fromEntries(INCIDENT_STATUSES.map((status) => [status, ticketStatusOf(status)]))).toEqual({
      reported: 'pending',
      acknowledged: 'acknowledged',
      in_progress: 'inProgress',
      resolved: 'resolved',
      closed: 'closed',
      reopened: 'held',
    });
  });

  it('reads each ticket status back as the one incident status it stands for, and rejected/cancelled as none', () => {
    for (const status of INCIDENT_STATUSES) expect(incidentStatusesOf(ticketStatusOf(status))).toEqual([status]);
    expect(incidentStatusesOf('rejected')).toEqual([]);
    expect(incidentStatusesOf('cancelled')).toEqual([]);
  });

  it('lets a ticketing system close or dispute a resolved ticket, and nothing else', () => {
    expect(requestedStatusChange('resolved', 'closed', allowedActions('resolved'))).toEqual({ kind: 'transition', action: 'close' });
    expect(requestedStatusChange('resolved', 'held', allowedActions('resolved'))).toEqual({ kind: 'transition', action: 'reopen' });
    expect(requestedStatusChange('resolved', 'cancelled', allowedActions('resolved'))).toEqual({ kind: 'refused', allowed: ['closed', 'held'] });
    expect(requestedStatusChange('resolved', 'inProgress', allowedActions('resolved'))).toEqual({ kind: 'refused', allowed: ['closed', 'held'] });
    expect(requestedStatusChange('in_progress', 'closed', allowedActions('in_progress'))).toEqual({ kind: 'refused', allowed: [] });
    expect(requestedStatusChange('reported', 'resolved', allowedActions('reported'))).toEqual({ kind: 'refused', allowed: [] });
  });

  it('takes a request for the status the ticket is already in as no change', () => {
    expect(requestedStatusChange('closed', 'closed', allowedActions('closed'))).toEqual({ kind: 'unchanged' });
    expect(requestedStatusChange('reported', 'pending', allowedActions('reported'))).toEqual({ kind: 'unchanged' });
  });
});
