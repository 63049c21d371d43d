import { incidentFixture } from '../../../testing/incident-fixture';
import type { EscalationDto } from '@netduty/contracts';
import { escalationAlert, newIncidentAlert } from './alert-rules';
import { ALERTS_MUTED_STORAGE_KEY, AlertStore, type AlertStorage, type ConsoleAlert } from './alert-store';

class MemoryStorage implements AlertStorage {
  readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
}

function alertFor(incidentId: string, key = `new:${incidentId}`): ConsoleAlert {
  return {
    key,
    kind: 'new_incident',
    incidentId,
    reference: `SC-${incidentId}`,
    siteCode: 'LSN0324-11',
    siteName: 'UBND tỉnh',
    severity: 'critical',
    priority: 'P0',
    level: null,
    raisedAtMs: 0,
  };
}

describe('AlertStore', () => {
  it('keeps an alert until it is marked seen, newest first, and counts what is unseen', () => {
    const store = new AlertStore(new MemoryStorage());
    store.raise(alertFor('a'));
    store.raise(alertFor('b'));
    expect(store.getSnapshot().unseen.map((alert) => alert.incidentId)).toEqual(['b', 'a']);
    expect([...store.getSnapshot().alertingIncidentIds].sort()).toEqual(['a', 'b']);

    store.markSeen('new:b');
    expect(store.getSnapshot().unseen.map((alert) => alert.incidentId)).toEqual(['a']);
    expect(store.getSnapshot().alertingIncidentIds.has('b')).toBe(false);
    store.markAllSeen();
    expect(store.getSnapshot().unseen).toEqual([]);
  });

  it('raises each cause once: a replayed event neither rings nor comes back after being seen', () => {
    const store = new AlertStore(null);
    const rung: string[] = [];
    store.onRaise((alert) => rung.push(alert.key));
    expect(store.raise(alertFor('a'))).toBe(true);
    expect(store.raise(alertFor('a'))).toBe(false);
    store.markSeen('new:a');
    expect(store.raise(alertFor('a'))).toBe(false);
    expect(store.getSnapshot().unseen).toEqual([]);
    expect(rung).toEqual(['new:a']);
  });

  it('keeps two alerts of one incident apart (the report, then its escalation)', () => {
    const store = new AlertStore(null);
    store.raise(alertFor('a'));
    store.raise(alertFor('a', 'escalation:e1'));
    expect(store.getSnapshot().unseen).toHaveLength(2);
    store.markSeen('new:a');
    expect(store.getSnapshot().alertingIncidentIds.has('a')).toBe(true);
  });

  it('notifies subscribers with a new snapshot on each change, and not on a no-op', () => {
    const store = new AlertStore(null);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const before = store.getSnapshot();
    store.markSeen('nothing');
    store.markAllSeen();
    expect(calls).toBe(0);
    expect(store.getSnapshot()).toBe(before);
    store.raise(alertFor('a'));
    expect(calls).toBe(1);
    expect(store.getSnapshot()).not.toBe(before);
    unsubscribe();
    store.markAllSeen();
    expect(calls).toBe(1);
  });

  it('remembers muting per console in its storage', () => {
    const storage = new MemoryStorage();
    const store = new AlertStore(storage);
    expect(store.getSnapshot().muted).toBe(false);
    store.setMuted(true);
    expect(storage.values.get(ALERTS_MUTED_STORAGE_KEY)).toBe('true');
    expect(new AlertStore(storage).getSnapshot().muted).toBe(true);
    store.setMuted(false);
    expect(new AlertStore(storage).getSnapshot().muted).toBe(false);
  });

  it('still mutes when the storage refuses to write', () => {
    const refusing: AlertStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = new AlertStore(refusing);
    store.setMuted(true);
    expect(store.getSnapshot().muted).toBe(true);
  });

  it('forgets the oldest causes beyond its memory', () => {
    const store = new AlertStore(null, 2);
    store.raise(alertFor('a'));
    store.raise(alertFor('b'));
    store.raise(alertFor('c'));
    store.markAllSeen();
    expect(store.raise(alertFor('a'))).toBe(true);
    expect(store.raise(alertFor('c'))).toBe(false);
  });
});

describe('alert rules', () => {
  it('alerts on a new critical incident and on a new incident at a P0 site, not on a major P2', () => {
    expect(newIncidentAlert(incidentFixture({ severity: 'critical', priority: 'P2' }), 1)?.kind).toBe('new_incident');
    expect(newIncidentAlert(incidentFixture({ severity: 'minor', priority: 'P0' }), 1)?.kind).toBe('new_incident');
    expect(newIncidentAlert(incidentFixture({ severity: 'major', priority: 'P2' }), 1)).toBeNull();
  });

  function escalationOf(incidentId: string, extra: Partial<EscalationDto> = {}): EscalationDto {
    // Step 6 of a repeating chain: level 2 of its second round.
    return {
      id: 'esc-2', incidentId, kind: 'acknowledge', cycle: 1, level: 6, round: 2, chainLevel: 2, deadlineAt: '', firedAt: '',
      recipients: [{ userId: 'user-officer', displayName: 'Trực ban', rules: ['on_shift'] }], manual: false, reason: null, ...extra,
    };
  }
  const officer = { id: 'user-officer', role: 'duty_officer' as const };
  const leader = { id: 'user-leader', role: 'leadership' as const };

  it('keys an escalation alert by the escalation, so each step rings once, and names the chain level', () => {
    const incident = incidentFixture({ severity: 'major', priority: 'P2' });
    const escalation = escalationOf(incident.id);
    expect(escalationAlert({ incident, escalation }, officer, 5)).toMatchObject({ key: 'escalation:esc-2', level: 2, incidentId: incident.id });
    expect(escalationAlert({ incident, escalation }, leader, 5)).toBeNull();
  });

  it('follows the step\'s recipients, whatever the role', () => {
    const incident = incidentFixture({ severity: 'major', priority: 'P2' });
    const escalation = escalationOf(incident.id, { recipients: [{ userId: 'user-leader', displayName: 'Lãnh đạo', rules: ['role'] }] });
    expect(escalationAlert({ incident, escalation }, leader, 5)?.kind).toBe('escalation');
    expect(escalationAlert({ incident, escalation }, officer, 5)).toBeNull();
  });
});
