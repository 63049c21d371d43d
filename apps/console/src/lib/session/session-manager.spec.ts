import type { SessionDto, UserDto } from '@netduty/contracts';
import { SessionManager, type ReceivedSession, type SessionTransport } from './session-manager';

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}
const isUnauthenticated = (error: unknown) => error instanceof HttpError && error.status === 401;

const NOW = Date.parse('2026-11-22T02:00:00Z');

function user(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: 'u-1',
    username: 'trucban',
    displayName: 'Nguyễn Thị Trực Ban',
    phone: null,
    email: null,
    language: 'vi',
    role: 'duty_officer',
    operatorCode: null,
    clusterId: null,
    responderId: null,
    active: true,
    mustChangePassword: false,
    createdAt: '2026-11-01T00:00:00Z',
    lastLoginAt: null,
    permissions: ['incident.read', 'incident.report'],
    ...overrides,
  };
}

function issued(token: string, lifetimeMs = 15 * 60_000, overrides: Partial<UserDto> = {}): ReceivedSession {
  const session: SessionDto = {
    accessToken: token,
    accessTokenExpiresAt: new Date(Date.now() + lifetimeMs).toISOString(),
    user: user(overrides),
  };
  return { session, serverTime: Date.now() };
}

function fakeTransport() {
  let counter = 1;
  const transport = {
    login: jest.fn(async () => issued(`token-${counter++}`)),
    refresh: jest.fn(async () => issued(`token-${counter++}`)),
    logout: jest.fn(async (_token: string | null) => undefined),
    logoutEverywhere: jest.fn(async (_token: string | null) => undefined),
  } satisfies SessionTransport;
  return transport;
}

