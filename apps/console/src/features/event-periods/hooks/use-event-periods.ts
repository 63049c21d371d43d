import type { EventPeriodDefinition } from '@netduty/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createEventPeriod, eventPeriodKeys, fetchEventPeriods, replaceEventPeriod } from '../api/event-periods.api';

export function useEventPeriods() {
  return useQuery({ queryKey: eventPeriodKeys.list(), queryFn: ({ signal }) => fetchEventPeriods(signal) });
}

export function useSaveEventPeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, definition }: { id: string | null; definition: EventPeriodDefinition }) =>
      id === null ? createEventPeriod(definition) : replaceEventPeriod(id, definition),
    // Both the list and the shell's banner (['event-periods', 'current']) follow at once, not at the next poll.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: eventPeriodKeys.all }),
  });
}
