import type { Role } from '@netduty/contracts';
import { resolveRecipients, type RecipientContext } from './resolve-recipients';

const firedAt = new Date('2026-12-07T01:30:00.000Z');

function context(overrides: Partial<RecipientContext> = {}): RecipientContext {
  const roles: Partial<Record<Role, string[]>> = { leadership: ['lead-1', 'lead-2'], duty_officer: ['officer-1'] };
  return {
    assignedResponderUserIds: ['resp-1', 'resp-2'],
    clusterLeadUserIds: ['cluster-lead'],
    usersByRole: (role) => roles[role] ?? [],
    onDuty: (groupId, at) => (groupId === 'duty' && at.getTime() === firedAt.getTime() ? ['officer-1', 'officer-2'] : []),
    at: firedAt,
    ...overrides,
  };
}

describe('recipient resolution', () => {
  it('resolves each kind of rule to its people', () => {
    expect(resolveRecipients({ recipients: [{ kind: 'person', userId: 'u-9' }] }, context()).recipients).toEqual([
      { userId: 'u-9', rules: [{ kind: 'person', userId: 'u-9' }] },
    ]);
    expect(resolveRecipients({ recipients: [{ kind: 'assigned_responders' }] }, context()).recipients.map((r) => r.userId)).toEqual(['resp-1', 'resp-2']);
    expect(resolveRecipients({ recipients: [{ kind: 'cluster_lead' }] }, context()).recipients.map((r) => r.userId)).toEqual(['cluster-lead']);
    expect(resolveRecipients({ recipients: [{ kind: 'role', role: 'leadership' }] }, context()).recipients.map((r) => r.userId)).toEqual(['lead-1', 'lead-2']);
  });

  it('asks the roster who is on shift at the instant the level fires', () => {
    const asked: [string, string][] = [];
    const onDuty = (groupId: string, at: Date) => {
      asked.push([groupId, at.toISOString()]);
      return at.getTime() === firedAt.getTime() ? ['officer-2'] : ['someone-else'];
    };
    const resolved = resolveRecipients({ recipients: [{ kind: 'on_shift', groupId: 'duty' }] }, context({ onDuty }));
    expect(asked).toEqual([['duty', '2026-12-07T01:30:00.000Z']]);
    expect(resolved.recipients.map((r) => r.userId)).toEqual(['officer-2']);
  });

  it('names each person once, with every rule that produced them, in the order first produced', () => {
    const shift = { kind: 'on_shift', groupId: 'duty' } as const;
    const role = { kind: 'role', role: 'duty_officer' } as const;
    const person = { kind: 'person', userId: 'officer-2' } as const;
    const resolved = resolveRecipients({ recipients: [shift, role, person] }, context());
    expect(resolved.recipients).toEqual([
      { userId: 'officer-1', rules: [shift, role] },
      { userId: 'officer-2', rules: [shift, person] },
    ]);
    expect(resolved.unmatched).toEqual([]);
  });

  it('does not repeat a rule for a user it lists twice', () => {
    const resolved = resolveRecipients({ recipients: [{ kind: 'assigned_responders' }] }, context({ assignedResponderUserIds: ['resp-1', 'resp-1'] }));
    expect(resolved.recipients).toEqual([{ userId: 'resp-1', rules: [{ kind: 'assigned_responders' }] }]);
  });

  it('reports the rules that reached nobody, for the delivery log', () => {
    const resolved = resolveRecipients(
      { recipients: [{ kind: 'assigned_responders' }, { kind: 'on_shift', groupId: 'empty' }, { kind: 'cluster_lead' }] },
      context({ assignedResponderUserIds: [] }),
    );
    expect(resolved.recipients.map((r) => r.userId)).toEqual(['cluster-lead']);
    expect(resolved.unmatched).toEqual([{ kind: 'assigned_responders' }, { kind: 'on_shift', groupId: 'empty' }]);
  });
});
