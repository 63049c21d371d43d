import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnonymousRefusalAudit } from '@netduty/identity';
import { createApiApp } from '../../apps/api/src/app/bootstrap';
import { http, testConfig } from './support/stack';
import { currentTestEnvironment } from './support/test-environment';

describe('anonymous refusals cannot flood the audit trail', () => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    // A Redis prefix of its own: no other suite's pending refusals are counted into these figures.
    const prefix = `${currentTestEnvironment().redisPrefix}:anon-refusals`;
    app = await createApiApp(testConfig({ REDIS_PREFIX: prefix }), { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    dataSource = app.get(DataSource);
  });

  afterAll(() => app.close());

  async function deniedSince(since: Date): Promise<{ n: number; total: number }> {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n, coalesce(sum((after->>'count')::int), 0)::int AS total
         FROM audit_log WHERE action = 'authz.denied' AND actor_username IS NULL AND at >= $1`,
      [since],
    );
    return row;
  }

  it('keeps 2,000 anonymous 401s as a handful of rows whose counts add up to 2,000', async () => {
    const since = new Date(Date.now() - 1000);
    const paths = Array.from({ length: 2000 }, (_, index) =>
      index % 2 === 0 ? '/incidents' : `/incidents/00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    );
    for (let start = 0; start < paths.length; start += 25) {
      const batch = await Promise.all(paths.slice(start, start + 25).map((path) => http(baseUrl, 'GET', path)));
      expect(batch.every((result) => result.status === 401)).toBe(true);
    }
    const beforeFlush = await deniedSince(since);
    // Buckets are per minute: on a slow run the requests straddle a minute boundary, and each minute
    // spanned holds, per route, its first row and (once closed and flushed) one aggregate row.
    const minutesSpanned = Math.floor(Date.now() / 60_000) - Math.floor(since.getTime() / 60_000) + 1;
    // The first refusal of each (address, route, minute) is written at once; the rest wait in Redis.
    expect(beforeFlush.n).toBeGreaterThanOrEqual(2);
    expect(beforeFlush.n).toBeLessThanOrEqual(4 * minutesSpanned);

    await app.get(AnonymousRefusalAudit).flush({ includeCurrentWindow: true });
    const afterFlush = await deniedSince(since);
    expect(afterFlush.n).toBeLessThanOrEqual(8 * minutesSpanned);
    expect(afterFlush.total).toBe(2000);
    const routes: { path: string }[] = await dataSource.query(
      `SELECT DISTINCT path FROM audit_log WHERE action = 'authz.denied' AND actor_username IS NULL AND at >= $1 ORDER BY path`,
      [since],
    );
    expect(routes.map((row) => row.path)).toEqual(['/api/v1/incidents', '/api/v1/incidents/:id']);
  });

  it('still records every failed login on its own line', async () => {
    const since = new Date(Date.now() - 1000);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await http(baseUrl, 'POST', '/auth/login', { username: `flood.${attempt}`, password: 'Sai-mat-khau-1!' })).status).toBe(401);
    }
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login' AND outcome = 'failed' AND actor_username LIKE 'flood.%' AND at >= $1`,
      [since],
    );
    expect(n).toBe(5);
  });
});
