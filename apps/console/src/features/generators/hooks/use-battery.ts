import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { batteryKeys, createDispatch, fetchCountdown, takeDispatchStep } from '../api/battery.api';

/** The estimates move with the alarms: read again every 30 s (the countdown itself ticks in the browser). */
const POLL_MS = 30_000;

export function useBatteryCountdown(enabled = true) {
  return useQuery({
    queryKey: batteryKeys.countdown,
    queryFn: ({ signal }) => fetchCountdown(signal),
    refetchInterval: POLL_MS,
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useDispatchMutation<A>(run: (argument: A) => ReturnType<typeof createDispatch>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => client.invalidateQueries({ queryKey: batteryKeys.all }) });
}

export const useCreateDispatch = () => useDispatchMutation(createDispatch);
export const useDispatchStep = () => useDispatchMutation(takeDispatchStep);
