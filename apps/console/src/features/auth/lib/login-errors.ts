import type { ClientErrorBody } from '../../../lib/http';

export type LoginFailure =
  | { kind: 'invalid' }
  | { kind: 'locked'; minutes: number }
  | { kind: 'tooMany' }
  | { kind: 'network' }
  | { kind: 'other'; message: string };

/** Sorts a failed login into what the login page says about it. */
export function classifyLoginFailure(body: Pick<ClientErrorBody, 'statusCode' | 'code' | 'message' | 'details'>): LoginFailure {
  if (body.code === 'account_locked') {
    const seconds = Number(body.details?.['retryAfterSeconds']);
    // "try again in N minutes", rounded up so that N minutes later it really works.
    return { kind: 'locked', minutes: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1 };
  }
  if (body.statusCode === 401) return { kind: 'invalid' };
  if (body.statusCode === 429) return { kind: 'tooMany' };
  if (body.code === 'network_error' || body.statusCode === 0) return { kind: 'network' };
  return { kind: 'other', message: body.message };
}
