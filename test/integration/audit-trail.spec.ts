import type { AuditEntryDto, IncidentDto, Page, SiteSummaryDto } from '@netduty/contracts';
import { as, findSite, http, reportIncident, startApi, type ApiClient, type RunningApi } from './support/stack';
import { queryAsOwner } from './support/test-database';

describe('audit trail', () => {
  let api: RunningApi;
  let duty: ApiClient;
  let leadership: ApiClient;
  let site: SiteSummaryDto;

  beforeAll(async () => {
    api = await startApi();
    duty = await as(api.baseUrl, 'trucban');
    leadership = await as(api.baseUrl, 'lanhdao');
    site = await findSite(duty, 'ky lua');
  });

  afterAll(() => api.close());

  async function entries(query: string): Promise<AuditEntryDto[]> {
    const { status, body } = await leadership.request<Page<AuditEntryDto>>('GET', `/audit?${query}`);
    expect(status).toBe(200);
    return body.items;
  }

  it('records who changed an incident, from where, and the record before and after', async () => {
    const incident: IncidentDto = await reportIncident(duty, site);
    await duty.request('POST', `/incidents/${incident.id}/acknowledge`, { note: 'Đã nhận' });
    const trail = await entries(`entityType=incident&entityId=${incident.id}`);
    expect(trail.map((entry) => entry.action)).toEqual(['incident.acknowledge', 'incident.report']);
    const acknowledge = trail[0];
    expect(acknowledge).toMatchObject({
      actorUsername: 'trucban',
      actorRole: 'duty_officer',
      outcome: 'success',
      method: 'POST',
      path: `/api/v1/incidents/${incident.id}/acknowledge`,
    });
    expect(acknowledge?.ip).toMatch(/127\.0\.0\.1/);
    expect((acknowledge?.before as { status: string }).status).toBe('reported');
    expect((acknowledge?.after as { status: string }).status).toBe('acknowledged');
  });

  it('records failed logins and refused requests', async () => {
    await http(api.baseUrl, 'POST', '/auth/login', { username: 'trucban', password: 'Sai-hoan-toan-1!' });
    const failed = await entries('action=auth.login&outcome=failed&actor=trucban');
    expect(failed[0]?.after).toMatchObject({ reason: 'bad_password' });

    const viettel = await as(api.baseUrl, 'viettel.lsn');
    expect((await viettel.request('PUT', '/sla-policies/minor/P2', { acknowledgeSeconds: 60, restoreSeconds: 600 })).status).toBe(403);
    const denied = await entries('action=authz.denied&actor=viettel.lsn');
    expect(denied[0]).toMatchObject({ outcome: 'denied', statusCode: 403, method: 'PUT', actorRole: 'cluster_staff' });
  });

  it('never stores a password hash in a user change', async () => {
    const admin = await as(api.baseUrl, 'admin');
    const created = await admin.request<{ id: string }>('POST', '/users', {
      username: `audit.${Date.now().toString(36)}`,
      displayName: 'Kiểm tra nhật ký',
      password: 'Nhat-ky-2026!x',
      role: 'leadership',
    });
    const trail = await entries(`entityType=user&entityId=${created.body.id}`);
    expect(trail[0]?.action).toBe('user.create');
    expect(JSON.stringify(trail)).not.toMatch(/argon2|passwordHash|Nhat-ky-2026/);
  });

  it('exports the filtered trail as CSV with a header and Vietnamese intact', async () => {
    const response = await fetch(`${api.baseUrl}/api/v1/audit/export.csv?action=incident`, {
      headers: { authorization: `Bearer ${leadership.session.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await response.arrayBuffer());
    // A UTF-8 byte-order mark, so spreadsheet programs read the Vietnamese correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(header).toBe('id,at,actorUsername,actorRole,ip,method,path,action,entityType,entityId,outcome,statusCode,before,after');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /,incident\./.test(row))).toBe(true);
  });

  it('exports a cell that a spreadsheet would run as a formula as plain text', async () => {
    const hostile = "=cmd|' /C calc'!A0";
    expect((await http(api.baseUrl, 'POST', '/auth/login', { username: hostile, password: 'x' })).status).toBe(401);
    const response = await fetch(`${api.baseUrl}/api/v1/audit/export.csv?action=auth.login`, {
      headers: { authorization: `Bearer ${leadership.session.token}` },
    });
    const text = await response.text();
    // Usernames are stored lowercased; OWASP's rule: a leading quote makes the cell text.
    expect(text).toContain(`,'=cmd|' /c calc'!a0,`);
    const cells = text.split(/[\r\n,]+/).map((cell) => cell.replace(/^"/, ''));
    expect(cells.some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(false);
  });

  it('treats LIKE wildcards in the action filter as plain characters', async () => {
    const everything = await entries('pageSize=500');
    expect(everything.length).toBeGreaterThan(3);
    for (const wildcard of ['%', '_', '\\', 'auth%', 'auth._ogin', 'a%.%']) {
      const { status, body } = await leadership.request<Page<AuditEntryDto>>('GET', `/audit?action=${encodeURIComponent(wildcard)}`);
      expect(status).toBe(200);
      expect(body.items).toEqual([]);
    }
    expect((await entries('action=auth')).every((entry) => entry.action.startsWith('auth.'))).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit table, from the application database user and from the owner', async () => {
    const [{ n: before }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    // The application's role has no such privilege; the owner, which has, meets the trigger.
    for (const [query, refusal] of [[(sql: string) => api.dataSource.query(sql), /permission denied/], [queryAsOwner, /append-only/]] as const) {
      await expect(query(`UPDATE audit_log SET actor_username = 'someone else'`)).rejects.toThrow(refusal);
      await expect(query(`DELETE FROM audit_log`)).rejects.toThrow(refusal);
      await expect(query(`TRUNCATE audit_log`)).rejects.toThrow(refusal);
    }
    const [{ n: after }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(after).toBe(before);
  });
});
