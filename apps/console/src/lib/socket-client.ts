import type { ClientToServerEvents, ServerToClientEvents, SocketHandshakeAuth } from '@netduty/contracts';
import { SOCKET_RECONNECTION } from '@netduty/contracts';
import { io, type Socket } from 'socket.io-client';

export type NetDutySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One socket per console, on the page's own origin (path /socket.io): the dev server and nginx proxy it
 * to the api, so the console never needs to know the api's address. The handshake carries the access
 * token; `auth` is a function so that every (re)connect sends the latest one, and the last event id
 * seen, so that the api replays what was raised while the console was away.
 */
export function createNetDutySocket(accessToken: () => string | null, lastEventId: () => string | undefined = () => undefined): NetDutySocket {
  return io({
    path: '/socket.io',
    transports: ['websocket'],
    autoConnect: false,
    ...SOCKET_RECONNECTION,
    auth: (cb) => {
      const auth: SocketHandshakeAuth = { token: accessToken() };
      const last = lastEventId();
      if (last) auth.lastEventId = last;
      cb(auth);
    },
  });
}
