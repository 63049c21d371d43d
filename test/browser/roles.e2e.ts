import { join } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import {
  boardSearch,
  consoleUrl,
  field,
  fold,
  launchBrowser,
  logInThroughForm,
  newConsoleContext,
  openDropdownOptions,
  SCREENSHOTS,
  settle,
  searchSiteInReportForm,
} from './support/console-page';

/**
 * The console as each role sees it: a Viettel cluster sees and reports only Viettel faults and gets no
 * close/reopen buttons; the duty officer sees every operator; the administrator manages users and reads
 * the audit trail (which holds the logins just made). Each role logs in in its own browser profile.
 */
interface IncidentSummary {
  id: string;
  reference: string;
  status: string;
  allowedActions: string[];
  site: { code: string; operator: { code: string; name: string } };
}

interface AuditEntry {
  action: string;
  actorUsername: string | null;
  outcome: string;
}

/** Created by the administrator below, then logged in with. */
const NEW_USER = { username: 'vnpt.caoloc', displayName: 'Cụm kỹ thuật VNPT Cao Lộc', password: 'Tam-thoi-VNPT-2026' };

function isIncidentList(response: Response): boolean {
  const url = new URL(response.url());
  return url.pathname === '/api/v1/incidents' && response.request().method() === 'GET' && response.ok();
}

/** Operator codes of the board rows currently rendered (the board is virtual: only those on screen). */
async function renderedRowOperators(page: Page): Promise<string[]> {
  return page.locator('.board-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-operator') ?? ''));
}

