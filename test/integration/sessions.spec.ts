import type { UserDto } from '@netduty/contracts';
import { as, connectConsole, http, login, startApi, type ApiClient, type RunningApi } from './support/stack';

const STRONG = 'Tram-BTS-2026!';

async function refresh(api: RunningApi, cookie: string | null) {
  const response = await fetch(`${api.baseUrl}/api/v1/auth/refresh`, { method: 'POST', headers: cookie ? { cookie } : {} });
  const body = (await response.json()) as { accessToken?: string; code?: string };
  const next = response.headers.getSetCookie().find((value) => value.startsWith('nd_refresh='));
  return { status: response.status, body, cookie: next?.split(';')[0] ?? null };
}

describe('sessions, lockout and account changes', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let counter = 0;

  /** A fresh cluster-staff account (already past its forced password change). */
  async function newStaff(operatorCode = 'viettel'): Promise<{ user: UserDto; username: string }> {
    counter += 1;
    const username = `staff.${Date.now().toString(36)}.${counter}`;
    const created = await admin.request<UserDto>('POST', '/users', {
      username,
      displayName: `Nhân viên ${counter}`,
      password: 'Khoi-tao-2026!',
      role: 'cluster_staff',
      operatorCode,
    });
    expect(created.status).toBe(201);
    const session = await login(api.baseUrl, username, 'Khoi-tao-2026!');
    const changed = await http(api.baseUrl, 'POST', '/auth/change-password', { currentPassword: 'Khoi-tao-2026!', newPassword: STRONG }, {
      authorization: `Bearer ${session.token}`,
    });
    expect(changed.status).toBe(200);
    return { user: created.body, username };
  }

  async function asUser(username: string): Promise<ApiClient> {
    const session = await login(api.baseUrl, username, STRONG);
    return {
      session,
      request: (method, path, body, headers = {}) => http(api.baseUrl, method, path, body, { authorization: `Bearer ${session.token}`, ...headers }),
    };
  }

  beforeAll(async () => {
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
  });

  afterAll(() => api.close());

  it('rotates the refresh token, and reusing a rotated one after the grace period revokes the whole family', async () => {
    // A one-second grace, waited out: the grace is a span of time, there is no event to await.
    const shortGrace = await startApi({ REFRESH_REUSE_GRACE_SECONDS: '1' });
    try {
      await rotationAndReuse(shortGrace);
    } finally {
      await shortGrace.close();
    }
  });

  it('gives two tabs refreshing with one cookie at the same instant a session each, in the same family', async () => {
    const session = await login(api.baseUrl, 'trucban');
    const [first, second] = await Promise.all([refresh(api, session.refreshCookie), refresh(api, session.refreshCookie)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    for (const tab of [first, second]) {
      expect((await http(api.baseUrl, 'GET', '/auth/me', undefined, { authorization: `Bearer ${tab.body.accessToken}` })).status).toBe(200);
      expect((await refresh(api, tab.cookie)).status).toBe(200);
    }
  });

  async function rotationAndReuse(target: RunningApi): Promise<void> {
    const session = await login(target.baseUrl, 'trucban');
    expect(session.refreshCookie).toMatch(/^nd_refresh=/);
    const first = await refresh(target, session.refreshCookie);
    expect(first.status).toBe(200);
    expect(first.cookie).not.toBe(session.refreshCookie);
    const second = await refresh(target, first.cookie);
    expect(second.status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    // The first cookie was exchanged more than the grace period ago: presenting it again is a theft signal.
    const reuse = await refresh(target, session.refreshCookie);
    expect(reuse.status).toBe(401);
    // Everything issued in that family is now dead: the latest refresh cookie and the access tokens.
    expect((await refresh(target, second.cookie)).status).toBe(401);
    const me = await http(target.baseUrl, 'GET', '/auth/me', undefined, { authorization: `Bearer ${second.body.accessToken}` });
    expect(me.status).toBe(401);
    // Other logins of the same user are untouched.
    const other = await as(target.baseUrl, 'trucban');
    expect((await other.request('GET', '/auth/me')).status).toBe(200);
  }

  it('forces a password change before anything else when the account requires it, with the policy enforced', async () => {
    const username = `newbie.${Date.now().toString(36)}`;
    const weak = await admin.request<{ fields: { field: string }[] }>('POST', '/users', {
      username,
      displayName: 'Người mới',
      password: 'short',
      role: 'duty_officer',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fields.map((field) => field.field)).toContain('password');

    expect((await admin.request('POST', '/users', { username, displayName: 'Người mới', password: 'Khoi-tao-2026!', role: 'duty_officer' })).status).toBe(201);
    const session = await login(api.baseUrl, username, 'Khoi-tao-2026!');
    const headers = { authorization: `Bearer ${session.token}` };
    const blocked = await http<{ code: string }>(api.baseUrl, 'GET', '/incidents', undefined, headers);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('password_change_required');
    const tooWeak = await http(api.baseUrl, 'POST', '/auth/change-password', { currentPassword: 'Khoi-tao-2026!', newPassword: 'abc' }, headers);
    expect(tooWeak.status).toBe(400);
    expect((await http(api.baseUrl, 'POST', '/auth/change-password', { currentPassword: 'Khoi-tao-2026!', newPassword: STRONG }, headers)).status).toBe(200);
    expect((await http(api.baseUrl, 'GET', '/incidents', undefined, headers)).status).toBe(200);
  });

  it("closes a disabled user's sockets within 5 s and refuses their next request", async () => {
    const { user, username } = await newStaff();
    const client = await login(api.baseUrl, username, STRONG);
    const socket = await connectConsole(api.baseUrl, client.token);
    const closed = new Promise<number>((resolve) => socket.once('disconnect', () => resolve(Date.now())));
    const started = Date.now();
    expect((await admin.request('PATCH', `/users/${user.id}`, { active: false })).status).toBe(200);
    expect((await closed) - started).toBeLessThan(5000);
    expect((await http(api.baseUrl, 'GET', '/incidents', undefined, { authorization: `Bearer ${client.token}` })).status).toBe(401);
    await expect(login(api.baseUrl, username, STRONG)).rejects.toThrow(/401/);
  });

  it('re-scopes at once when an operator changes: old sockets close, the next login sees the new scope', async () => {
    const { user, username } = await newStaff('viettel');
    const client = await login(api.baseUrl, username, STRONG);
    const socket = await connectConsole(api.baseUrl, client.token);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    expect((await admin.request('PATCH', `/users/${user.id}`, { operatorCode: 'vnpt' })).status).toBe(200);
    await closed;
    expect((await http(api.baseUrl, 'GET', '/incidents', undefined, { authorization: `Bearer ${client.token}` })).status).toBe(401);
    const again = await asUser(username);
    const { body } = await again.request<{ items: { site: { operator: { code: string } } }[] }>('GET', '/incidents?open=false');
    expect(body.items.every((incident) => incident.site.operator.code === 'vnpt')).toBe(true);
  });

  it('changing your own password ends every other session at once (tokens and sockets) and keeps this one', async () => {
    const { username } = await newStaff();
    const laptop = await asUser(username);
    const phone = await asUser(username);
    const phoneSocket = await connectConsole(api.baseUrl, phone.session.token);
    const laptopSocket = await connectConsole(api.baseUrl, laptop.session.token);
    const phoneClosed = new Promise<void>((resolve) => phoneSocket.once('disconnect', () => resolve()));
    try {
      const changed = await laptop.request('POST', '/auth/change-password', { currentPassword: STRONG, newPassword: 'Doi-mat-khau-2026!' });
      expect(changed.status).toBe(200);
      // The other session: its access token, its refresh token and its socket all stop at once.
      expect((await phone.request('GET', '/auth/me')).status).toBe(401);
      expect((await refresh(api, phone.session.refreshCookie)).status).toBe(401);
      await phoneClosed;
      // The session that made the change carries on: requests, refresh and its live socket.
      expect((await laptop.request('GET', '/auth/me')).status).toBe(200);
      expect(laptopSocket.connected).toBe(true);
      await expect(laptopSocket.timeout(5000).emitWithAck('clock.sync')).resolves.toEqual(expect.any(String));
      expect((await refresh(api, laptop.session.refreshCookie)).status).toBe(200);
    } finally {
      phoneSocket.disconnect();
      laptopSocket.disconnect();
    }
  });

  it('gives no live socket to a session that must still change its password, as REST refuses it', async () => {
    const username = `pending.${Date.now().toString(36)}`;
    expect((await admin.request('POST', '/users', { username, displayName: 'Chưa đổi mật khẩu', password: 'Khoi-tao-2026!', role: 'duty_officer' })).status).toBe(201);
    const session = await login(api.baseUrl, username, 'Khoi-tao-2026!');
    const refused = connectConsole(api.baseUrl, session.token).then((socket) => {
      socket.disconnect();
      return 'connected';
    });
    await expect(refused).rejects.toThrow(/password_change_required/);
    const headers = { authorization: `Bearer ${session.token}` };
    expect((await http(api.baseUrl, 'POST', '/auth/change-password', { currentPassword: 'Khoi-tao-2026!', newPassword: STRONG }, headers)).status).toBe(200);
    const socket = await connectConsole(api.baseUrl, session.token);
    expect(socket.connected).toBe(true);
    socket.disconnect();
  });

  it('logs out everywhere: every session of the user ends', async () => {
    const { username } = await newStaff();
    const laptop = await asUser(username);
    const phone = await asUser(username);
    expect((await phone.request('POST', '/auth/logout-everywhere')).status).toBe(204);
    expect((await laptop.request('GET', '/auth/me')).status).toBe(401);
    expect((await phone.request('GET', '/auth/me')).status).toBe(401);
  });

  it('locks an account after repeated bad passwords, across two api instances sharing Redis', async () => {
    const second = await startApi();
    try {
      const { username } = await newStaff();
      const instances = [api.baseUrl, second.baseUrl];
      for (let attempt = 0; attempt < 5; attempt++) {
        const result = await http(instances[attempt % 2] ?? api.baseUrl, 'POST', '/auth/login', { username, password: 'Sai-mat-khau-1!' });
        expect(result.status).toBe(401);
      }
      for (const base of instances) {
        // Even the right password is refused while locked, on either instance.
        const locked = await http<{ code: string; details: { retryAfterSeconds: number } }>(base, 'POST', '/auth/login', { username, password: STRONG });
        expect(locked.status).toBe(429);
        expect(locked.body.code).toBe('account_locked');
        expect(locked.body.details.retryAfterSeconds).toBeGreaterThan(0);
      }
    } finally {
      await second.close();
    }
  });

  it('counts every attempt before the password check: 60 parallel logins get only LOGIN_MAX_FAILURES past the lock', async () => {
    const { username } = await newStaff();
    // The right password is the 40th of the burst; the limit is 5.
    const passwords = Array.from({ length: 60 }, (_, index) => (index === 39 ? STRONG : `Sai-mat-khau-${index}!`));
    const statuses = await Promise.all(
      passwords.map((password) => http(api.baseUrl, 'POST', '/auth/login', { username, password }).then((result) => result.status)),
    );
    const checked = statuses.filter((status) => status !== 429);
    expect(checked).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(55);
    // Only an attempt among the five that reached the check could have succeeded; the 40th did not.
    expect(statuses[39]).toBe(429);
    expect((await http(api.baseUrl, 'POST', '/auth/login', { username, password: STRONG })).status).toBe(429);
  });

  describe('lockout keyed by account and client address', () => {
    let proxied: RunningApi;
    const from = (address: string) => ({ 'x-forwarded-for': address });

    beforeAll(async () => {
      // Behind a trusted proxy, so each request can say which client address it comes from.
      proxied = await startApi({ TRUST_PROXY: 'loopback', LOGIN_ACCOUNT_MAX_FAILURES: '12' });
    });

    afterAll(() => proxied.close());

    it("does not lock the real user out when someone else guesses from another address", async () => {
      const { username } = await newStaff();
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await http(proxied.baseUrl, 'POST', '/auth/login', { username, password: 'Sai-mat-khau-1!' }, from('203.0.113.7'))).status).toBe(401);
      }
      // The guessing address is locked, even with the right password...
      const locked = await http<{ code: string }>(proxied.baseUrl, 'POST', '/auth/login', { username, password: STRONG }, from('203.0.113.7'));
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('account_locked');
      // ...while the user, at their own workstation, logs in.
      expect((await http(proxied.baseUrl, 'POST', '/auth/login', { username, password: STRONG }, from('198.51.100.20'))).status).toBe(200);
    });

    it('stops distributed guessing past LOGIN_ACCOUNT_MAX_FAILURES, except from addresses the user has logged in from', async () => {
      const { username } = await newStaff();
      expect((await http(proxied.baseUrl, 'POST', '/auth/login', { username, password: STRONG }, from('198.51.100.30'))).status).toBe(200);
      // Twelve addresses, one guess each: none is locked on its own.
      for (let host = 1; host <= 12; host++) {
        expect((await http(proxied.baseUrl, 'POST', '/auth/login', { username, password: 'Sai-mat-khau-1!' }, from(`192.0.2.${host}`))).status).toBe(401);
      }
      // The account-wide limit is reached: a new address is refused before its password is checked...
      const refused = await http<{ code: string }>(proxied.baseUrl, 'POST', '/auth/login', { username, password: STRONG }, from('192.0.2.99'));
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('account_locked');
      // ...but the user's known address still gets in.
      expect((await http(proxied.baseUrl, 'POST', '/auth/login', { username, password: STRONG }, from('198.51.100.30'))).status).toBe(200);
    });
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await http<{ code: string; message: string }>(api.baseUrl, 'POST', '/auth/login', { username: 'trucban.x', password: 'x' });
    const unknown = await http<{ code: string; message: string }>(api.baseUrl, 'POST', '/auth/login', { username: 'khong.ton.tai', password: 'x' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });
});
