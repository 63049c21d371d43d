import type { IncidentEscalatedPayload } from '@netduty/contracts';
import { App } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { LiveConnectionContext } from '../features/connection/hooks/live-connection-context';
import { useLiveIncidentUpdates } from '../features/connection/hooks/use-live-incident-updates';
import { useCan } from '../features/auth/hooks/use-session';

/** Connects the socket for the logged-in console and raises a notification on every escalation. */
export function LiveUpdates({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();

  const onEscalated = useCallback(
    ({ incident, escalation }: IncidentEscalatedPayload) => {
      const key = `escalation-${incident.id}`;
      notification.warning({
        key,
        title: t('escalation.notificationTitle', { reference: incident.reference, level: escalation.level }),
        description: t('escalation.notificationBody', {
          kind: t(`deadlineKind.${escalation.kind}`).toLowerCase(),
          site: `${incident.site.code} · ${incident.site.name}`,
        }),
        duration: 15,
        onClick: () => {
          notification.destroy(key);
          void navigate(`/incidents/${incident.id}`);
        },
      });
    },
    [notification, t, navigate],
  );

  // Only incident readers get incident events; the others have no board to keep current.
  const status = useLiveIncidentUpdates(useCan('incident.read'), onEscalated);
  return <LiveConnectionContext.Provider value={status}>{children}</LiveConnectionContext.Provider>;
}
