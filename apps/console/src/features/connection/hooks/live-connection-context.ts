import { createContext, useContext } from 'react';

export type LiveConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export const LiveConnectionContext = createContext<LiveConnectionStatus>('connecting');

export function useLiveConnectionStatus(): LiveConnectionStatus {
  return useContext(LiveConnectionContext);
}
