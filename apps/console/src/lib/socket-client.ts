import type { ClientToServerEvents, ServerToClientEvents, SocketHandshakeAuth } from '@netduty/contracts';
import { SOCKET_RECONNECTION } from '@netduty/contracts';
import { io, type Socket } from 'socket.io-client';
import { reconnectDelayMs } from './session/refresh-schedule';
import { session } from './session/session';
import { ticker } from './ticker';

export type NetDutySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type LiveConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

const CLOCK_SYNC_TIMEOUT_MS = 5000;

export interface NetDutySocketOptions {
  /** The handshake's channel: the console's rooms (default) or the wall screen's batched analytics pulse. */
  channel?: SocketHandshakeAuth['channel'];
  /** The last event applied, sent at every (re)connect so that the api replays what was missed. */
  lastEventId?: () => string | undefined;
  onStatus: (status: LiveConnectionStatus) => void;
  /** Attaches the caller's event listeners (`connect` fires again on every reconnect), before the first connect. */
  listen: (socket: NetDutySocket) => void;
}

/**
 * Opens a socket on the page's own origin (path /socket.io: the dev server and nginx proxy it to the
 * api, so the console never needs to know the api's address) and keeps it open while the session
 * lasts; returns the function that closes it. The handshake carries the access token (`auth` is a
 * function, so every (re)connect sends the latest one) and the last event id seen. Every connect
 * corrects the ticker for the server's clock.
 *
 * The server closes the socket when the access token expires, or when the user is disabled or their
 * role or scope changes, and refuses a handshake with a stale token. Either way the socket refreshes
 * the token (the shared single-flight refresh) and connects again, backing off while it keeps failing;
 * a refused refresh ends the session and the console goes to the login page.
 */
export function openNetDutySocket({ channel, lastEventId, onStatus, listen }: NetDutySocketOptions): () => void {
  /** The token the last handshake sent: when the server refuses or closes it, that one is spent. */
  let handshakeToken: string | null = null;
  const socket: NetDutySocket = io({
    path: '/socket.io',
    transports: ['websocket'],
    autoConnect: false,
    ...SOCKET_RECONNECTION,
    auth: (cb) => {
      const auth: SocketHandshakeAuth = { token: (handshakeToken = session.accessToken()) };
      if (channel) auth.channel = channel;
      const last = lastEventId?.();
      if (last) auth.lastEventId = last;
      cb(auth);
    },
  });
  let disposed = false;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Refresh the token, then connect again (after a back-off when this keeps happening). */
  const reconnectWithFreshToken = () => {
    if (disposed || retryTimer !== undefined) return;
    onStatus('reconnecting');
    retryTimer = setTimeout(() => {
      // The proactive refresh may already have replaced the spent token: then only make sure it is fresh.
      const refreshed = session.accessToken() !== handshakeToken ? session.ensureFresh() : session.refresh();
      refreshed.then(
        () => {
          retryTimer = undefined;
          if (!disposed) socket.connect();
        },
        () => {
          retryTimer = undefined;
          // A refused refresh has ended the session (the app leaves for /login and unmounts the caller);
          // a network failure leaves it standing: try again.
          if (!disposed && session.getSnapshot().status === 'authenticated') reconnectWithFreshToken();
        },
      );
    }, reconnectDelayMs(attempts++));
  };

  socket.on('connect', () => {
    attempts = 0;
    onStatus('live');
    const sentAt = Date.now();
    // Countdowns (and the wall's clock) follow the server's clock: a console whose clock is a minute off
    // would otherwise show a breach a minute early or late. Servers that do not answer leave the offset at 0.
    socket.timeout(CLOCK_SYNC_TIMEOUT_MS).emit('clock.sync', (error: Error | null, serverTimeIso?: string) => {
      if (error || !serverTimeIso) return;
      const serverMs = Date.parse(serverTimeIso);
      if (Number.isNaN(serverMs)) return;
      const receivedAt = Date.now();
      ticker.setOffset(serverMs - (sentAt + receivedAt) / 2);
    });
  });
  socket.on('disconnect', (reason) => {
    if (disposed) return;
    if (reason === 'io server disconnect') {
      // Closed by the server: token expired, account disabled, role or scope changed.
      reconnectWithFreshToken();
    } else {
      // A network drop: socket.io reconnects by itself; make sure the token it will send is fresh.
      onStatus(socket.active ? 'reconnecting' : 'offline');
      void session.ensureFresh();
    }
  });
  socket.on('connect_error', () => {
    if (disposed) return;
    // Active: a transport failure that socket.io retries by itself. Inactive: the server refused
    // the handshake (token expired or revoked), which only a fresh token can fix.
    if (socket.active) onStatus('reconnecting');
    else reconnectWithFreshToken();
  });
  listen(socket);

  socket.connect();
  return () => {
    disposed = true;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    socket.removeAllListeners();
    socket.disconnect();
  };
}
