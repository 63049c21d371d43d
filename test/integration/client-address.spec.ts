import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app/bootstrap';
import { http, testConfig } from './support/stack';
import { currentTestEnvironment } from './support/test-environment';

async function startApiWith(extra: Record<string, string>): Promise<{ app: INestApplication; baseUrl: string; dataSource: DataSource }> {
  // A Redis prefix of its own, so other suites' logins from 127.0.0.1 do not count against this limit.
  const prefix = `${currentTestEnvironment().redisPrefix}:client-address-${Math.random().toString(36).slice(2, 8)}`;
  const app = await createApiApp(testConfig({ REDIS_PREFIX: prefix, ...extra }), { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}`, dataSource: app.get(DataSource) };
}

const loginAs = (baseUrl: string, username: string, headers: Record<string, string>) =>
  http(baseUrl, 'POST', '/auth/login', { username, password: 'Sai-mat-khau-1!' }, headers);

describe('the client address behind X-Forwarded-For', () => {
  it('is not trusted unless TRUST_PROXY says so: no bypass of the per-address limit, no forged IP in the audit trail', async () => {
    const api = await startApiWith({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const { status } = await loginAs(api.baseUrl, `xff.nobody.${attempt}`, { 'x-forwarded-for': `203.0.113.${attempt + 1}` });
        statuses.push(status);
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429, 429]);
      const rows: { ip: string | null }[] = await api.dataSource.query(
        `SELECT ip FROM audit_log WHERE actor_username LIKE 'xff.nobody.%'`,
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.ip === '127.0.0.1' || row.ip === '::ffff:127.0.0.1')).toBe(true);
    } finally {
      await api.app.close();
    }
  });

  it('is the forwarded client when TRUST_PROXY trusts the proxy in front', async () => {
    const api = await startApiWith({ AUTH_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'loopback' });
    try {
      await loginAs(api.baseUrl, 'xff.proxied', { 'x-forwarded-for': '198.51.100.7' });
      const rows: { ip: string | null }[] = await api.dataSource.query(`SELECT ip FROM audit_log WHERE actor_username = 'xff.proxied'`);
      expect(rows.map((row) => row.ip)).toEqual(['198.51.100.7']);
    } finally {
      await api.app.close();
    }
  });
});
