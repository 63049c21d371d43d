import type { LoginRequest, SessionDto } from '@netduty/contracts';
import { isApiError, sendJson } from '../http';
import { SessionManager, type ReceivedSession, type SessionSnapshot, type SessionTransport } from './session-manager';

const REFRESH_LOCK = 'netduty.auth.refresh';
const CHANNEL = 'netduty.auth';

/**
 * Refreshes are also serialised across the console's tabs (Web Locks): the tabs share the refresh
 * cookie, and two tabs presenting the same single-use token at once would revoke the session.
 */
function acrossTabs<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(REFRESH_LOCK, run) : run();
}

async function received(request: Promise<{ data: SessionDto; serverTime: number | undefined }>): Promise<ReceivedSession> {
  const { data, serverTime } = await request;
  return { session: data, serverTime };
}

const browserTransport: SessionTransport = {
  login: (request: LoginRequest) => received(sendJson<SessionDto>('/auth/login', { method: 'POST', body: request })),
  refresh: () => acrossTabs(() => received(sendJson<SessionDto>('/auth/refresh', { method: 'POST' }))),
  logout: async (token) => {
    await sendJson<void>('/auth/logout', { method: 'POST', token });
  },
  logoutEverywhere: async (token) => {
    await sendJson<void>('/auth/logout-everywhere', { method: 'POST', token });
  },
};

export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/** The console's one session. */
export const session = new SessionManager(browserTransport, { isUnauthenticated });

export const currentAccessToken = session.accessToken;

/* A logout in one tab logs out the others (they share the refresh cookie, now revoked). */
const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL) : undefined;
let previous: SessionSnapshot = session.getSnapshot();
session.subscribe(() => {
  const next = session.getSnapshot();
  if (previous.status === 'authenticated' && next.status === 'anonymous' && next.endReason === 'logged_out') {
    channel?.postMessage('logged_out');
  }
  previous = next;
});
channel?.addEventListener('message', (event: MessageEvent) => {
  if (event.data === 'logged_out') session.endLocally('logged_out');
});
