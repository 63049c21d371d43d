import { CarOutlined, CheckCircleFilled, EnvironmentOutlined, LikeOutlined } from '@ant-design/icons';
import type { AssignmentProgressDto, IncidentStatus, JourneyStep } from '@netduty/contracts';
import { JOURNEY_STEPS } from '@netduty/contracts';
import { Alert, App, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import { isApiError } from '../../../lib/http';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useJourneyStep } from '../hooks/use-assignment';

const STEP_ICON: Readonly<Record<JourneyStep, ReactNode>> = {
  accept: <LikeOutlined />,
  en_route: <CarOutlined />,
  on_site: <EnvironmentOutlined />,
};

const REFUSALS = ['journey_out_of_order', 'incident_not_active'] as const;
type Refusal = (typeof REFUSALS)[number];

function refusalOf(error: unknown): Refusal | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const reason = error.body.details?.['reason'];
  return REFUSALS.find((known) => known === reason) ?? null;
}

export function stepTime(assignment: AssignmentProgressDto, step: JourneyStep): string | null {
  switch (step) {
    case 'accept':
      return assignment.acceptedAt;
    case 'en_route':
      return assignment.enRouteAt;
    case 'on_site':
      return assignment.onSiteAt;
  }
}

/**
 * The assigned responder's own journey, for a phone in the field: one big button for the next step
 * (nhận việc → đang di chuyển → đã đến trạm) and each step taken with its time.
 */
export function JourneyPanel({ incidentId, status, assignment }: { incidentId: string; status: IncidentStatus; assignment: AssignmentProgressDto }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const mutation = useJourneyStep(incidentId);
  const next = assignment.nextStep;
  // A resolved or closed incident takes no new step (the api would answer 409 incident_not_active).
  const working = status === 'in_progress' || status === 'reopened';

  const take = (step: JourneyStep) =>
    mutation.mutate(step, {
      onError: (error) => {
        const refusal = refusalOf(error);
        if (refusal) notification.warning({ title: t(`assignment.journey.refused.${refusal}`) });
        else notifyError(error);
      },
    });

  return (
    <div className="journey-panel" data-testid="journey-panel" data-next-step={next ?? 'done'}>
      <div className="journey-panel__title">{t('assignment.journey.title')}</div>
      <ol className="journey-panel__steps">
        {JOURNEY_STEPS.map((step) => {
          const at = stepTime(assignment, step);
          return (
            <li key={step} className={at ? 'journey-step journey-step--done' : 'journey-step'} data-testid={`journey-step-${step}`}>
              {at ? <CheckCircleFilled className="journey-step__icon" /> : <span className="journey-step__icon">{STEP_ICON[step]}</span>}
              <span>{at ? t('assignment.journey.stepAt', { step: t(`assignment.journey.${step}`), time: formatDateTime(at) }) : t('assignment.journey.notYet', { step: t(`assignment.journey.${step}`) })}</span>
            </li>
          );
        })}
      </ol>
      {next && working && (
        <Button
          type="primary"
          size="large"
          block
          className="journey-panel__button"
          icon={STEP_ICON[next]}
          loading={mutation.isPending}
          onClick={() => take(next)}
          data-testid={`journey-${next}`}
        >
          {t(`assignment.journey.${next}`)}
        </Button>
      )}
      {!next && <Alert type="success" showIcon title={t('assignment.journey.arrived', { time: formatDateTime(assignment.onSiteAt) })} data-testid="journey-done" />}
    </div>
  );
}
