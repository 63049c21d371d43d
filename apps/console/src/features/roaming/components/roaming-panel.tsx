import type { CommuneRefDto, OperatorCode, RoamingProposalDto } from '@netduty/contracts';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';
import { registerStrings } from '../../../i18n/register-strings';
import { formatDateTime } from '../../../lib/date-time';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useCan } from '../../auth/hooks/use-session';
import { Panel, PanelNote } from '../../dashboard/components/panel';
import { useIssueRoamingRequest, useRoamingProposals } from '../hooks/use-roaming';
import './roaming-panel.css';
import { roamingEn } from '../i18n/roaming.en';
import { roamingVi } from '../i18n/roaming.vi';

registerStrings(i18n, roamingVi, roamingEn);

function communeName(commune: CommuneRefDto): string {
  return commune.formerDistrict ? `${commune.name} (${commune.formerDistrict})` : commune.name;
}

function ProposalRow({ proposal, canIssue }: { proposal: RoamingProposalDto; canIssue: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const issue = useIssueRoamingRequest();
  const operator = (code: OperatorCode) => t(`roaming.operators.${code}`);
  const { request } = proposal;
  const issueTo = (host: OperatorCode) =>
    issue.mutate(
      { communeCode: proposal.commune.code, lostOperator: proposal.lostOperator, hostOperator: host },
      { onSuccess: () => void message.success(t('roaming.issuedToast')), onError: notifyError },
    );
  return (
    <li className="dash-roaming__row" data-commune={proposal.commune.code} data-operator={proposal.lostOperator}>
      <div>{t('roaming.proposal', { lost: operator(proposal.lostOperator), count: proposal.sitesDown, commune: communeName(proposal.commune) })}</div>
      {request?.hostOperator ? (
        <div className="dash-roaming__request" data-testid="roaming-request">
          {request.status === 'in_effect'
            ? t('roaming.inEffect', { host: operator(request.hostOperator) })
            : t('roaming.issued', { host: operator(request.hostOperator), deadline: formatDateTime(request.deadlineAt) })}
        </div>
      ) : (
        <div className="dash-roaming__hosts">
          <span>{t('roaming.hosts')}</span>{' '}
          {proposal.hostOperators.map((host) =>
            canIssue ? (
              <Button key={host} size="small" type="primary" loading={issue.isPending && issue.variables.hostOperator === host} disabled={issue.isPending} onClick={() => issueTo(host)} data-testid={`roaming-issue-${proposal.commune.code}-${host}`}>
                {t('roaming.issue', { host: operator(host) })}
              </Button>
            ) : (
              <span key={host} className="dash-chip">
                {operator(host)}
              </span>
            ),
          )}
        </div>
      )}
    </li>
  );
}

/**
 * Chuyển vùng nội địa: communes where an operator lost every BTS while another still serves, with the
 * duty officer's "issue roaming request" per host operator (the 30-minute deadline then runs as an incident's).
 */
export function RoamingPanel() {
  const { t } = useTranslation();
  const canIssue = useCan('incident.escalate');
  const { data } = useRoamingProposals();
  if (!data) return null;
  return (
    <Panel title={t('roaming.title')} testId="panel-roaming" className="dash-panel--roaming">
      {data.proposals.length === 0 ? (
        <PanelNote>{t('roaming.none')}</PanelNote>
      ) : (
        <ul className="dash-roaming">
          {data.proposals.map((proposal) => (
            <ProposalRow key={`${proposal.commune.code}-${proposal.lostOperator}`} proposal={proposal} canIssue={canIssue} />
          ))}
        </ul>
      )}
      {data.withoutHost.length > 0 && (
        <PanelNote>
          {t('roaming.withoutHost')} {data.withoutHost.map((entry) => communeName(entry.commune)).join(', ')}
        </PanelNote>
      )}
    </Panel>
  );
}
