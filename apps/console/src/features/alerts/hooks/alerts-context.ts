import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AlertSound, AlertSoundState } from '../lib/alert-sound';
import type { AlertSnapshot, AlertStore } from '../lib/alert-store';

export interface ConsoleAlerts {
  store: AlertStore;
  sound: AlertSound;
}

export const AlertsContext = createContext<ConsoleAlerts | null>(null);

/** The banner's element id: the header's count moves the focus there. */
export const ALERT_BANNER_ID = 'console-alerts';

const NO_ALERTS: AlertSnapshot = { unseen: [], alertingIncidentIds: new Set(), muted: false };
const noop = () => () => undefined;

export function useConsoleAlerts(): ConsoleAlerts | null {
  return useContext(AlertsContext);
}

/** The unseen alerts and the mute setting (nothing outside a logged-in console). */
export function useAlertSnapshot(): AlertSnapshot {
  const alerts = useContext(AlertsContext);
  return useSyncExternalStore(alerts?.store.subscribe ?? noop, alerts?.store.getSnapshot ?? (() => NO_ALERTS));
}

export function useAlertSoundState(): AlertSoundState {
  const alerts = useContext(AlertsContext);
  return useSyncExternalStore(alerts?.sound.subscribe ?? noop, alerts?.sound.getState ?? (() => 'unsupported' as const));
}
