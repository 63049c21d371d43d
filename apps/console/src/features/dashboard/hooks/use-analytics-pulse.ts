import { ANALYTICS_PULSE_MS } from '@netduty/contracts';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useContext, useEffect } from 'react';
import type { NetDutySocket } from '../../../lib/socket-client';
import { LiveConnectionContext } from '../../connection/hooks/live-connection-context';
import { analyticsKeys } from '../api/analytics.api';
import { throttle } from '../lib/throttle';

/**
 * At most one refetch every 2 s: the server already batches its pulses (one per `ANALYTICS_PULSE_MS`
 * at most), but in a storm that would still be two refetches of every figure a second on every screen.
 */
export const ANALYTICS_REFETCH_MS = 4 * ANALYTICS_PULSE_MS;

/**
 * Refetches the queries under `queryKey` (the dashboard's figures by default) on every
 * `analytics.changed` pulse of `socket`, throttled, and after a reconnect those that went stale meanwhile.
 */
export function useAnalyticsPulse(socket: NetDutySocket | null, queryKey: QueryKey = analyticsKeys.all): void {
  const queryClient = useQueryClient();
  // A key written inline by the caller is a new array on every render: follow its content.
  const keyText = JSON.stringify(queryKey);
  useEffect(() => {
    if (!socket) return undefined;
    const key = JSON.parse(keyText) as QueryKey;
    const refetch = throttle(() => void queryClient.invalidateQueries({ queryKey: key }), ANALYTICS_REFETCH_MS);
    const onPulse = () => refetch.call();
    const onReconnect = () => void queryClient.refetchQueries({ queryKey: key, type: 'active', stale: true });
    socket.on('analytics.changed', onPulse);
    socket.on('connect', onReconnect);
    return () => {
      refetch.cancel();
      socket.off('analytics.changed', onPulse);
      socket.off('connect', onReconnect);
    };
  }, [socket, queryClient, keyText]);
}

/** Inside the shell (/dashboard, the map): the pulse arrives on the console's own socket. */
export function useConsoleAnalyticsPulse(queryKey: QueryKey = analyticsKeys.all): void {
  useAnalyticsPulse(useContext(LiveConnectionContext).socket, queryKey);
}