describe('SessionManager', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  it('restores the session from the refresh cookie on page load', async () => {
    const transport = fakeTransport();
    const manager = new SessionManager(transport, { isUnauthenticated });
    expect(manager.getSnapshot().status).toBe('restoring');
    await manager.restore();
    expect(manager.getSnapshot()).toMatchObject({ status: 'authenticated', user: { username: 'trucban' } });
    expect(manager.accessToken()).toBe('token-1');
  });

  it('goes to the login page quietly when there is no session to restore', async () => {
    const transport = fakeTransport();
    transport.refresh.mockRejectedValueOnce(new HttpError(401));
    const manager = new SessionManager(transport, { isUnauthenticated });
    await manager.restore();
    expect(manager.getSnapshot()).toEqual({ status: 'anonymous', user: null, endReason: null });
    expect(manager.accessToken()).toBeNull();
  });

  it('says the api is unreachable when the restore fails for another reason', async () => {
    const transport = fakeTransport();
    transport.refresh.mockRejectedValueOnce(new HttpError(0));
    const manager = new SessionManager(transport, { isUnauthenticated });
    await manager.restore();
    expect(manager.getSnapshot()).toMatchObject({ status: 'anonymous', endReason: 'unreachable' });
  });

  it('restores only once even when asked twice at once (React StrictMode)', async () => {
    const transport = fakeTransport();
    const manager = new SessionManager(transport, { isUnauthenticated });
    await Promise.all([manager.restore(), manager.restore(), manager.refresh()]);
    expect(transport.refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes proactively a minute before the access token expires', async () => {
    const transport = fakeTransport();
    const manager = new SessionManager(transport, { isUnauthenticated });
    await manager.login({ username: 'trucban', password: 'x' });
    expect(manager.accessToken()).toBe('token-1');

    await jest.advanceTimersByTimeAsync(14 * 60_000 - 1);
    expect(transport.refresh).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(transport.refresh).toHaveBeenCalledTimes(1);
    expect(manager.accessToken()).toBe('token-2');

    // And again for the new token.
    await jest.advanceTimersByTimeAsync(14 * 60_000);
    expect(transport.refresh).toHaveBeenCalledTimes(2);
  });

  it('ends the session when the refresh is refused, remembering that it expired', async () => {
    const transport = fakeTransport();
    const manager = new SessionManager(transport, { isUnauthenticated });
    await manager.login({ username: 'trucban', password: 'x' });
    transport.refresh.mockRejectedValueOnce(new HttpError(401));
    await expect(manager.refresh()).rejects.toBeInstanceOf(HttpError);
    expect(manager.getSnapshot()).toEqual({ status: 'anonymous', user: null, endReason: 'expired' });
    expect(manager.accessToken()).toBeNull();
    // No timer keeps refreshing a dead session.
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keeps the session through a network failure and tries again later', async () => {
    const transport = fakeTransport();
    const manager = new SessionManager(transport, { isUnauthenticated, retryAfterFailureMs: 15_000 });
    await manager.login({ username: 'trucban', password: 'x' });
    transport.refresh.mockRejectedValueOnce(new HttpError(0));
    await expect(manager.refresh()).rejects.toBeInstanceOf(HttpError);
    expect(manager.getSnapshot().status).toBe('authenticated');
    expect(manager.accessToken()).toBe('token-1');

    await jest.advanceTimersByTimeAsync(15_000);
    expect(transport.refresh).toHaveBeenCalledTimes(2);
    expect(manager.accessToken()).toBe('token-2');
  });

  it('refreshes on ensureFresh only when the token is about to expire', async () => {
    const transport = fakeTransport();
    const manager = new SessionManager(transport, { isUnauthenticated });
    await manager.login({ username: 'trucban', password: 'x' });
    await manager.ensureFresh();
    expect(transport.refresh).not.toHaveBeenCalled();

    jest.setSystemTime(NOW + 14 * 60_000 - 1_000);
    await manager.ensureFresh();
    expect(transport.refresh).not.toHaveBeenCalled();

    // A laptop asleep: the clock jumps past the refresh point without the timer having fired.
    jest.setSystemTime(NOW + 14 * 60_000 + 30_000);
    await manager.ensureFresh();
    expect(transport.refresh).toHaveBeenCalledTimes(1);
  });

  it('does not refresh a short-lived token again on ensureFresh right after a refresh', async () => {
    const transport = fakeTransport();
    transport.login.mockImplementationOnce(async () => issued('short-1', 30_000));
    transport.refresh.mockImplementation(async () => issued('short-2', 30_000));
    const manager = new SessionManager(transport, { isUnauthenticated });
    await manager.login({ username: 'trucban', password: 'x' });
    await jest.advanceTimersByTimeAsync(15_000);
    expect(transport.refresh).toHaveBeenCalledTimes(1);
    // The server closes the socket when the first token runs out; the second one is still fresh.
    jest.setSystemTime(Date.now() + 14_000);
    await manager.ensureFresh();
    expect(transport.refresh).toHaveBeenCalledTimes(1);
  });

  it('logs out on the server and forgets the token', async () => {
    const transport = fakeTransport();
    const manager = new SessionManager(transport, { isUnauthenticated });
    await manager.login({ username: 'trucban', password: 'x' });
    await manager.logout();
    expect(transport.logout).toHaveBeenCalledWith('token-1');
    expect(manager.getSnapshot()).toEqual({ status: 'anonymous', user: null, endReason: 'logged_out' });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keeps "logged out" as the reason when a late request fails to refresh afterwards', async () => {
    const transport = fakeTransport();
    const manager = new SessionManager(transport, { isUnauthenticated });
    await manager.login({ username: 'trucban', password: 'x' });
    await manager.logout();
    transport.refresh.mockRejectedValueOnce(new HttpError(401));
    await expect(manager.refresh()).rejects.toBeInstanceOf(HttpError);
    expect(manager.getSnapshot()).toEqual({ status: 'anonymous', user: null, endReason: 'logged_out' });
  });

  it('refreshes an expired token before logging out, so the server session really ends', async () => {
    const transport = fakeTransport();
    transport.logout.mockImplementationOnce(async () => {
      throw new HttpError(401);
    });
    const manager = new SessionManager(transport, { isUnauthenticated });
    await manager.login({ username: 'trucban', password: 'x' });
    await manager.logout();
    expect(transport.logout.mock.calls).toEqual([['token-1'], ['token-2']]);
    expect(manager.getSnapshot().status).toBe('anonymous');
  });

  it('keeps the session when logging out everywhere fails', async () => {
    const transport = fakeTransport();
    transport.logoutEverywhere.mockRejectedValueOnce(new HttpError(0));
    const manager = new SessionManager(transport, { isUnauthenticated });
    await manager.login({ username: 'trucban', password: 'x' });
    await expect(manager.logoutEverywhere()).rejects.toBeInstanceOf(HttpError);
    expect(manager.getSnapshot().status).toBe('authenticated');
  });

  it('flags a pending password change and clears it with the updated user', async () => {
    const transport = fakeTransport();
    const manager = new SessionManager(transport, { isUnauthenticated });
    await manager.login({ username: 'trucban', password: 'x' });
    const listener = jest.fn();
    manager.subscribe(listener);

    manager.markPasswordChangeRequired();
    expect(manager.getSnapshot().user?.mustChangePassword).toBe(true);
    manager.markPasswordChangeRequired();
    expect(listener).toHaveBeenCalledTimes(1);

    manager.updateUser(user({ mustChangePassword: false }));
    expect(manager.getSnapshot().user?.mustChangePassword).toBe(false);
  });
});
