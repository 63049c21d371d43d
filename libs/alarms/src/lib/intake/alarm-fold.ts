import type { AlarmState, PerceivedSeverity } from '@netduty/contracts';
import type { AlarmAttributes, AlarmValues, ChangeOutcome } from './alarm-change';

/** A queued change with its site resolved (siteId) and its place in arrival order. */
export interface ResolvedChange {
  kind: 'create' | 'update';
  attributes: Omit<AlarmAttributes, 'siteCode'>;
  siteId?: string;
  changedAt: Date;
  /** Arrival order in the batch: ties of changedAt keep it. */
  sequence: number;
}

export interface FoldedEvent {
  state: AlarmState;
  perceivedSeverity: PerceivedSeverity;
  occurredAt: Date;
}

export interface FoldResult {
  /** The values to write, or null when no change altered the stored alarm. */
  row: AlarmValues | null;
  /** One per accepted change that moved the state or the severity (or made the alarm), in order. */
  events: FoldedEvent[];
  /** Per change, by its sequence. A change `update` of an alarm not stored has none (the caller refuses it). */
  outcomes: Map<number, ChangeOutcome>;
}

const REQUIRED_TO_CREATE = ['state', 'alarmType', 'perceivedSeverity', 'probableCause', 'alarmRaisedTime'] as const;

/** JSON with object keys sorted: jsonb hands keys back in its own order, which is no change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function sameValues(a: AlarmValues, b: AlarmValues): boolean {
  return canonical(a) === canonical(b);
}

/** One change applied over the alarm as it stands (null: not stored yet), or null when it cannot apply. */
function applyChange(current: AlarmValues | null, change: ResolvedChange, operatorCode: AlarmValues['operatorCode']): AlarmValues | null {
  const given = change.attributes;
  if (!current) {
    if (change.kind !== 'create' || !change.siteId || REQUIRED_TO_CREATE.some((name) => given[name] === undefined)) return null;
  }
  const base: AlarmValues = current ?? {
    operatorCode,
    siteId: change.siteId ?? '',
    state: 'raised',
    alarmType: '',
    perceivedSeverity: 'indeterminate',
    probableCause: '',
    specificProblem: null,
    alarmRaisedTime: change.changedAt,
    alarmChangedTime: change.changedAt,
    alarmClearedTime: null,
    ackState: 'unacknowledged',
    ackUserId: null,
    ackSystemId: null,
    plannedOutageIndicator: false,
    clearedWithoutRaise: false,
    comments: [],
    details: {},
  };
  const next: AlarmValues = {
    ...base,
    ...definedOnly(given),
    operatorCode,
    siteId: change.siteId ?? base.siteId,
    details: given.details ? { ...base.details, ...given.details } : base.details,
    alarmChangedTime: change.changedAt,
  };
  // A cleared alarm's severity is 'cleared' (TMF642); either one saying so clears it.
  if (next.state === 'cleared' || next.perceivedSeverity === 'cleared') {
    next.state = 'cleared';
    next.perceivedSeverity = 'cleared';
    next.alarmClearedTime = given.alarmClearedTime ?? (current?.state === 'cleared' ? current.alarmClearedTime : null) ?? change.changedAt;
  } else {
    // Raised again after a clear: no longer cleared.
    next.alarmClearedTime = null;
  }
  next.clearedWithoutRaise = current ? current.clearedWithoutRaise : next.state === 'cleared';
  return next;
}

function definedOnly(attributes: ResolvedChange['attributes']): Partial<AlarmValues> {
  const defined: Partial<AlarmValues> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && name !== 'details') (defined as Record<string, unknown>)[name] = value;
  }
  return defined;
}

/**
 * Folds every change a batch holds for one alarm onto its stored values, oldest change first, because
 * one INSERT … ON CONFLICT cannot touch a row twice. A change older than the alarm as it then stands
 * (alarmChangedTime) is stale and changes nothing, so a retry or a late, out-of-order change never
 * overwrites a newer one; a change with the same time applies again (an identical retry then alters
 * nothing). An event is kept for each accepted change that made the alarm or moved its state or its
 * perceived severity — what the worker acts on.
 */
export function foldAlarmChanges(prior: AlarmValues | null, changes: readonly ResolvedChange[], operatorCode: AlarmValues['operatorCode']): FoldResult {
  const ordered = [...changes].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime() || a.sequence - b.sequence);
  const outcomes = new Map<number, ChangeOutcome>();
  const events: FoldedEvent[] = [];
  let current = prior;
  let dirty = false;
  for (const change of ordered) {
    if (current && change.changedAt.getTime() < current.alarmChangedTime.getTime()) {
      outcomes.set(change.sequence, 'stale');
      continue;
    }
    const next = applyChange(current, change, operatorCode);
    if (!next) continue;
    if (!current || current.state !== next.state || current.perceivedSeverity !== next.perceivedSeverity) {
      events.push({ state: next.state, perceivedSeverity: next.perceivedSeverity, occurredAt: change.changedAt });
    }
    const outcome: ChangeOutcome = !current ? 'created' : sameValues(current, next) ? 'unchanged' : 'updated';
    outcomes.set(change.sequence, outcome);
    if (outcome !== 'unchanged') dirty = true;
    current = next;
  }
  return { row: dirty ? current : null, events, outcomes };
}
