import type { PriorityTier, Severity } from '@netduty/contracts';

/** Why the console is calling for attention. */
export type ConsoleAlertKind = 'new_incident' | 'escalation';

export interface ConsoleAlert {
  /** One alert per cause: `new:<incident id>` or `escalation:<escalation id>`. */
  key: string;
  kind: ConsoleAlertKind;
  incidentId: string;
  reference: string;
  siteCode: string;
  siteName: string;
  severity: Severity;
  priority: PriorityTier;
  /** The escalation level, for an escalation. */
  level: number | null;
  raisedAtMs: number;
}

export interface AlertSnapshot {
  /** Not yet marked seen, newest first. */
  unseen: readonly ConsoleAlert[];
  /** Incidents with at least one unseen alert (their board rows flash). */
  alertingIncidentIds: ReadonlySet<string>;
  muted: boolean;
}

/** The part of localStorage the store uses (absent in private modes that refuse storage). */
export type AlertStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const ALERTS_MUTED_STORAGE_KEY = 'netduty.alerts.muted';

type Listener = () => void;
type RaiseListener = (alert: ConsoleAlert) => void;

/**
 * The console's alerts: raised by socket events, kept until the user marks them seen. Each cause raises
 * once — a replay after a reconnect, or the same escalation arriving twice, does not ring again, even
 * after it was seen. Muting is remembered per console (this browser's storage), not per user.
 */
export class AlertStore {
  private unseen: ConsoleAlert[] = [];
  private readonly known = new Set<string>();
  private readonly knownOrder: string[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly raiseListeners = new Set<RaiseListener>();
  private muted: boolean;
  private snapshot: AlertSnapshot;

  constructor(
    private readonly storage: AlertStorage | null,
    /** Causes remembered for de-duplication. */
    private readonly memory = 2000,
  ) {
    this.muted = readMuted(storage);
    this.snapshot = this.build();
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): AlertSnapshot => this.snapshot;

  /** Called for every newly raised alert (the sound); not for repeats. */
  onRaise(listener: RaiseListener): () => void {
    this.raiseListeners.add(listener);
    return () => this.raiseListeners.delete(listener);
  }

  /** Adds the alert unless its cause was raised before; true when it was added. */
  raise(alert: ConsoleAlert): boolean {
    if (this.known.has(alert.key)) return false;
    this.remember(alert.key);
    this.unseen = [alert, ...this.unseen];
    this.publish();
    for (const listener of this.raiseListeners) listener(alert);
    return true;
  }

  markSeen(key: string): void {
    const next = this.unseen.filter((alert) => alert.key !== key);
    if (next.length === this.unseen.length) return;
    this.unseen = next;
    this.publish();
  }

  markAllSeen(): void {
    if (this.unseen.length === 0) return;
    this.unseen = [];
    this.publish();
  }

  setMuted(muted: boolean): void {
    if (muted === this.muted) return;
    this.muted = muted;
    try {
      this.storage?.setItem(ALERTS_MUTED_STORAGE_KEY, muted ? 'true' : 'false');
    } catch {
      // Storage refused (quota, private mode): muting still holds for this page.
    }
    this.publish();
  }

  private remember(key: string): void {
    this.known.add(key);
    this.knownOrder.push(key);
    if (this.knownOrder.length > this.memory) this.known.delete(this.knownOrder.shift() as string);
  }

  private build(): AlertSnapshot {
    return {
      unseen: this.unseen,
      alertingIncidentIds: new Set(this.unseen.map((alert) => alert.incidentId)),
      muted: this.muted,
    };
  }

  private publish(): void {
    this.snapshot = this.build();
    for (const listener of this.listeners) listener();
  }
}

function readMuted(storage: AlertStorage | null): boolean {
  try {
    return storage?.getItem(ALERTS_MUTED_STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}
