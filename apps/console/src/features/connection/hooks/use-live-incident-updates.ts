import type { IncidentDto, IncidentEscalatedPayload } from '@netduty/contracts';
import { ServerEventLedger } from '@netduty/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { openNetDutySocket, type NetDutySocket } from '../../../lib/socket-client';
import { incidentKeys } from '../../incidents/api/incidents.api';
import { applyIncidentToCache } from '../../incidents/lib/apply-incident-to-cache';
import type { LiveConnection, LiveConnectionStatus } from './live-connection-context';
import { notificationKeys } from '../../notifications/api/notification-keys';

/**
 * Owns the console's one socket (kept open by `openNetDutySocket`). Events are written straight into
 * the query cache; every (re)connect refetches all incident queries too, and the handshake names the
 * last event applied so the api replays what was raised while away (an api restart): each event id is
 * applied once. The socket itself is returned too, for the areas that listen to more (the dashboard).
 */
export interface LiveIncidentHandlers {
  /** A newly reported incident, once per event (not for a replayed repeat). */
  onCreated?: (incident: IncidentDto) => void;
  onEscalated?: (payload: IncidentEscalatedPayload) => void;
}

export function useLiveIncidentUpdates(enabled: boolean, handlers: LiveIncidentHandlers = {}): LiveConnection {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveConnectionStatus>('connecting');
  const [socket, setSocket] = useState<NetDutySocket | null>(null);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  useEffect(() => {
    if (!enabled) return undefined;
    const ledger = new ServerEventLedger();
    return openNetDutySocket({
      lastEventId: () => ledger.lastEventId,
      onStatus: setStatus,
      listen: (opened) => {
        // Whatever was missed while away (an api restart) is refetched, besides the replay.
        opened.on('connect', () => void queryClient.invalidateQueries({ queryKey: incidentKeys.all }));
        // The console's alert is raised before the cache is touched: a failure there must not silence it.
        opened.on('incident.created', (incident, meta) => {
          if (!ledger.accept(meta)) return;
          handlersRef.current.onCreated?.(incident);
          applyIncidentToCache(queryClient, incident);
        });
        opened.on('incident.updated', (incident, meta) => {
          if (ledger.accept(meta)) applyIncidentToCache(queryClient, incident);
        });
        // A storm's batch from the alarm path: children of a mass-outage parent raise no alert of
        // their own (their parent does), everything else as if it came one by one.
        opened.on('incidents.batch', (batch, meta) => {
          if (!ledger.accept(meta)) return;
          for (const incident of batch.created) if (!incident.parentIncidentId) handlersRef.current.onCreated?.(incident);
          for (const incident of [...batch.created, ...batch.updated]) applyIncidentToCache(queryClient, incident);
        });
        opened.on('incident.escalated', (payload, meta) => {
          if (!ledger.accept(meta)) return;
          handlersRef.current.onEscalated?.(payload);
          applyIncidentToCache(queryClient, payload.incident);
        });
        // A new entry in this person's notification centre: the bell's count and the centre refetch.
        opened.on('notification.created', (_entry, meta) => {
          if (!ledger.accept(meta)) return;
          void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
        });
        setSocket(opened);
      },
    });
  }, [queryClient, enabled]);

  return useMemo(() => (enabled ? { status, socket } : { status: 'offline', socket: null }), [enabled, status, socket]);
}
