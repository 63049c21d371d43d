import { CloseOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { INCIDENT_STATUSES, isApiErrorCode, type IncidentStatus } from '@netduty/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { acknowledgeIncident } from '../../incidents/api/incidents.api';
import { applyIncidentToCache } from '../../incidents/lib/apply-incident-to-cache';
import { acknowledgeEach, IdempotencyKeys, type BulkTarget } from '../lib/bulk-acknowledge';

interface BulkActionsBarProps {
  targets: BulkTarget[];
  /** The incidents that were acknowledged: the board unselects them; failures stay selected. */
  onAcknowledged: (ids: string[]) => void;
  onClear: () => void;
}

function isStatus(value: unknown): value is IncidentStatus {
  return typeof value === 'string' && (INCIDENT_STATUSES as readonly string[]).includes(value);
}

/** One failed row in the console's words: the error code's text, and the status for a refused transition. */
function describeFailure(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  const title = isApiErrorCode(error.code) ? t(`errors.code.${error.code}`) : error.message;
  const status = error.body.details?.['currentStatus'];
  return isStatus(status) && error.code === 'invalid_transition' ? `${title} (${t(`status.${status}`)})` : title;
}

/**
 * Acknowledges the selected incidents one by one through the per-incident endpoint, each with its own
 * Idempotency-Key (kept for a retry), and lists the ones that failed with the reason. Loaded when a
 * first row is selected.
 */
export function BulkActionsBar({ targets, onAcknowledged, onClear }: BulkActionsBarProps) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const queryClient = useQueryClient();
  const [keys] = useState(() => new IdempotencyKeys());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failures, setFailures] = useState<ReadonlyMap<string, { reference: string; reason: string }>>(new Map());

  const acknowledgeSelected = async () => {
    const total = targets.length;
    setProgress({ done: 0, total });
    const outcomes = await acknowledgeEach(targets, (target) => acknowledgeIncident(target.id, keys.keyFor(target.id)), {
      onSettled: (outcome, done) => {
        if (outcome.ok) applyIncidentToCache(queryClient, outcome.incident);
        setProgress({ done, total });
      },
    });
    const acknowledged: string[] = [];
    const failed = new Map<string, { reference: string; reason: string }>();
    for (const outcome of outcomes) {
      if (outcome.ok) {
        keys.forget(outcome.target.id);
        acknowledged.push(outcome.target.id);
      } else {
        failed.set(outcome.target.id, { reference: outcome.target.reference, reason: describeFailure(t, outcome.error) });
      }
    }
    setProgress(null);
    setFailures(failed);
    if (acknowledged.length > 0) notification.success({ title: t('bulk.done', { count: acknowledged.length }) });
    onAcknowledged(acknowledged);
  };

  const running = progress !== null;
  const shownFailures = [...failures.entries()].filter(([id]) => targets.some((target) => target.id === id));

  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk.selected', { count: targets.length })} data-testid="bulk-bar">
      <div className="bulk-bar__row">
        <strong data-testid="bulk-count">{t('bulk.selected', { count: targets.length })}</strong>
        <Button
          type="primary"
          icon={<UserSwitchOutlined />}
          loading={running}
          disabled={targets.length === 0}
          onClick={() => void acknowledgeSelected()}
          data-testid="bulk-acknowledge"
        >
          {running ? t('bulk.progress', { done: progress.done, total: progress.total }) : shownFailures.length > 0 ? t('bulk.retry') : t('bulk.acknowledge', { count: targets.length })}
        </Button>
        <Button icon={<CloseOutlined />} disabled={running} onClick={onClear} data-testid="bulk-clear">
          {t('bulk.clear')}
        </Button>
      </div>
      {shownFailures.length > 0 && (
        <div className="bulk-bar__failures" role="alert" data-testid="bulk-failures">
          <strong>{t('bulk.failed', { count: shownFailures.length })}</strong>
          <ul>
            {shownFailures.map(([id, failure]) => (
              <li key={id} data-testid="bulk-failure" data-reference={failure.reference}>
                <span className="reference">{failure.reference}</span>: {failure.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
