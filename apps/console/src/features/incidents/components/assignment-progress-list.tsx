import type { AssignmentProgressDto } from '@netduty/contracts';
import { JOURNEY_STEPS } from '@netduty/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import { stepTime } from './journey-panel';

/** Where each assigned responder's journey stands, for those who dispatched them. */
export function AssignmentProgressList({ assignments }: { assignments: AssignmentProgressDto[] }) {
  const { t } = useTranslation();
  return (
    <div className="assignment-progress" data-testid="assignment-progress">
      <div className="assignment-block__heading">{t('assignment.journey.progress')}</div>
      {assignments.map((assignment) => (
        <div key={assignment.responderId} className="assignment-progress__row" data-testid="assignment-progress-row">
          <strong>{assignment.responderName}</strong>
          <span className="muted">{t('assignment.journey.assignedAt', { time: formatDateTime(assignment.assignedAt) })}</span>
          <span className="assignment-progress__steps">
            {assignment.acceptedAt === null && <Tag color="orange">{t('assignment.journey.waitingAccept')}</Tag>}
            {JOURNEY_STEPS.map((step) => {
              const at = stepTime(assignment, step);
              return at ? (
                <Tag key={step} color={step === 'on_site' ? 'green' : 'blue'}>
                  {t('assignment.journey.stepAt', { step: t(`assignment.journey.${step}`), time: formatDateTime(at, 'HH:mm') })}
                </Tag>
              ) : null;
            })}
          </span>
        </div>
      ))}
    </div>
  );
}
