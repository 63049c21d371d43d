import type { IncidentDto, IncidentEscalatedPayload, ServerEventMeta } from '@netduty/contracts';
import { ServerEventLedger } from '@netduty/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { reconnectDelayMs } from '../../../lib/session/refresh-schedule';
import { session } from '../../../lib/session/session';
import { ticker } from '../../../lib/ticker';
import { createNetDutySocket } from '../../../lib/socket-client';
import { incidentKeys } from '../../incidents/api/incidents.api';
import { applyIncidentToCache } from '../../incidents/lib/apply-incident-to-cache';
import type { LiveConnectionStatus } from './live-connection-context';
import { notificationKeys } from '../../notifications/api/notifications.api';

const CLOCK_SYNC_TIMEOUT_MS = 5000;

/**
 * Owns the console's one socket. Events are written straight into the query cache; every
 * (re)connect refetches all incident queries too, and the handshake names the last event applied so
 * the api replays what was raised while away (an api restart): each event id is applied once.
 *
 * The server closes the socket when the access token expires, or when the user is disabled or their
 * role or scope changes, and refuses a handshake with a stale token. Either way the console refreshes
 * the token (the shared single-flight refresh) and connects again, backing off while it keeps failing;
 * a refused refresh ends the session and the console goes to the login page.
 */
export interface LiveIncidentHandlers {
  /** A newly reported incident, once per event (not for a replayed repeat). */
  onCreated?: (incident: IncidentDto) => void;
  onEscalated?: (payload: IncidentEscalatedPayload) => void;
}

export function useLiveIncidentUpdates(enabled: boolean, handlers: LiveIncidentHandlers = {}): LiveConnectionStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveConnectionStatus>('connecting');
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  useEffect(() => {
    if (!enabled) return undefined;
    /** The token the last handshake sent: when the server refuses or closes it, that one is spent. */
    let handshakeToken: string | null = null;
    const ledger = new ServerEventLedger();
    const socket = createNetDutySocket(
      () => (handshakeToken = session.accessToken()),
      () => ledger.lastEventId,
    );
    const applyIncident = (incident: IncidentDto, meta?: ServerEventMeta) => {
      if (ledger.accept(meta)) applyIncidentToCache(queryClient, incident);
    };
    let disposed = false;
    let attempts = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    /** Refresh the token, then connect again (after a back-off when this keeps happening). */
    const reconnectWithFreshToken = () => {
      if (disposed || retryTimer !== undefined) return;
      setStatus('reconnecting');
      retryTimer = setTimeout(() => {
        // The proactive refresh may already have replaced the spent token: then only make sure it is fresh.
        const refreshed = session.accessToken() !== handshakeToken ? session.ensureFresh() : session.refresh();
        refreshed.then(
          () => {
            retryTimer = undefined;
            if (!disposed) socket.connect();
          },
          () => {
            retryTimer = undefined;
            // A refused refresh has ended the session (the app leaves for /login and unmounts this);
            // a network failure leaves it standing: try again.
            if (!disposed && session.getSnapshot().status === 'authenticated') reconnectWithFreshToken();
          },
        );
      }, reconnectDelayMs(attempts++));
    };

    socket.on('connect', () => {
      attempts = 0;
      setStatus('live');
      void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      const sentAt = Date.now();
      // Countdowns follow the server's clock: a console whose clock is a minute off would otherwise
      // show a breach a minute early or late. Servers that do not answer simply leave the offset at 0.
      socket.timeout(CLOCK_SYNC_TIMEOUT_MS).emit('clock.sync', (error: Error | null, serverTimeIso?: string) => {
        if (error || !serverTimeIso) return;
        const serverMs = Date.parse(serverTimeIso);
        if (Number.isNaN(serverMs)) return;
        const receivedAt = Date.now();
        ticker.setOffset(serverMs - (sentAt + receivedAt) / 2);
      });
    });
    socket.on('disconnect', (reason) => {
      if (disposed) return;
      if (reason === 'io server disconnect') {
        // Closed by the server: token expired, account disabled, role or scope changed.
        reconnectWithFreshToken();
      } else {
        // A network drop: socket.io reconnects by itself; make sure the token it will send is fresh.
        setStatus(socket.active ? 'reconnecting' : 'offline');
        void session.ensureFresh();
      }
    });
    socket.on('connect_error', () => {
      if (disposed) return;
      // Active: a transport failure that socket.io retries by itself. Inactive: the server refused
      // the handshake (token expired or revoked), which only a fresh token can fix.
      if (socket.active) setStatus('reconnecting');
      else reconnectWithFreshToken();
    });
    // The console's alert is raised before the cache is touched: a failure there must not silence it.
    socket.on('incident.created', (incident, meta) => {
      if (!ledger.accept(meta)) return;
      handlersRef.current.onCreated?.(incident);
      applyIncidentToCache(queryClient, incident);
    });
    socket.on('incident.updated', applyIncident);
    socket.on('incident.escalated', (payload, meta) => {
      if (!ledger.accept(meta)) return;
      handlersRef.current.onEscalated?.(payload);
      applyIncidentToCache(queryClient, payload.incident);
    });
    // A new entry in this person's notification centre: the bell's count and the centre refetch.
    socket.on('notification.created', (_entry, meta) => {
      if (!ledger.accept(meta)) return;
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    });

    socket.connect();
    return () => {
      disposed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [queryClient, enabled]);

  return enabled ? status : 'offline';
}
