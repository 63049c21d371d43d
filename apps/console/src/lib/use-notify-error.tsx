import type { IncidentAction, IncidentStatus } from '@netduty/contracts';
import { INCIDENT_ACTIONS, INCIDENT_STATUSES, isApiErrorCode } from '@netduty/contracts';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client';
import { describeFieldProblem } from './field-problem';

function isStatus(value: unknown): value is IncidentStatus {
  return typeof value === 'string' && (INCIDENT_STATUSES as readonly string[]).includes(value);
}

function isAction(value: unknown): value is IncidentAction {
  return typeof value === 'string' && (INCIDENT_ACTIONS as readonly string[]).includes(value);
}

/**
 * Shows an api failure as a notification: the error code and each field problem worded by the console
 * (i18next, from codes and parameters — never by reading the server's sentence), and for a refused
 * transition (409) the current status and what is still allowed.
 */
export function useNotifyError(): (error: unknown) => void {
  const { notification } = App.useApp();
  const { t } = useTranslation();

  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) {
        notification.error({ title: t('errors.title'), description: error instanceof Error ? error.message : String(error) });
        return;
      }
      const { body } = error;
      const lines: string[] = [];
      for (const problem of body.fields ?? []) {
        lines.push(t('errors.fieldProblem', { field: problem.field, problems: describeFieldProblem(t, problem) }));
      }
      const currentStatus = body.details?.['currentStatus'];
      const allowed = body.details?.['allowedActions'];
      if (body.code === 'invalid_transition' && isStatus(currentStatus)) {
        const actions = Array.isArray(allowed) ? allowed.filter(isAction).map((action) => t(`actions.${action}`)) : [];
        lines.push(
          t('errors.invalidTransition', {
            status: t(`status.${currentStatus}`),
            actions: actions.length > 0 ? actions.join(', ') : t('errors.noActions'),
          }),
        );
      }
      // A code this console does not know yet (a newer api) falls back to the api's own words.
      const title = isApiErrorCode(body.code) ? t(`errors.code.${body.code}`) : body.message || t('errors.title');
      notification.error({
        title,
        description:
          lines.length > 0 ? (
            <ul className="error-lines">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : undefined,
        props: { 'data-testid': 'error-notification' },
      });
    },
    [notification, t],
  );
}
