import type { IncidentDto, IncidentEscalatedPayload } from '@netduty/contracts';
import { App } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { LiveConnectionContext } from '../features/connection/hooks/live-connection-context';
import { useLiveIncidentUpdates } from '../features/connection/hooks/use-live-incident-updates';
import { useCan, useCurrentUser } from '../features/auth/hooks/use-session';
import { AlertsContext, type ConsoleAlerts } from '../features/alerts/hooks/alerts-context';
import { useAlertSoundLoop } from '../features/alerts/hooks/use-alert-sound-loop';
import { escalationAlert, newIncidentAlert } from '../features/alerts/lib/alert-rules';
import { AlertSound } from '../features/alerts/lib/alert-sound';
import { AlertStore } from '../features/alerts/lib/alert-store';
import { ticker } from '../lib/ticker';

function consoleStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Connects the socket for the logged-in console, raises a notification on every escalation, and the
 * console's alerts (sound and flash) for a new critical or P0 incident and an escalation addressed to
 * the user's role. The alerts live as long as this session's console: the next user starts with none.
 */
export function LiveUpdates({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [alerts] = useState<ConsoleAlerts>(() => ({ store: new AlertStore(consoleStorage()), sound: new AlertSound() }));
  useAlertSoundLoop(alerts.store, alerts.sound);

  const onEscalated = useCallback(
    (payload: IncidentEscalatedPayload) => {
      const { incident, escalation } = payload;
      if (user) {
        const alert = escalationAlert(payload, user, ticker.now());
        if (alert) alerts.store.raise(alert);
      }
      const key = `escalation-${incident.id}`;
      notification.warning({
        key,
        title: t('escalation.notificationTitle', { reference: incident.reference, level: escalation.chainLevel }),
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
    [notification, t, navigate, user, alerts],
  );

  const onCreated = useCallback(
    (incident: IncidentDto) => {
      const alert = newIncidentAlert(incident, ticker.now());
      if (alert) alerts.store.raise(alert);
    },
    [alerts],
  );

  const handlers = useMemo(() => ({ onCreated, onEscalated }), [onCreated, onEscalated]);
  // Only incident readers get incident events; the others have no board to keep current.
  const connection = useLiveIncidentUpdates(useCan('incident.read'), handlers);
  return (
    <AlertsContext.Provider value={alerts}>
      <LiveConnectionContext.Provider value={connection}>{children}</LiveConnectionContext.Provider>
    </AlertsContext.Provider>
  );
}
