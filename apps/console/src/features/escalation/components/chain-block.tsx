import type { ChainStatusDto, EscalationDto, EscalationPolicyDto, IncidentDetailDto, RecipientRule } from '@netduty/contracts';
import { ESCALATION_POLICY_LIMITS } from '@netduty/contracts';
import { formatCountdown } from '@netduty/domain';
import { Button, Skeleton, Space, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';
import { registerOnDutyStrings } from '../../../i18n/register-on-duty-strings';
import { formatDateTime } from '../../../lib/date-time';
import { useNow } from '../../../lib/use-now';
import { useCan } from '../../auth/hooks/use-session';
import { useChainStatus, useEscalationPolicies, type ChainChange } from '../hooks/use-escalation';
import { deEscalationTargets, escalationTargets, policyOfIncident } from '../lib/chain-levels';
import { ChainChangeModal } from './chain-change-modal';
import './chain-block.css';

registerOnDutyStrings(i18n);

const STATE_COLOR: Readonly<Record<ChainStatusDto['state'], string>> = {
  waiting: 'blue',
  running: 'orange',
  stopped: 'default',
  exhausted: 'red',
};

/** "Cấp 2 — trưởng cụm, ca trực" from the policy's recipients of that level. */
function levelLabel(t: TFunction, policy: EscalationPolicyDto | null, level: number): string {
  const rules: readonly RecipientRule[] = policy?.levels[level - 1]?.recipients ?? [];
  const kinds = [...new Set(rules.map((rule) => (rule.kind === 'role' ? t(`role.${rule.role}`) : t(`chain.recipientKind.${rule.kind}`))))];
  return kinds.length > 0 ? t('chain.levelWith', { level, who: kinds.join(', ') }) : t('chain.level', { level });
}

function NextLevelCountdown({ status }: { status: ChainStatusDto }) {
  const { t } = useTranslation();
  const now = useNow();
  if (status.nextLevel === null || status.nextDueAt === null) return null;
  const seconds = Math.max(0, (Date.parse(status.nextDueAt) - now) / 1000);
  return (
    <span className="chain-block__next" data-testid="chain-countdown">
      {t('chain.nextIn', { level: status.nextLevel, time: formatCountdown(seconds) })}
    </span>
  );
}

function ChainStep({ step }: { step: EscalationDto }) {
  const { t } = useTranslation();
  return (
    <li className="chain-step" data-testid="chain-step" data-step-level={step.chainLevel}>
      <div className="chain-step__head">
        <strong>{t('chain.stepTitle', { level: step.chainLevel })}</strong>
        {step.round > 1 && <span className="muted"> · {t('chain.round', { round: step.round })}</span>}
        <span className="muted"> · {t(`deadlineKind.${step.kind}`)} · {formatDateTime(step.firedAt, 'DD/MM HH:mm:ss')}</span>
        {step.manual && (
          <Tag color="volcano" className="chain-step__manual">
            {t('chain.manual')}
          </Tag>
        )}
      </div>
      {step.reason && <div className="chain-step__reason">{t('chain.reasonLine', { reason: step.reason })}</div>}
      <div className="chain-step__recipients">
        {step.recipients.length > 0 ? (
          step.recipients.map((recipient) => (
            <Tag key={recipient.userId} className="chain-step__recipient">
              {recipient.displayName}
            </Tag>
          ))
        ) : (
          <span className="muted">{t('chain.nobodyReached')}</span>
        )}
      </div>
    </li>
  );
}

/**
 * "Chuỗi chuyển cấp" in the incident's detail: where the chain stands, the next level's countdown, the
 * steps fired and who each reached; for duty officers, escalate now and de-escalate (reason required).
 */
export function ChainBlock({ incident }: { incident: IncidentDetailDto }) {
  const { t } = useTranslation();
  const chain = useChainStatus(incident.id);
  const canEscalate = useCan('incident.escalate');
  const canReadPolicies = useCan('sla.read');
  const policies = useEscalationPolicies(canEscalate && canReadPolicies);
  const [direction, setDirection] = useState<ChainChange['direction'] | null>(null);
  const policy = useMemo(() => (policies.data ? policyOfIncident(policies.data, incident) : null), [policies.data, incident]);
  const steps = useMemo(() => [...incident.escalations].sort((a, b) => Date.parse(a.firedAt) - Date.parse(b.firedAt)), [incident.escalations]);
  const status = chain.data;
  // Without the policy (not readable, or none applies) every level is offered and the api says which exist.
  const levelCount = policy?.levels.length ?? ESCALATION_POLICY_LIMITS.maxLevels;
  const current = status?.currentLevel ?? null;
  const up = escalationTargets(levelCount, current).map((level) => ({ value: level, label: levelLabel(t, policy, level) }));
  const down = deEscalationTargets(levelCount, current).map((level) => ({ value: level, label: levelLabel(t, policy, level) }));
  const live = status !== undefined && (status.state === 'waiting' || status.state === 'running');

  return (
    <section className="chain-block" data-testid="chain-block" aria-label={t('chain.title')}>
      {chain.isLoading && <Skeleton active title={false} paragraph={{ rows: 2 }} />}
      {status && (
        <div className="chain-block__status">
          <Space wrap size={[8, 4]}>
            <Tag color={STATE_COLOR[status.state]} data-testid="chain-state">
              {t(`chain.state.${status.state}`)}
            </Tag>
            <span data-testid="chain-current-level">
              {status.currentLevel === null ? t('chain.noLevelYet') : t('chain.currentLevel', { level: status.currentLevel })}
            </span>
            <NextLevelCountdown status={status} />
          </Space>
        </div>
      )}
      {chain.isError && <div className="muted">{t('chain.unavailable')}</div>}
      {steps.length > 0 ? (
        <ol className="chain-steps" data-testid="chain-steps">
          {steps.map((step) => (
            <ChainStep key={step.id} step={step} />
          ))}
        </ol>
      ) : (
        <div className="muted chain-block__empty">{t('chain.noSteps')}</div>
      )}
      {canEscalate && live && (
        <Space wrap className="chain-block__actions">
          <Button danger size="small" disabled={up.length === 0} onClick={() => setDirection('escalate')} data-testid="chain-escalate">
            {t('chain.escalateNow')}
          </Button>
          <Button size="small" disabled={down.length === 0} onClick={() => setDirection('de-escalate')} data-testid="chain-de-escalate">
            {t('chain.deEscalate')}
          </Button>
        </Space>
      )}
      <ChainChangeModal
        incidentId={incident.id}
        reference={incident.reference}
        direction={direction}
        levels={direction === 'de-escalate' ? down : up}
        onClose={() => setDirection(null)}
      />
    </section>
  );
}
