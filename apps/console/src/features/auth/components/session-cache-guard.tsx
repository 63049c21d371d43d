import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { session } from '../../../lib/session/session';
import { cacheActionOnSessionChange, sessionScopeKey } from '../lib/cache-on-session-change';

/**
 * Another user must never see the previous one's cached data (scopes differ: a Viettel cluster sees
 * only Viettel incidents). Listens to the session directly rather than reacting after a render: an
 * effect would run after the pages mounted in the same render had started their queries, and clearing
 * the cache then would leave those pages waiting forever.
 */
export function SessionCacheGuard({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let previous = sessionScopeKey(session.getSnapshot().user);
    return session.subscribe(() => {
      const next = sessionScopeKey(session.getSnapshot().user);
      const action = cacheActionOnSessionChange(previous, next);
      previous = next;
      if (action === 'clear') queryClient.clear();
      else if (action === 'reset') void queryClient.resetQueries();
    });
  }, [queryClient]);
  return children;
}
