import type { SiteSummaryDto } from '@netduty/contracts';
import { foldForSearch, siteSearchRank } from '@netduty/domain';
import { as, startApi, type ApiClient, type RunningApi } from './support/stack';

describe('site search ranks what the operator typed', () => {
  let api: RunningApi;
  let duty: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    duty = await as(api.baseUrl, 'trucban');
  });

  afterAll(() => api.close());

  it.each(['chi lang', 'Chi Lăng', 'dong kinh', 'van quan'])('offers the sites named "%s" before those that only lie in such a commune or district', async (query) => {
    const { status, body } = await duty.request<SiteSummaryDto[]>('GET', `/sites?q=${encodeURIComponent(query)}&limit=20`);
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThan(0);
    const ranks = body.map((site) => siteSearchRank(query, site));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    // Independently: does any site in the register carry the words in its name? Then one leads.
    const [{ count }] = (await api.dataSource.query(`SELECT count(*)::int AS count FROM sites WHERE ' ' || search_text || ' ' LIKE $1`, [
      `% ${foldForSearch(query)} %`,
    ])) as { count: number }[];
    const named = (await api.dataSource.query(`SELECT code, name FROM sites`)) as { code: string; name: string }[];
    if (named.some((site) => siteSearchRank(query, site) === 0)) expect(ranks[0]).toBe(0);
    expect(count).toBeGreaterThan(0);
  });

  it('still finds a site by the start of its code first', async () => {
    const [{ code }] = (await api.dataSource.query(`SELECT code FROM sites ORDER BY code LIMIT 1`)) as { code: string }[];
    const prefix = code.slice(0, Math.max(4, code.length - 2));
    const { body } = await duty.request<SiteSummaryDto[]>('GET', `/sites?q=${encodeURIComponent(prefix)}&limit=5`);
    expect(body[0] && siteSearchRank(prefix, body[0])).toBeLessThanOrEqual(1);
  });
});
