import { cacheActionOnSessionChange, sessionScopeKey } from './cache-on-session-change';

const viettel = { id: 'u-1', role: 'cluster_staff' as const, operatorCode: 'viettel' as const, clusterId: null, responderId: null };

describe('cacheActionOnSessionChange', () => {
  it('leaves the cache alone when someone logs in or the session is restored', () => {
    // Pages mounting in the same render are already fetching: clearing would orphan their queries.
    expect(cacheActionOnSessionChange(null, sessionScopeKey(viettel))).toBe('none');
    expect(cacheActionOnSessionChange(null, null)).toBe('none');
  });

  it('keeps the cache through a token refresh (same user, same scope)', () => {
    expect(cacheActionOnSessionChange(sessionScopeKey(viettel), sessionScopeKey({ ...viettel }))).toBe('none');
  });

  it('forgets everything when the user leaves', () => {
    expect(cacheActionOnSessionChange(sessionScopeKey(viettel), null)).toBe('clear');
  });

  it('starts over when the user or their scope changes in place', () => {
    expect(cacheActionOnSessionChange(sessionScopeKey(viettel), sessionScopeKey({ ...viettel, clusterId: 'c-1' }))).toBe('reset');
    expect(cacheActionOnSessionChange(sessionScopeKey(viettel), sessionScopeKey({ ...viettel, id: 'u-2' }))).toBe('reset');
  });
});
