import type { IncidentDto, IncidentEscalatedPayload } from '@netduty/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ticker } from '../../../lib/ticker';
import { createNetDutySocket } from '../../../lib/socket-client';
import { incidentKeys } from '../../incidents/api/incidents.api';
import { applyIncidentToCache } from '../../incidents/lib/apply-incident-to-cache';
import type { LiveConnectionStatus } from './live-connection-context';

const CLOCK_SYNC_TIMEOUT_MS = 5000;

/**
 * Owns the console's one socket. Events are written straight into the query cache; every
 * (re)connect refetches all incident queries, because events sent while disconnected are lost.
 */
export function useLiveIncidentUpdates(onEscalated?: (payload: IncidentEscalatedPayload) => void): LiveConnectionStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveConnectionStatus>('connecting');
  const onEscalatedRef = useRef(onEscalated);
  useEffect(() => {
    onEscalatedRef.current = onEscalated;
  }, [onEscalated]);

  useEffect(() => {
    const socket = createNetDutySocket();
    const applyIncident = (incident: IncidentDto) => applyIncidentToCache(queryClient, incident);

    socket.on('connect', () => {
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
    socket.on('disconnect', () => setStatus(socket.active ? 'reconnecting' : 'offline'));
    socket.on('connect_error', () => setStatus(socket.active ? 'reconnecting' : 'offline'));
    socket.on('incident.created', applyIncident);
    socket.on('incident.updated', applyIncident);
    socket.on('incident.escalated', (payload) => {
      applyIncident(payload.incident);
      onEscalatedRef.current?.(payload);
    });

    socket.connect();
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [queryClient]);

  return status;
}
