import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLiveConnectionStatus } from '../../connection/hooks/live-connection-context';
import { apiRequest } from '../../../lib/api-client';
import type { CurrentEventPeriods } from '../lib/event-banner';

export const EVENT_POLL_MS = 60_000;

/** Shared with the admin tab's writes, which invalidate it so the banner follows at once. */
export const CURRENT_EVENT_PERIODS_KEY = ['event-periods', 'current'] as const;

/**
 * The period in force and the next one, for the shell's banner: polled every minute and on every
 * reconnect. In the first load, so it holds only this (the admin hooks are in use-event-periods.ts).
 */
export function useCurrentEventPeriods() {
  const query = useQuery({
    queryKey: CURRENT_EVENT_PERIODS_KEY,
    queryFn: ({ signal }) => apiRequest<CurrentEventPeriods>('/event-periods/current', { signal }),
    refetchInterval: EVENT_POLL_MS,
    staleTime: EVENT_POLL_MS / 2,
  });
  const status = useLiveConnectionStatus();
  const previous = useRef(status);
  const { refetch } = query;
  useEffect(() => {
    // Back from a drop: the period may have started or been changed while the console was away.
    if (status === 'live' && previous.current !== 'live' && previous.current !== 'connecting') void refetch();
    previous.current = status;
  }, [status, refetch]);
  return query;
}
