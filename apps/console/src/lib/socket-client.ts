import type { ClientToServerEvents, ServerToClientEvents } from '@netduty/contracts';
import { io, type Socket } from 'socket.io-client';

export type NetDutySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One socket per console, on the page's own origin (path /socket.io): the dev server and nginx proxy it
 * to the api, so the console never needs to know the api's address. The handshake carries the access
 * token; `auth` is a function so that every (re)connect sends the latest one.
 */
export function createNetDutySocket(accessToken: () => string | null): NetDutySocket {
  return io({
    path: '/socket.io',
    transports: ['websocket'],
    autoConnect: false,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
    auth: (cb) => cb({ token: accessToken() }),
  });
}
