import type { CommuneRefDto, OperatorCode, RoamingProposalDto, RoamingRequestDto } from '@netduty/contracts';
import { ROAMING_LIMITS } from '@netduty/contracts';
import { roamingRequestSteps, type RoamingRequestStep } from '@netduty/domain';
import { App, Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';
import { registerStrings } from '../../../i18n/register-strings';
import { formatDateTime } from '../../../lib/date-time';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useCan } from '../../auth/hooks/use-session';
import { Panel, PanelNote } from '../../dashboard/components/panel';
import { DeadlineCountdown } from '../../incidents/components/deadline-countdown';
import { useDismissRoamingProposal, useIssueRoamingRequest, useLiveRoamingRequests, useRoamingProposals, useRoamingRequestStep } from '../hooks/use-roaming';
import './roaming-panel.css';
import { roamingEn } from '../i18n/roaming.en';
import { roamingVi } from '../i18n/roaming.vi';

registerStrings(i18n, roamingVi, roamingEn);

function communeName(commune: CommuneRefDto): string {
  return commune.formerDistrict ? `${commune.name} (${commune.formerDistrict})` : commune.name;
}

function useOperatorName(): (code: OperatorCode) => string {
  const { t } = useTranslation();
  return (code) => t(`roaming.operators.${code}`);
}

/** "Dismiss" with its optional reason, inline: the panel is narrow on a phone, and a dialog would cover the proposals. */
function DismissProposal({ proposal }: { proposal: RoamingProposalDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const dismiss = useDismissRoamingProposal();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const testId = `roaming-dismiss-${proposal.commune.code}-${proposal.lostOperator}`;
  if (!open) {
    return (
      <Button size="small" onClick={() => setOpen(true)} data-testid={testId}>
        {t('roaming.dismiss')}
      </Button>
    );
  }
  const note = reason.trim();
  const submit = () =>
    dismiss.mutate(
      { communeCode: proposal.commune.code, lostOperator: proposal.lostOperator, ...(note ? { note } : {}) },
      { onSuccess: () => void message.success(t('roaming.dismissedToast')), onError: notifyError },
    );
  return (
    <div className="dash-roaming__dismiss">
      <Input
        size="small"
        value={reason}
        maxLength={ROAMING_LIMITS.noteMaxLength}
        placeholder={t('roaming.dismissReason')}
        aria-label={t('roaming.dismissReason')}
        onChange={(event) => setReason(event.target.value)}
        onPressEnter={submit}
        data-testid={`${testId}-reason`}
      />
      <Button size="small" danger loading={dismiss.isPending} onClick={submit} data-testid={`${testId}-confirm`}>
        {t('roaming.dismissConfirm')}
      </Button>
      <Button size="small" type="text" disabled={dismiss.isPending} onClick={() => setOpen(false)}>
        {t('roaming.dismissCancel')}
      </Button>
    </div>
  );
}

function ProposalRow({ proposal, canAct }: { proposal: RoamingProposalDto; canAct: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const issue = useIssueRoamingRequest();
  const operator = useOperatorName();
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
            canAct ? (
              <Button key={host} size="small" type="primary" loading={issue.isPending && issue.variables.hostOperator === host} disabled={issue.isPending} onClick={() => issueTo(host)} data-testid={`roaming-issue-${proposal.commune.code}-${host}`}>
                {t('roaming.issue', { host: operator(host) })}
              </Button>
            ) : (
              <span key={host} className="dash-chip">
                {operator(host)}
              </span>
            ),
          )}
          {canAct && <DismissProposal proposal={proposal} />}
        </div>
      )}
    </li>
  );
}

function RequestRow({ request, canAct, backOnAir }: { request: RoamingRequestDto; canAct: boolean; backOnAir: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const step = useRoamingRequestStep();
  const operator = useOperatorName();
  const take = (next: RoamingRequestStep) =>
    step.mutate({ id: request.id, step: next }, { onSuccess: () => void message.success(t(`roaming.stepToasts.${next}`)), onError: notifyError });
  const steps = canAct ? roamingRequestSteps(request.status) : [];
  return (
    <li className="dash-roaming__row" data-testid={`roaming-request-${request.id}`} data-status={request.status}>
      <div className="dash-roaming__line">
        <span>
          {t('roaming.request', { lost: operator(request.lostOperator), host: request.hostOperator ? operator(request.hostOperator) : '—', commune: communeName(request.commune) })}
        </span>
        <span className={`dash-chip dash-roaming__status dash-roaming__status--${request.status}`} data-testid="roaming-request-status">
          {t(`roaming.status.${request.status}`)}
        </span>
      </div>
      {request.status === 'issued' && request.issuedAt && request.deadlineAt && (
        <div className="dash-roaming__line">
          <span>{t('roaming.requestDeadline')}</span>
          <DeadlineCountdown deadline={{ kind: 'restore', startsAt: request.issuedAt, dueAt: request.deadlineAt }} showKind={false} />
        </div>
      )}
      {request.issuedAt && (
        <div className="muted">{t('roaming.requestIssuedBy', { time: formatDateTime(request.issuedAt), name: request.issuedByName ?? '—' })}</div>
      )}
      {backOnAir && <div className="dash-roaming__back">{t('roaming.requestBackOnAir', { lost: operator(request.lostOperator) })}</div>}
      {steps.length > 0 && (
        <div className="dash-roaming__hosts">
          {steps.map((next) => (
            <Button
              key={next}
              size="small"
              type={next === 'in_effect' ? 'primary' : 'default'}
              loading={step.isPending && step.variables.step === next}
              disabled={step.isPending}
              onClick={() => take(next)}
              data-testid={`roaming-step-${next}`}
            >
              {t(`roaming.steps.${next}`)}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}

/**
 * Chuyển vùng nội địa: communes where an operator lost every BTS while another still serves, with the
 * duty officer's "issue roaming request" per host operator (the 30-minute deadline then runs as an
 * incident's) or "dismiss"; then the live requests, with their countdown, "roaming in effect" and "end".
 * The actions are the on-duty group's (incident.escalate); leadership reads the same panel without them.
 */
export function RoamingPanel() {
  const { t } = useTranslation();
  const canAct = useCan('incident.escalate');
  const { data } = useRoamingProposals();
  const requests = useLiveRoamingRequests();
  if (!data) return null;
  const backOnAir = new Set(data.noLongerNeeded.map((request) => request.id));
  const live = requests.data ?? [];
  return (
    <Panel title={t('roaming.title')} testId="panel-roaming" className="dash-panel--roaming">
      {data.proposals.length === 0 ? (
        <PanelNote>{t('roaming.none')}</PanelNote>
      ) : (
        <ul className="dash-roaming">
          {data.proposals.map((proposal) => (
            <ProposalRow key={`${proposal.commune.code}-${proposal.lostOperator}`} proposal={proposal} canAct={canAct} />
          ))}
        </ul>
      )}
      {data.withoutHost.length > 0 && (
        <PanelNote>
          {t('roaming.withoutHost')} {data.withoutHost.map((entry) => communeName(entry.commune)).join(', ')}
        </PanelNote>
      )}
      {live.length > 0 && (
        <section className="dash-roaming__requests" aria-label={t('roaming.requestsTitle')} data-testid="roaming-requests">
          <h3 className="dash-roaming__subtitle">{t('roaming.requestsTitle')}</h3>
          <ul className="dash-roaming">
            {live.map((request) => (
              <RequestRow key={request.id} request={request} canAct={canAct} backOnAir={backOnAir.has(request.id)} />
            ))}
          </ul>
        </section>
      )}
    </Panel>
  );
}
