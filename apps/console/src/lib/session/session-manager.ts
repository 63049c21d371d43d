import type { LoginRequest, SessionDto, UserDto } from '@netduty/contracts';
import { withAuthRetry } from './auth-retry';
import { refreshDelayMs, tokenLifetimeMs } from './refresh-schedule';
import { singleFlight } from './single-flight';

export type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';

/** Why there is no session: logged out on purpose, ended by the server, or the api could not be reached. */
export type SessionEndReason = 'logged_out' | 'expired' | 'unreachable';

export interface SessionSnapshot {
  status: SessionStatus;
  user: UserDto | null;
  endReason: SessionEndReason | null;
}

export interface ReceivedSession {
  session: SessionDto;
  /** The server's clock when it answered (Date header), to measure the token's lifetime. */
  serverTime?: number;
}

/** The auth endpoints. The refresh token travels in an httpOnly cookie the console never sees. */
export interface SessionTransport {
  login(request: LoginRequest): Promise<ReceivedSession>;
  refresh(): Promise<ReceivedSession>;
  logout(accessToken: string | null): Promise<void>;
  logoutEverywhere(accessToken: string | null): Promise<void>;
}

export interface SessionClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SessionManagerOptions {
  /** True for an error that means the session is over (a 401 from the refresh endpoint). */
  isUnauthenticated: (error: unknown) => boolean;
  clock?: SessionClock;
  /** After a refresh that failed for another reason (network, 429), try again this much later. */
  retryAfterFailureMs?: number;
}

const SYSTEM_CLOCK: SessionClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The console's session: the access token (in memory only, never in storage), the user, and the
 * refresh schedule. Every refresh, from whatever cause (page load, the proactive timer, a 401, a socket
 * closed by the server), goes through one single-flight call, because refresh tokens are single-use.
 */
export class SessionManager {
  private snapshot: SessionSnapshot = { status: 'restoring', user: null, endReason: null };
  private token: string | null = null;
  /** Local-clock instant from which the current token counts as due for a refresh. */
  private refreshAtLocal = 0;
  private timer: unknown = undefined;
  private readonly listeners = new Set<() => void>();
  private readonly clock: SessionClock;
  private readonly retryAfterFailureMs: number;

  constructor(
    private readonly transport: SessionTransport,
    private readonly options: SessionManagerOptions,
  ) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.retryAfterFailureMs = options.retryAfterFailureMs ?? 15_000;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionSnapshot => this.snapshot;

  readonly accessToken = (): string | null => this.token;

  /** On page load: try the refresh cookie once to restore the session silently. */
  async restore(): Promise<void> {
    if (this.snapshot.status !== 'restoring') return;
    await this.refresh().catch(() => undefined);
  }

  /** New access token (and user) from the refresh cookie; concurrent callers share one request. */
  readonly refresh: () => Promise<SessionDto> = singleFlight(async () => {
    try {
      const received = await this.transport.refresh();
      this.accept(received);
      return received.session;
    } catch (error) {
      if (this.options.isUnauthenticated(error)) {
        // A late request after a logout also lands here: keep the reason the session already ended for.
        if (this.snapshot.status !== 'anonymous') this.end(this.snapshot.status === 'authenticated' ? 'expired' : null);
      } else if (this.snapshot.status === 'restoring') {
        this.end('unreachable');
      } else if (this.snapshot.status === 'authenticated') {
        this.schedule(this.retryAfterFailureMs);
      }
      throw error;
    }
  });

  async login(request: LoginRequest): Promise<UserDto> {
    const received = await this.transport.login(request);
    this.accept(received);
    return received.session.user;
  }

  /** Ends this session on the server (best effort: a lost connection still logs out locally). */
  async logout(): Promise<void> {
    await withAuthRetry(this, (token) => this.transport.logout(token), this.options.isUnauthenticated).catch(() => undefined);
    this.end('logged_out');
  }

  /** Ends every session of the user on every device; failures are reported and keep the session. */
  async logoutEverywhere(): Promise<void> {
    await withAuthRetry(this, (token) => this.transport.logoutEverywhere(token), this.options.isUnauthenticated);
    this.end('logged_out');
  }

  /** Refreshes now if the token is due for its refresh (a tab woken from sleep, a socket drop). */
  ensureFresh(): Promise<void> {
    if (this.snapshot.status !== 'authenticated') return Promise.resolve();
    if (this.clock.now() < this.refreshAtLocal) return Promise.resolve();
    return this.refresh().then(
      () => undefined,
      () => undefined,
    );
  }

  /** The user changed on the server (password changed, profile read again). */
  updateUser(user: UserDto): void {
    if (this.snapshot.status !== 'authenticated') return;
    this.set({ ...this.snapshot, user });
  }

  /** The api refused a request with password_change_required: show the forced change screen. */
  markPasswordChangeRequired(): void {
    const user = this.snapshot.user;
    if (this.snapshot.status !== 'authenticated' || !user || user.mustChangePassword) return;
    this.set({ ...this.snapshot, user: { ...user, mustChangePassword: true } });
  }

  /** Forgets the session without calling the server (another tab logged out). */
  endLocally(reason: SessionEndReason): void {
    if (this.snapshot.status === 'anonymous') return;
    this.end(reason);
  }

  private accept({ session, serverTime }: ReceivedSession): void {
    const now = this.clock.now();
    const lifetime = tokenLifetimeMs(session.accessTokenExpiresAt, serverTime, now);
    const delay = refreshDelayMs(lifetime);
    this.token = session.accessToken;
    this.refreshAtLocal = now + delay;
    this.set({ status: 'authenticated', user: session.user, endReason: null });
    this.schedule(delay);
  }

  private end(reason: SessionEndReason | null): void {
    this.cancelTimer();
    this.token = null;
    this.refreshAtLocal = 0;
    this.set({ status: 'anonymous', user: null, endReason: reason });
  }

  private schedule(delayMs: number): void {
    this.cancelTimer();
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.refresh().catch(() => undefined);
    }, delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(next: SessionSnapshot): void {
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }
}
