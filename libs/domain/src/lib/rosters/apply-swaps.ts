import type { Crew, ShiftOccurrence, ShiftSwap } from './roster';

/** The key of a rotation occurrence: its template and scheduled start. */
export function occurrenceKey(templateId: string, scheduledStartsAt: Date): string {
  return `${templateId}@${scheduledStartsAt.getTime()}`;
}

/**
 * The crew after one swap: the incoming person takes the outgoing one's place, as lead too if the
 * outgoing was lead. A swap whose outgoing person is not in the crew changes nothing (rosterProblems
 * refuses it); an incoming person already in the crew is not listed twice.
 */
export function swapCrew(crew: Crew, swap: Pick<ShiftSwap, 'outgoingUserId' | 'incomingUserId'>): Crew {
  if (!crew.memberIds.includes(swap.outgoingUserId)) return crew;
  const memberIds: string[] = [];
  for (const memberId of crew.memberIds) {
    const replaced = memberId === swap.outgoingUserId ? swap.incomingUserId : memberId;
    if (!memberIds.includes(replaced)) memberIds.push(replaced);
  }
  return { memberIds, leadId: crew.leadId === swap.outgoingUserId ? swap.incomingUserId : crew.leadId };
}

/** Applies the group's swaps, in their order, to the rotation occurrences they name. */
export function applySwaps(occurrences: ShiftOccurrence[], swaps: readonly ShiftSwap[]): ShiftOccurrence[] {
  if (swaps.length === 0) return occurrences;
  const swapsByOccurrence = new Map<string, ShiftSwap[]>();
  for (const swap of swaps) {
    const key = occurrenceKey(swap.templateId, swap.occurrenceStartsAt);
    swapsByOccurrence.set(key, [...(swapsByOccurrence.get(key) ?? []), swap]);
  }
  return occurrences.map((occurrence) => {
    if (occurrence.templateId === null || occurrence.scheduledStartsAt === null) return occurrence;
    const matching = swapsByOccurrence.get(occurrenceKey(occurrence.templateId, occurrence.scheduledStartsAt));
    if (!matching) return occurrence;
    const crew = matching.reduce<Crew>((current, swap) => swapCrew(current, swap), occurrence);
    return { ...occurrence, memberIds: [...crew.memberIds], leadId: crew.leadId };
  });
}
