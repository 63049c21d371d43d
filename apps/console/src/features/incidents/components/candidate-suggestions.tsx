import type { CandidateReasonDto, CandidateResponderDto, IncidentDto } from '@netduty/contracts';
import { Alert, App, Button, Skeleton, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useAssignSuggested } from '../hooks/use-assignment';
import { useCandidateResponders } from '../hooks/use-incident-queries';

function reasonText(t: TFunction, reason: CandidateReasonDto): string {
  switch (reason.code) {
    case 'open_assignments':
      return t('assignment.reason.open_assignments', { count: reason.count });
    case 'distance':
      return t('assignment.reason.distance', { km: (reason.metres / 1000).toFixed(1) });
    case 'in_covering_cluster':
    case 'outside_covering_cluster':
    case 'on_shift':
    case 'off_shift':
    case 'distance_unknown':
      return t(`assignment.reason.${reason.code}`);
  }
}

const GOOD_REASONS = new Set<CandidateReasonDto['code']>(['in_covering_cluster', 'on_shift']);

/** The ranked suggestions for an incident, each with its reasons and a one-click "Phân công". */
export function CandidateSuggestions({ incident }: { incident: IncidentDto }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const candidates = useCandidateResponders(incident.id, true);
  const assign = useAssignSuggested(incident);

  const assignOne = (candidate: CandidateResponderDto) =>
    assign.mutate(candidate.id, {
      onSuccess: () => notification.success({ title: t('assignment.assignedDone', { name: candidate.name }) }),
      onError: notifyError,
    });

  return (
    <div className="candidate-suggestions" data-testid="candidate-suggestions">
      <div className="assignment-block__heading">{t('assignment.suggestions')}</div>
      <div className="muted assignment-block__hint">{t('assignment.suggestionsHint')}</div>
      {candidates.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
      {candidates.isSuccess && candidates.data.length === 0 && <Alert type="warning" showIcon title={t('assignment.noSuggestions')} />}
      {(candidates.data ?? []).map((candidate) => {
        const assigned = candidate.assigned || incident.responders.some((responder) => responder.id === candidate.id);
        return (
          <div key={candidate.id} className="candidate-row" data-testid="candidate-row" data-responder-id={candidate.id}>
            <span className="candidate-row__rank">{candidate.rank}</span>
            <div className="candidate-row__who">
              <strong>{candidate.name}</strong>
              <span className="muted">
                {candidate.phone} · {candidate.clusterName}
              </span>
              <span className="candidate-row__reasons">
                {candidate.reasons.map((reason) => (
                  <Tag key={reason.code} color={GOOD_REASONS.has(reason.code) ? 'green' : undefined}>
                    {reasonText(t, reason)}
                  </Tag>
                ))}
              </span>
            </div>
            <Button
              type={assigned ? 'default' : 'primary'}
              disabled={assigned || assign.isPending}
              loading={assign.isPending && assign.variables === candidate.id}
              onClick={() => assignOne(candidate)}
              aria-label={t('assignment.assignOneLabel', { name: candidate.name })}
              data-testid="candidate-assign"
            >
              {assigned ? t('assignment.alreadyAssigned') : t('assignment.assignOne')}
            </Button>
          </div>
        );
      })}
    </div>
  );
}
