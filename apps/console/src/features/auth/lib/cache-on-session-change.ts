import type { UserDto } from '@netduty/contracts';

/** Who is logged in and what they may see: a different key is a different view of the data. */
export function sessionScopeKey(user: Pick<UserDto, 'id' | 'role' | 'operatorCode' | 'clusterId' | 'responderId'> | null): string | null {
  return user ? [user.id, user.role, user.operatorCode, user.clusterId, user.responderId].join('|') : null;
}

export type CacheAction = 'none' | 'clear' | 'reset';

/**
 * What to do with the query cache when the session changes: nothing when someone arrives (the cache was
 * emptied when the last one left, and the pages now mounting are fetching); empty it when they leave;
 * start over (refetching what is on screen) when the user or their scope changes in place.
 */
export function cacheActionOnSessionChange(before: string | null, next: string | null): CacheAction {
  if (before === next || before === null) return 'none';
  return next === null ? 'clear' : 'reset';
}
