import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiLogin } from './support/api-client';
import { consoleUrl, field, launchBrowser, logIn, newConsoleContext, openDropdownOptions, SCREENSHOTS, settle } from './support/console-page';

/**
 * The administrator's tabs for what the on-duty operations run on: the 4×3 SLA table, an escalation
 * policy (levels with a wait and recipients of each kind; a level without recipients is caught before
 * saving), an event period (times in Vietnam time, P0 sites picked and by radius) after which the shell's
 * banner announces it, and the site register.
 */
const RUN = Date.now().toString(36);
const POLICY_NAME = `E2E VNPost P1 ${RUN}`;
const EVENT_NAME = `E2E Hội nghị ${RUN}`;
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** An instant as the province's wall clock for a datetime-local input ("2026-12-09T13:30"). */
function vietnamWallClock(ms: number): string {
  // Asia/Ho_Chi_Minh has no daylight saving time: UTC+7 all year.
  return new Date(ms + 7 * HOUR_MS).toISOString().slice(0, 16);
}

async function api<T>(token: string, method: 'GET' | 'PUT', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${consoleUrl()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function pick(page: Page, selector: string, text: string | null): Promise<void> {
  // A dropdown still closing would answer for the next one.
  await settle(page);
  await page.locator(selector).click();
  const options = openDropdownOptions(page);
  await options.first().waitFor();
  await (text === null ? options.first() : options.filter({ hasText: text }).first()).click();
  await page.keyboard.press('Escape');
  await settle(page);
}

function saved(page: Page, path: RegExp, method: 'POST' | 'PUT' | 'PATCH') {
  return page.waitForResponse((response) => path.test(new URL(response.url()).pathname) && response.request().method() === method);
}

describe('admin: SLA, escalation policies, event periods and sites', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newConsoleContext(browser)).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await logIn(page, 'admin');
  });

  afterAll(async () => {
    // Leave the demo congress as the announced period for the other suites: move this run's period out of the week.
    const token = await apiLogin('admin');
    const periods = await api<{ id: string; name: string; startsAt: string }[]>(token, 'GET', '/event-periods');
    for (const period of periods.body.filter((candidate) => candidate.name.startsWith(EVENT_NAME))) {
      const { id, ...rest } = period as { id: string; active?: boolean; updatedAt?: string } & Record<string, unknown>;
      delete rest['active'];
      delete rest['updatedAt'];
      const startsAt = Date.now() + 90 * DAY_MS;
      await api(token, 'PUT', `/event-periods/${id}`, { ...rest, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + DAY_MS).toISOString() });
    }
    await browser?.close();
  });

  it('shows the 4×3 SLA table and saves a changed cell', async () => {
    await page.goto(`${consoleUrl()}/admin?tab=sla`);
    await page.locator('[data-testid="sla-policies-tab"]').waitFor();
    await page.locator('[data-testid^="sla-cell-"]').first().waitFor();
    expect(await page.locator('[data-testid^="sla-cell-"]').count()).toBe(12);
    const cell = page.locator('[data-testid="sla-cell-warning-P2"]');
    const before = (await cell.textContent()) ?? '';
    await cell.click();
    await settle(page);
    const acknowledge = field(page, 'sla-acknowledge-minutes');
    const original = await acknowledge.inputValue();
    await acknowledge.fill(String(Number(original) - 1));
    let answer = saved(page, /\/sla-policies\/warning\/P2$/, 'PUT');
    await page.locator('.sla-policy-modal .ant-btn-primary').click();
    expect((await answer).status()).toBe(200);
    await page.waitForFunction((text) => document.querySelector('[data-testid="sla-cell-warning-P2"]')?.textContent !== text, before);
    await page.locator('.sla-policy-modal .ant-modal').waitFor({ state: 'hidden' });
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-sla.png') });
    // Put it back: the other suites count on the seeded windows.
    await cell.click();
    await settle(page);
    await field(page, 'sla-acknowledge-minutes').fill(original);
    answer = saved(page, /\/sla-policies\/warning\/P2$/, 'PUT');
    await page.locator('.sla-policy-modal .ant-btn-primary').click();
    expect((await answer).status()).toBe(200);
    await page.waitForFunction((text) => document.querySelector('[data-testid="sla-cell-warning-P2"]')?.textContent === text, before);
  });

  it('creates an escalation policy with recipients of each kind, catching a level without recipients', async () => {
    await page.locator('[data-testid="admin-tab-escalation"]').click();
    await page.locator('[data-testid="escalation-policies-tab"] .ant-table-row').first().waitFor();
    await page.locator('[data-testid="policy-create"]').click();
    const drawer = page.locator('.policy-drawer .ant-drawer-body');
    await drawer.waitFor();
    await settle(page);
    await field(page, 'policy-name').fill(POLICY_NAME);
    await pick(page, '[data-testid="policy-operator"]', 'VNPost');
    await pick(page, '[data-testid="policy-priority"]', 'P1');
    // Level 1 starts with the assigned responders. Level 2: the cluster lead, leadership, the on-shift group and a person.
    await page.locator('[data-testid="policy-add-level"]').click();
    const second = page.locator('[data-testid="policy-level-2"]');
    await second.locator('[data-testid="policy-level-cluster-lead"]').check();
    await pick(page, '[data-testid="policy-level-2"] [data-testid="policy-level-roles"]', 'Lãnh đạo');
    await pick(page, '[data-testid="policy-level-2"] [data-testid="policy-level-groups"]', null);
    await pick(page, '[data-testid="policy-level-2"] [data-testid="policy-level-people"]', 'Cán bộ trực');
    // Level 3 with nobody: refused before any request, on that level.
    await page.locator('[data-testid="policy-add-level"]').click();
    let posted = false;
    const watch = (request: { url: () => string; method: () => string }) => {
      if (request.url().endsWith('/escalation-policies') && request.method() === 'POST') posted = true;
    };
    page.on('request', watch);
    await page.locator('[data-testid="policy-save"]').click();
    await page.locator('[data-testid="policy-level-3"]').getByText('Chọn ít nhất 1').waitFor();
    page.off('request', watch);
    expect(posted).toBe(false);
    await page.locator('[data-testid="policy-level-3"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-policy-problem.png') });
    await page.locator('[data-testid="policy-level-3"] [data-testid="policy-level-remove"]').click();

    const answer = saved(page, /\/escalation-policies$/, 'POST');
    await page.locator('[data-testid="policy-save"]').click();
    const created = await answer;
    expect(created.status()).toBe(201);
    const body = (await created.json()) as { operatorCode: string; priority: string; levels: { waitSeconds: number; recipients: { kind: string }[] }[] };
    expect(body.operatorCode).toBe('vnpost');
    expect(body.priority).toBe('P1');
    expect(body.levels.map((level) => level.waitSeconds)).toEqual([0, 300]);
    expect(body.levels[1]?.recipients.map((recipient) => recipient.kind).sort()).toEqual(['cluster_lead', 'on_shift', 'person', 'role']);
  });

  it('edits the policy: a new wait is saved and listed', async () => {
    const edit = page.locator(`[data-testid="policy-edit"][data-policy-name="${POLICY_NAME}"]`);
    await edit.waitFor();
    await edit.click();
    await settle(page);
    await page.locator('[data-testid="policy-level-2"] input[data-testid="policy-level-wait"], [data-testid="policy-level-2"] [data-testid="policy-level-wait"] input').first().fill('7');
    const answer = saved(page, /\/escalation-policies\/[0-9a-f-]+$/, 'PUT');
    await page.locator('[data-testid="policy-save"]').click();
    expect((await answer).status()).toBe(200);
    const row = page.locator('.ant-table-row', { hasText: POLICY_NAME });
    await row.getByText('Cấp 2 · 7 phút').waitFor();
    await page.locator('.policy-drawer .ant-drawer-body').waitFor({ state: 'hidden' });
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-policies.png') });
  });

  it('creates and edits an event period, and the banner then announces it', async () => {
    await page.locator('[data-testid="admin-tab-events"]').click();
    await page.locator('[data-testid="event-periods-tab"]').waitFor();
    await page.locator('[data-testid="event-create"]').click();
    await page.locator('.event-drawer .ant-drawer-body').waitFor();
    await settle(page);
    await field(page, 'event-name').fill(EVENT_NAME);
    // Two days and three and a half hours from now: "bắt đầu sau 2 ngày 03 giờ".
    const startsAt = Date.now() + 2 * DAY_MS + 3.5 * HOUR_MS;
    await field(page, 'event-starts-at').fill(vietnamWallClock(startsAt));
    await field(page, 'event-ends-at').fill(vietnamWallClock(startsAt));
    // The end at the start: refused on the end field before any request.
    await page.locator('[data-testid="event-save"]').click();
    await page.locator('.ant-form-item-has-error [data-testid="event-ends-at"]').waitFor();
    await field(page, 'event-ends-at').fill(vietnamWallClock(startsAt + DAY_MS));

    // P0 sites: one picked from the list, then those within 1 km of it.
    const search = page.waitForResponse((response) => response.url().includes('/api/v1/sites') && response.url().includes('q=dong') && response.ok());
    await field(page, 'p0-site-search').fill('dong kinh');
    await search;
    await page.locator('[data-testid="p0-site-add"]').first().click();
    await page.locator('[data-testid="p0-site-tag"]').first().waitFor();
    await pick(page, '[data-testid="p0-radius-centre"]', null);
    await field(page, 'p0-radius-metres').fill('1000');
    await page.locator('[data-testid="p0-radius-add"]').click();
    const chosen = await page.locator('[data-testid="p0-site-tag"]').count();
    expect(chosen).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-event-editor.png') });

    const answer = saved(page, /\/event-periods$/, 'POST');
    await page.locator('[data-testid="event-save"]').click();
    const created = await answer;
    expect(created.status()).toBe(201);
    const body = (await created.json()) as { startsAt: string; p0SiteIds: string[] };
    // The wall clock was read as Vietnam time: the stored instant is the one meant, to the minute.
    expect(Math.abs(Date.parse(body.startsAt) - startsAt)).toBeLessThan(60_000);
    expect(body.p0SiteIds).toHaveLength(chosen);

    const banner = page.locator('[data-testid="event-banner"]');
    await page.locator('[data-testid="event-banner-text"]', { hasText: EVENT_NAME }).waitFor();
    expect(await banner.getAttribute('data-kind')).toBe('upcoming');
    expect(await page.locator('[data-testid="event-banner-text"]').textContent()).toBe(`${EVENT_NAME} bắt đầu sau 2 ngày 03 giờ`);

    // Edit: a new name and a start one day and five and a half hours away.
    await page.locator(`[data-testid="event-edit"][data-event-name="${EVENT_NAME}"]`).click();
    await settle(page);
    // The chosen sites keep their code and name (from the lists seen), not a bare id.
    expect(await page.locator('[data-testid="p0-site-tag"]').count()).toBe(chosen);
    expect(await page.locator('[data-testid="p0-site-tag"]', { hasText: /^Trạm [0-9a-f]{8}$/ }).count()).toBe(0);
    await field(page, 'event-name').fill(`${EVENT_NAME} (sửa)`);
    const movedStart = Date.now() + DAY_MS + 5.5 * HOUR_MS;
    await field(page, 'event-starts-at').fill(vietnamWallClock(movedStart));
    const replaced = saved(page, /\/event-periods\/[0-9a-f-]+$/, 'PUT');
    await page.locator('[data-testid="event-save"]').click();
    expect((await replaced).status()).toBe(200);
    await page.locator('[data-testid="event-banner-text"]', { hasText: `${EVENT_NAME} (sửa) bắt đầu sau 1 ngày 05 giờ` }).waitFor();
    await page.locator('.event-drawer .ant-drawer-body').waitFor({ state: 'hidden' });
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-event-banner.png') });
  });

  it('creates a site and edits it in the site register', async () => {
    await page.locator('[data-testid="admin-tab-sites"]').click();
    await page.locator('[data-testid="sites-tab"] .ant-table-row').first().waitFor();
    await page.locator('[data-testid="site-create"]').click();
    await page.locator('.site-drawer .ant-drawer-body').waitFor();
    await settle(page);
    const code = `E2E-${RUN}`.toUpperCase();
    await field(page, 'site-code').fill(code);
    await field(page, 'site-name').fill(`Trạm thử nghiệm ${RUN}`);
    await pick(page, '[data-testid="site-operator"]', 'Viettel');
    await pick(page, '[data-testid="site-commune"]', null);
    await field(page, 'site-latitude').fill('21.84');
    await field(page, 'site-longitude').fill('106.75');
    let answer = saved(page, /\/sites$/, 'POST');
    await page.locator('[data-testid="site-save"]').click();
    expect((await answer).status()).toBe(201);

    await field(page, 'sites-search').fill(code);
    const row = page.locator('[data-testid="sites-tab"] .ant-table-row', { hasText: code });
    await row.waitFor();
    await row.locator('[data-testid="site-edit"]').click();
    await settle(page);
    expect(await field(page, 'site-code').inputValue()).toBe(code);
    await field(page, 'site-name').fill(`Trạm thử nghiệm ${RUN} (sửa)`);
    answer = saved(page, /\/sites\/[0-9a-f-]+$/, 'PATCH');
    await page.locator('[data-testid="site-save"]').click();
    const patched = await answer;
    expect(patched.status()).toBe(200);
    expect(JSON.parse(patched.request().postData() ?? '{}')).toEqual({ name: `Trạm thử nghiệm ${RUN} (sửa)` });
    await page.locator('[data-testid="sites-tab"] .ant-table-row', { hasText: '(sửa)' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('adds a responder, naming a bad phone on its field, then retires them', async () => {
    await page.locator('[data-testid="admin-tab-responders"]').click();
    await page.locator('[data-testid="responders-tab"] .ant-table-row').first().waitFor();
    await page.locator('[data-testid="responder-create"]').click();
    await page.locator('.responder-drawer .ant-drawer-body').waitFor();
    await settle(page);
    const name = `Ứng cứu thử ${RUN}`;
    await pick(page, '[data-testid="responder-cluster"]', null);
    await field(page, 'responder-name').fill(name);
    await field(page, 'responder-phone').fill('not a phone');
    await page.locator('[data-testid="responder-save"]').click();
    await page.locator('.responder-drawer .ant-form-item-explain-error').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-responder-problem.png') });

    await field(page, 'responder-phone').fill('0912 345 678');
    let answer = saved(page, /\/responders$/, 'POST');
    await page.locator('[data-testid="responder-save"]').click();
    expect((await answer).status()).toBe(201);

    await field(page, 'responders-search').fill(RUN);
    const row = page.locator('[data-testid="responders-tab"] .ant-table-row', { hasText: name });
    await row.waitFor();
    await row.locator('[data-testid="responder-edit"]').click();
    await settle(page);
    expect(await field(page, 'responder-name').inputValue()).toBe(name);
    await page.locator('.responder-drawer .ant-switch').click();
    answer = saved(page, /\/responders\/[0-9a-f-]+$/, 'PATCH');
    await page.locator('[data-testid="responder-save"]').click();
    const patched = await answer;
    expect(patched.status()).toBe(200);
    expect(JSON.parse(patched.request().postData() ?? '{}')).toMatchObject({ name, active: false });
    await row.locator('.ant-tag', { hasText: 'Đã nghỉ' }).waitFor();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-responders.png') });
    expect(pageErrors).toEqual([]);
  });

  it('shows the tabs and the banner in English once English is chosen (its strings load lazily)', async () => {
    await page.goto(`${consoleUrl()}/admin?tab=escalation&lang=en`);
    await page.locator('[data-testid="admin-tab-escalation"]', { hasText: 'Escalation chains' }).waitFor();
    expect(await page.locator('[data-testid="admin-tab-events"]').textContent()).toContain('Event periods');
    await page.locator('[data-testid="policy-create"]', { hasText: 'Add policy' }).waitFor();
    await page.locator('[data-testid="event-banner-text"]').waitFor();
    expect(await page.locator('[data-testid="event-banner-text"]').textContent()).toMatch(/ starts in \d d \d\d h$/);
    expect(pageErrors).toEqual([]);
  });
});
