import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import type { ShiftHandoverDto } from '@netduty/contracts';

/** The handover sheet as kept (bàn giao ca): printable as it stands, one page per section if long. */
export function HandoverSheet({ handover }: { handover: ShiftHandoverDto }) {
  const { t } = useTranslation();
  const { sheet } = handover;
  const name = (id: string | null) => (id ? (sheet.people.find((person) => person.id === id)?.displayName ?? id) : t('common.none'));
  const phone = (id: string | null) => (id ? (sheet.people.find((person) => person.id === id)?.phone ?? '') : '');
  return (
    <article className="handover-sheet" data-testid="handover-sheet">
      <header className="handover-sheet__header">
        <p className="handover-sheet__agency">{t('app.ownerAgency')}</p>
        <h3>{t('rosters.handover.sheetTitle')}</h3>
        <p>{sheet.group.name}</p>
        <p className="handover-sheet__meta">{t('rosters.handover.generatedAt', { time: formatDateTime(sheet.generatedAt) })}</p>
      </header>
      <dl className="handover-sheet__shifts">
        <dt>{t('rosters.handover.shift')}</dt>
        <dd>
          {formatDateTime(sheet.shift.startsAt)} – {formatDateTime(sheet.shift.endsAt)}
        </dd>
        <dt>{t('rosters.handover.outgoingLead')}</dt>
        <dd>
          {name(handover.outgoingLeadId)} {phone(handover.outgoingLeadId)}
        </dd>
        <dt>{t('rosters.handover.nextShift')}</dt>
        <dd>{sheet.nextShift ? `${formatDateTime(sheet.nextShift.startsAt)} – ${formatDateTime(sheet.nextShift.endsAt)}` : t('common.none')}</dd>
        <dt>{t('rosters.handover.incomingLead')}</dt>
        <dd>
          {name(handover.incomingLeadId)} {phone(handover.incomingLeadId)}
        </dd>
      </dl>
      {handover.notes && (
        <section>
          <h4>{t('rosters.handover.notes')}</h4>
          <p className="handover-sheet__notes">{handover.notes}</p>
        </section>
      )}
      <section>
        <h4>{t('rosters.handover.openIncidents', { count: sheet.openIncidents.length })}</h4>
        {sheet.openIncidents.length === 0 ? (
          <p>{t('rosters.handover.none')}</p>
        ) : (
          <table className="handover-sheet__table">
            <thead>
              <tr>
                <th>{t('rosters.handover.reference')}</th>
                <th>{t('rosters.handover.site')}</th>
                <th>{t('rosters.handover.status')}</th>
                <th>{t('rosters.handover.ackDue')}</th>
                <th>{t('rosters.handover.restoreDue')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.openIncidents.map((incident) => (
                <tr key={incident.id}>
                  <td>
                    {incident.reference} · {t(`severity.${incident.severity}`)} · {incident.priority}
                  </td>
                  <td>
                    {incident.siteCode} — {incident.siteName}
                  </td>
                  <td>{t(`status.${incident.status}`)}</td>
                  <td>{formatDateTime(incident.acknowledgeDueAt) || t('common.none')}</td>
                  <td>{formatDateTime(incident.restoreDueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h4>{t('rosters.handover.deadlines', { count: sheet.deadlinesInNextShift.length })}</h4>
        {sheet.deadlinesInNextShift.length === 0 ? (
          <p>{t('rosters.handover.none')}</p>
        ) : (
          <ul>
            {sheet.deadlinesInNextShift.map((deadline) => (
              <li key={`${deadline.incidentId}-${deadline.kind}`}>
                {formatDateTime(deadline.dueAt)} · {deadline.reference} · {t(`deadlineKind.${deadline.kind}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h4>{t('rosters.handover.escalations', { count: sheet.escalationsDuringShift.length })}</h4>
        {sheet.escalationsDuringShift.length === 0 ? (
          <p>{t('rosters.handover.none')}</p>
        ) : (
          <ul>
            {sheet.escalationsDuringShift.map((escalation) => (
              <li key={`${escalation.incidentId}-${escalation.kind}-${escalation.level}-${escalation.firedAt}`}>
                {formatDateTime(escalation.firedAt)} · {escalation.reference} · {t(`deadlineKind.${escalation.kind}`)} · {t('rosters.handover.level')} {escalation.level}
                {escalation.manual ? ` · ${t('rosters.handover.manual')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer className="handover-sheet__signatures">
        <div>
          <p>{t('rosters.handover.signOutgoing')}</p>
          <p className="handover-sheet__signature-name">{name(handover.outgoingLeadId)}</p>
        </div>
        <div>
          <p>{t('rosters.handover.signIncoming')}</p>
          <p className="handover-sheet__signature-name">
            {handover.acknowledgedAt ? `${name(handover.acknowledgedBy)} · ${formatDateTime(handover.acknowledgedAt)}` : t('rosters.handover.pending')}
          </p>
        </div>
      </footer>
    </article>
  );
}
