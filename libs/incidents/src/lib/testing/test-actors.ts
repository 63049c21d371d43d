import type { IncidentScope } from '@netduty/domain';
import type { Actor } from '@netduty/identity';

/** A caller of the use cases; a duty officer seeing everything unless a scope is given. */
export function actorWith(scope: IncidentScope = { kind: 'all' }, overrides: Partial<Actor> = {}): Actor {
  return {
    userId: '6f1f0d55-9d7c-4d54-9a39-6b0e2f3c0001',
    username: 'truc.ban',
    displayName: 'Nguyễn Thị Trực',
    role: 'duty_officer',
    permissions: [],
    scope,
    sessionId: 'session-1',
    ...overrides,
  };
}
