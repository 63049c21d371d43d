import { useEffect, useState } from 'react';
import { openNetDutySocket, type LiveConnectionStatus, type NetDutySocket } from '../../../lib/socket-client';
import { useAnalyticsPulse } from './use-analytics-pulse';

/**
 * The wall screen's own socket (it has no shell, so no console socket): the handshake asks for the
 * analytics channel, which carries the batched pulse only, so the wall stays calm in an alarm storm.
 * Reconnects and token refreshes as the console's socket does (`openNetDutySocket`).
 */
export function useAnalyticsChannel(): LiveConnectionStatus {
  const [status, setStatus] = useState<LiveConnectionStatus>('connecting');
  const [socket, setSocket] = useState<NetDutySocket | null>(null);
  useEffect(() => openNetDutySocket({ channel: 'analytics', onStatus: setStatus, listen: setSocket }), []);
  useAnalyticsPulse(socket);
  return status;
}
