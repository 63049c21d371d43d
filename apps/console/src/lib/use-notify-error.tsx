import type { IncidentAction, IncidentStatus } from '@netduty/contracts';
import { INCIDENT_ACTIONS, INCIDENT_STATUSES } from '@netduty/contracts';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessageKey } from '../features/auth/lib/password-policy';
import { isApiError } from './api-client';

function isStatus(value: unknown): value is IncidentStatus {
  return typeof value === 'string' && (INCIDENT_STATUSES as readonly string[]).includes(value);
}

function isAction(value: unknown): value is IncidentAction {
  return typeof value === 'string' && (INCIDENT_ACTIONS as readonly string[]).includes(value);
}

/** Error codes the console words itself (the api's own message is kept as the detail). */
const TRANSLATED_CODES = ['forbidden', 'not_authenticated', 'password_change_required', 'too_many_requests', 'account_locked'] as const;
type TranslatedCode = (typeof TRANSLATED_CODES)[number];

function isTranslatedCode(code: string): code is TranslatedCode {
  return (TRANSLATED_CODES as readonly string[]).includes(code);
}

/**
 * Shows an api failure as a notification: the server's message (or the console's own words for the
 * access errors: forbidden, session ended…), each field problem on its own line, and for a refused
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
      for (const field of body.fields ?? []) {
        const problems = field.problems.map((problem) => {
          const key = problemMessageKey(problem);
          return key ? t(key) : problem;
        });
        lines.push(t('errors.fieldProblem', { field: field.field, problems: problems.join('; ') }));
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
      const title = isTranslatedCode(body.code) ? t(`errors.code.${body.code}`) : body.message || t('errors.title');
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
