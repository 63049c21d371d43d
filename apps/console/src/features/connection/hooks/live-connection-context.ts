import { createContext, useContext } from 'react';
import type { LiveConnectionStatus, NetDutySocket } from '../../../lib/socket-client';

export type { LiveConnectionStatus };

export interface LiveConnection {
  status: LiveConnectionStatus;
  /** The console's socket, for the areas that listen to more than incidents (the dashboard); null until it opens. */
  socket: NetDutySocket | null;
}

export const LiveConnectionContext = createContext<LiveConnection>({ status: 'connecting', socket: null });

export function useLiveConnectionStatus(): LiveConnectionStatus {
  return useContext(LiveConnectionContext).status;
}
