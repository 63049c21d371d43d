/** What one api process's intake has done since it started: for tests, logs and a future /metrics. */
export interface IntakeStats {
  /** Transactions that wrote a batch (one per flush that had something to write). */
  flushes: number;
  /** Changes accepted (created, updated, unchanged) and refused as older than the stored alarm. */
  changesAccepted: number;
  staleChanges: number;
  alarmsWritten: number;
  eventsWritten: number;
  /** Clears of alarms never raised, stored with cleared_without_raise. */
  clearedWithoutRaise: number;
  /** Changes refused with 429 because the process already held ALARM_INTAKE_MAX_PENDING. */
  refusedSaturated: number;
  largestBatch: number;
  /** Waiting now, queued or in the flush under way. */
  pending: number;
}

export function emptyIntakeStats(): IntakeStats {
  return { flushes: 0, changesAccepted: 0, staleChanges: 0, alarmsWritten: 0, eventsWritten: 0, clearedWithoutRaise: 0, refusedSaturated: 0, largestBatch: 0, pending: 0 };
}