describe('roles', () => {
  let browser: Browser;
  const pageErrors: string[] = [];

  async function freshPage(): Promise<Page> {
    const context = await newConsoleContext(browser);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${error.message}`));
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('cluster staff of Viettel (viettel.lsn)', () => {
    let page: Page;
    let board: IncidentSummary[] = [];
    let reportedReference = '';

    it('shows the login page, and refuses a wrong password in Vietnamese', async () => {
      page = await freshPage();
      await page.goto(`${consoleUrl()}/login?demo`);
      await page.locator('[data-testid="login-form"]').waitFor();
      expect(await page.locator('[data-testid="owner-agency"]').textContent()).toBe('Sở Khoa học và Công nghệ tỉnh Lạng Sơn');
      // The demo hint stays folded until asked for.
      expect(await page.locator('.demo-accounts').count()).toBe(1);
      expect(await page.locator('[data-testid="demo-accounts"]').isVisible()).toBe(false);
      await settle(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'login.png') });

      await field(page, 'login-username').fill('khong.ton.tai');
      await field(page, 'login-password').fill('Sai-mat-khau-2026');
      const refused = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
      await page.locator('[data-testid="login-submit"]').click();
      expect((await refused).status()).toBe(401);
      const error = page.locator('[data-testid="login-error"]');
      await error.waitFor();
      expect(await error.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    });

    it('sees only Viettel incidents, with the cluster-staff role in the header', async () => {
      const list = page.waitForResponse(isIncidentList);
      const { user } = await logInThroughForm(page, 'viettel.lsn');
      expect(user.role).toBe('cluster_staff');
      board = ((await (await list).json()) as { items: IncidentSummary[] }).items;
      expect(board.length).toBeGreaterThan(0);
      expect(new Set(board.map((incident) => incident.site.operator.code))).toEqual(new Set(['viettel']));

      await page.locator('.board-row').first().waitFor();
      const operators = await renderedRowOperators(page);
      expect(operators.length).toBeGreaterThan(0);
      expect(new Set(operators)).toEqual(new Set(['viettel']));
      // The operator column says so too.
      const operatorCells = await page.locator('.board-row').evaluateAll((rows) => rows.map((row) => row.textContent ?? ''));
      for (const text of operatorCells) expect(text).toContain('Viettel');

      const roleTag = page.locator('[data-testid="user-menu"] [data-testid="role-tag"]');
      expect(await roleTag.getAttribute('data-role')).toBe('cluster_staff');
      expect(await roleTag.textContent()).toBe('Cán bộ cụm kỹ thuật');
      await page.locator('[data-testid="user-operator"]', { hasText: 'Viettel' }).waitFor();
      // Neither administration nor the audit trail is offered.
      expect(await page.locator('[data-testid="nav-admin"]').count()).toBe(0);
      expect(await page.locator('[data-testid="nav-audit"]').count()).toBe(0);
      await page.locator('[data-testid="connection-indicator"][data-status="live"]').waitFor();
      await settle(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'board-cluster-staff.png') });
    });

    it('reports a fault on a Viettel site, finding only Viettel sites', async () => {
      const sites = (await (await searchSiteInReportForm(page, 'dong kinh')).json()) as { code: string; operator: { code: string } }[];
      expect(sites.length).toBeGreaterThan(0);
      expect(new Set(sites.map((site) => site.operator.code))).toEqual(new Set(['viettel']));
      await page.waitForFunction(() => {
        const option = document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
        return (option?.textContent ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().includes('dong kinh');
      });
      const optionTexts = await openDropdownOptions(page).allTextContents();
      expect(optionTexts.length).toBeGreaterThan(0);
      for (const text of optionTexts) expect(text).toContain('Viettel');
      expect(fold(optionTexts[0] ?? '')).toContain('dong kinh');
      await openDropdownOptions(page).first().click();

      await page.locator('[data-testid="report-category"]').click();
      await openDropdownOptions(page).filter({ hasText: 'Đứt cáp quang' }).first().click();
      await page.locator('[data-testid="report-severity-major"]').click();
      await page.locator('[data-testid="report-description"]').fill(`E2E ${new Date().toISOString()} — đứt cáp quang tuyến nội hạt`);
      expect(await page.locator('[data-testid="report-reporter"]').textContent()).toBe('Lý Văn Hùng');

      const created = page.waitForResponse((response) => response.url().endsWith('/api/v1/incidents') && response.request().method() === 'POST');
      await page.locator('[data-testid="report-submit"]').click();
      const response = await created;
      expect(response.status()).toBe(201);
      const incident = (await response.json()) as IncidentSummary;
      expect(incident.site.operator.code).toBe('viettel');
      reportedReference = incident.reference;
      await page.waitForURL(`${consoleUrl()}/`);
    });

    it('is offered no close or reopen buttons, only what cluster staff may do', async () => {
      const open = async (reference: string) => {
        await boardSearch(page).fill(reference);
        await page.locator(`[data-testid="incident-row-${reference}"]`).click();
        const detail = page.locator(`[data-testid="incident-detail"][data-incident-reference="${reference}"]`);
        await detail.waitFor();
        await detail.locator('[data-testid="timeline-reported"]').waitFor();
        return detail;
      };
      const actionsOf = (detail: ReturnType<Page['locator']>) =>
        detail.locator('[data-testid^="action-"]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-testid')));

      // The new incident: the state machine allows only acknowledge, which the cluster may do (it
      // receives the fault for its operator); they may also comment.
      const fresh = await open(reportedReference);
      await fresh.locator('[data-testid="comment-input"]').waitFor();
      await fresh.locator('[data-testid="action-acknowledge"]').waitFor();
      expect(await actionsOf(fresh)).toEqual(['action-acknowledge']);
      await page.locator('.ant-drawer-close').click();
      await fresh.waitFor({ state: 'detached' });

      // One being worked on: they may assign (and resolve), never close or reopen.
      const working = board.find((incident) => incident.allowedActions.includes('assign'));
      expect(working).toBeDefined();
      if (working) {
        const detail = await open(working.reference);
        await detail.locator('[data-testid="action-assign"]').waitFor();
        const shown = await actionsOf(detail);
        expect(shown.every((action) => action === 'action-assign' || action === 'action-resolve')).toBe(true);
        await page.locator('.ant-drawer-close').click();
        await detail.waitFor({ state: 'detached' });
      }

      // A resolved one, if the board holds one: close and reopen are allowed by the state machine, not by the role.
      const resolved = board.find((incident) => incident.allowedActions.includes('close') || incident.allowedActions.includes('reopen'));
      if (resolved) {
        const detail = await open(resolved.reference);
        const shown = await actionsOf(detail);
        expect(shown).not.toContain('action-close');
        expect(shown).not.toContain('action-reopen');
        await page.locator('.ant-drawer-close').click();
      }
      await boardSearch(page).fill('');
      expect(await page.locator('[data-testid="action-close"], [data-testid="action-reopen"]').count()).toBe(0);
    });
  });

  describe('duty officer (trucban)', () => {
    let page: Page;

    it('sees the incidents of several operators', async () => {
      page = await freshPage();
      await page.goto(`${consoleUrl()}/login`);
      const list = page.waitForResponse(isIncidentList);
      await logInThroughForm(page, 'trucban');
      const items = ((await (await list).json()) as { items: IncidentSummary[] }).items;
      const operators = new Set(items.map((incident) => incident.site.operator.code));
      expect(operators.size).toBeGreaterThanOrEqual(3);

      await page.locator('.board-row').first().waitFor();
      await page.locator('[data-testid="connection-indicator"][data-status="live"]').waitFor();
      expect(new Set(await renderedRowOperators(page)).size).toBeGreaterThanOrEqual(2);
      expect(await page.locator('[data-testid="user-menu"] [data-testid="role-tag"]').textContent()).toBe('Cán bộ trực');
      expect(await page.locator('[data-testid="user-operator"]').count()).toBe(0);
      await settle(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'board-duty-officer.png') });
    });

    it('keeps the session across a reload, restored silently from the refresh cookie', async () => {
      const list = page.waitForResponse(isIncidentList);
      await page.reload();
      await list;
      await page.locator('.board-row').first().waitFor();
      expect(await page.locator('[data-testid="user-display-name"]').textContent()).toBe('Nguyễn Thị Trực Ban');
    });

    it('logs out from the user menu', async () => {
      await page.locator('[data-testid="user-menu"]').click();
      const loggedOut = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/logout'));
      await page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item', { hasText: /^Đăng xuất$/ }).click();
      expect((await loggedOut).status()).toBe(204);
      await page.waitForURL(/\/login$/);
      await page.locator('[data-testid="login-notice"]', { hasText: 'Bạn đã đăng xuất' }).waitFor();
    });
  });

  describe('administrator (admin)', () => {
    let page: Page;

    it('returns to the page first asked for after logging in', async () => {
      page = await freshPage();
      await page.goto(`${consoleUrl()}/admin`);
      await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/admin');
      await logInThroughForm(page, 'admin');
      await page.waitForURL(`${consoleUrl()}/admin`);
    });

    it('lists the users with their roles', async () => {
      await page.locator('[data-testid="users-tab"]').waitFor();
      for (const username of ['admin', 'trucban', 'lanhdao', 'viettel.lsn', 'vnpost.lsn', 'ungcuu.viettel']) {
        await page.locator(`[data-testid="user-row-${username}"]`).waitFor();
      }
      const viettel = page.locator('[data-testid="user-row-viettel.lsn"]');
      expect(await viettel.locator('[data-testid="role-tag"]').getAttribute('data-role')).toBe('cluster_staff');
      expect(await viettel.textContent()).toContain('Viettel');
      // An administrator cannot disable their own account.
      expect(await page.locator('[data-testid="user-row-admin"] button[role="switch"]').isDisabled()).toBe(true);
      await settle(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'admin-users.png') });
    });

    it('creates a user, asking for the fields each role needs', async () => {
      await page.locator('[data-testid="user-create"]').click();
      const drawer = page.locator('[data-testid="user-drawer"]');
      await field(page, 'user-field-username').waitFor();
      expect(await drawer.locator('[data-testid="user-field-operator"]').count()).toBe(0);

      const pick = async (testId: string, label: string | RegExp) => {
        await drawer.locator(`[data-testid="${testId}"]`).click();
        await openDropdownOptions(page).filter({ hasText: label }).first().click();
      };
      await pick('user-field-role', 'Nhân viên ứng cứu');
      await drawer.locator('[data-testid="user-field-responder"]').waitFor();
      expect(await drawer.locator('[data-testid="user-field-operator"]').count()).toBe(0);
      await pick('user-field-role', 'Cán bộ cụm kỹ thuật');
      await drawer.locator('[data-testid="user-field-operator"]').waitFor();
      await drawer.locator('[data-testid="user-field-cluster"]').waitFor();
      expect(await drawer.locator('[data-testid="user-field-responder"]').count()).toBe(0);
      await pick('user-field-operator', /^VNPT$/);

      await field(page, 'user-field-username').fill(NEW_USER.username);
      await field(page, 'user-field-displayName').fill(NEW_USER.displayName);
      await field(page, 'user-password-new').fill(NEW_USER.password);
      await field(page, 'user-password-confirm').fill(NEW_USER.password);
      const created = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/users' && response.request().method() === 'POST');
      await page.locator('[data-testid="user-save"]').click();
      const response = await created;
      expect(response.status()).toBe(201);
      expect(await response.json()).toMatchObject({ username: NEW_USER.username, role: 'cluster_staff', operatorCode: 'vnpt', mustChangePassword: true });
      const row = page.locator(`[data-testid="user-row-${NEW_USER.username}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('Chờ đổi mật khẩu');
      await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    });

    it('reads the audit trail, with the logins just made, and exports it', async () => {
      const entries = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/audit' && response.ok());
      await page.locator('[data-testid="nav-audit"]').click();
      await page.waitForURL(/\/audit$/);
      const firstPage = (await (await entries).json()) as { items: AuditEntry[]; total: number };
      expect(firstPage.total).toBeGreaterThan(0);
      const logins = firstPage.items.filter((entry) => entry.action === 'auth.login' && entry.outcome === 'success');
      for (const username of ['viettel.lsn', 'trucban', 'admin']) {
        expect(logins.map((entry) => entry.actorUsername)).toContain(username);
      }
      await page.locator('[data-testid="audit-row-auth.login"]').first().waitFor();

      // Only the incident actions, newest first: the Viettel report is among them; its record unfolds.
      const filtered = page.waitForResponse((response) => response.url().includes('/api/v1/audit?') && response.url().includes('action=incident'));
      await field(page, 'audit-filter-action').fill('incident');
      const incidentEntries = (await (await filtered).json()) as { items: AuditEntry[] };
      expect(incidentEntries.items.length).toBeGreaterThan(0);
      expect(incidentEntries.items.every((entry) => entry.action.startsWith('incident.'))).toBe(true);
      await page.locator('[data-testid="audit-row-incident.report"]').first().waitFor();

      // Back to the whole trail; the Viettel report's record unfolds beside the logins.
      // (The unfiltered page may come from the cache: wait for its rows, not for a request.)
      await page.locator('[data-testid="audit-filters-clear"]').click();
      await page.locator('[data-testid="audit-row-auth.login"]').first().waitFor();
      const reportRow = page.locator('[data-testid="audit-row-incident.report"]').first();
      await reportRow.waitFor();
      await reportRow.locator('.ant-table-row-expand-icon').click();
      const after = page.locator('[data-testid="audit-detail"] [data-testid="audit-after"] pre').first();
      await after.waitFor();
      expect(await after.textContent()).toContain('"status": "reported"');
      // The action suggestions close with the filter cleared (after their animation).
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
      await settle(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'audit.png') });

      const download = page.waitForEvent('download');
      await page.locator('[data-testid="audit-export"]').click();
      expect((await download).suggestedFilename()).toMatch(/^netduty-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    });
  });

  describe('a new account', () => {
    it('must change its password at the first login, then sees its operator only', async () => {
      const page = await freshPage();
      await page.goto(`${consoleUrl()}/login`);
      await logInThroughForm(page, NEW_USER.username, NEW_USER.password);
      const screen = page.locator('[data-testid="forced-password-change"]');
      await screen.waitFor();

      // The policy is checked as typed: a password holding the username is refused before any request.
      await field(page, 'change-password-current').fill(NEW_USER.password);
      await field(page, 'change-password-new').fill(`${NEW_USER.username}-Moi-2026`);
      await field(page, 'change-password-confirm').fill(`${NEW_USER.username}-Moi-2026`);
      await page.locator('[data-testid="change-password-submit"]').click();
      await screen.locator('.ant-form-item-explain-error', { hasText: 'Không được chứa tên đăng nhập' }).waitFor();

      await field(page, 'change-password-new').fill('Cao-Loc-Moi-2026');
      await field(page, 'change-password-confirm').fill('Cao-Loc-Moi-2026');
      const list = page.waitForResponse(isIncidentList);
      const changed = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/change-password'));
      await page.locator('[data-testid="change-password-submit"]').click();
      expect((await changed).status()).toBe(200);
      const items = ((await (await list).json()) as { items: IncidentSummary[] }).items;
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((incident) => incident.site.operator.code))).toEqual(new Set(['vnpt']));
      await page.locator('[data-testid="user-operator"]', { hasText: 'VNPT' }).waitFor();
      await page.context().close();
    });
  });

  it('raised no uncaught errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
