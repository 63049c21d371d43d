import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, apiLogin } from './support/api-client';
import { boardSearch, launchBrowser, logIn, SCREENSHOTS, screenEdges, settle } from './support/console-page';

/**
 * The console on a phone (390 × 844), as responders and cluster staff use it in the field: the header
 * fits, and the board, the header menu, an incident's detail and an action's dialog never need
 * panning sideways (the page never grows wider than the screen). Screenshots of each step.
 */
const PHONE = { width: 390, height: 844 };

interface IncidentSummary {
  id: string;
  reference: string;
  allowedActions: string[];
  site: { state: 'in_service' | 'degraded' | 'down'; downKind: 'on_battery' | 'on_generator' | 'off_air' | null };
}

/** The incident detail's words for a site's state (the console's Vietnamese). */
const SITE_STATE_WORDS = { in_service: 'Hoạt động bình thường', degraded: 'Suy giảm', down: 'Mất liên lạc' } as const;
const DOWN_KIND_WORDS = { on_battery: 'mất điện lưới, chạy ắc quy', on_generator: 'chạy máy phát điện', off_air: 'mất sóng' } as const;

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
}

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
}

describe('on a phone (390 px)', () => {
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function phoneContext(): Promise<BrowserContext> {
    return browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 1,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
  }

  /** Logs in on a phone, checks the board and the header menu; returns the page. */
  async function openBoard(username: string, label: string): Promise<Page> {
    const context = await phoneContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await logIn(page, username);
    await page.locator('.board-row').first().waitFor();
    await page.locator('[data-testid="connection-indicator"][data-status="live"]').waitFor();
    await settle(page);
    await expectNoHorizontalOverflow(page);
    // The header's tools moved into the menu: the header itself fits the screen.
    expect((await screenEdges(page, '[data-testid="header-menu-button"]')).right).toBeLessThanOrEqual(PHONE.width);
    expect(await page.locator('[data-testid="app-header"] [data-testid="user-menu"]').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, `phone-${label}-board.png`) });

    // The filter Selects fold behind one button on a phone, and unfold without widening the page.
    expect(await page.locator('.board-filters .board-filter:not(.board-filter--search)').count()).toBe(0);
    await page.locator('[data-testid="board-filters-toggle"]').click();
    await page.locator('.board-filters [data-testid="filter-severity"]').waitFor();
    await expectNoHorizontalOverflow(page);
    await page.locator('[data-testid="board-filters-toggle"]').click();
    await page.locator('.board-filters [data-testid="filter-severity"]').waitFor({ state: 'detached' });

    await page.locator('[data-testid="header-menu-button"]').click();
    const menu = page.locator('.header-menu .ant-drawer-content-wrapper');
    await menu.waitFor();
    await settle(page);
    await menu.locator('[data-testid="user-menu"]').waitFor();
    await menu.locator('[data-testid="language-switch"]').waitFor();
    await expectNoHorizontalOverflow(page);
    const menuBox = await screenEdges(page, '.header-menu .ant-drawer-content-wrapper');
    expect(menuBox.left).toBeGreaterThanOrEqual(0);
    expect(menuBox.right).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(SCREENSHOTS, `phone-${label}-menu.png`) });
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    return page;
  }

  async function openDetail(page: Page, incident: IncidentSummary, label: string) {
    await boardSearch(page).fill(incident.reference);
    const row = page.locator(`[data-testid="incident-row-${incident.reference}"]`);
    await row.locator('.reference').click();
    const detail = page.locator(`[data-testid="incident-detail"][data-incident-reference="${incident.reference}"]`);
    await detail.waitFor();
    await detail.locator('[data-testid="timeline-reported"]').waitFor();
    // The site's state as the database derived it from its open incidents.
    const { state, downKind } = incident.site;
    expect(await detail.locator('[data-testid="site-state"]').textContent()).toBe(`${SITE_STATE_WORDS[state]}${downKind ? ` — ${DOWN_KIND_WORDS[downKind]}` : ''}`);
    await settle(page);
    await expectNoHorizontalOverflow(page);
    const panel = await screenEdges(page, '.incident-drawer .ant-drawer-content-wrapper');
    expect(panel.left).toBeGreaterThanOrEqual(0);
    expect(panel.right).toBeLessThanOrEqual(PHONE.width);
    // Nothing inside the panel is wider than it either (no sideways scrolling within the detail).
    const inner = await page.locator('.incident-drawer .ant-drawer-body').evaluate((body) => ({ scroll: body.scrollWidth, client: body.clientWidth }));
    expect(inner.scroll).toBeLessThanOrEqual(inner.client);
    await page.screenshot({ path: join(SCREENSHOTS, `phone-${label}-detail.png`) });
    return detail;
  }

  async function openDialog(page: Page, detail: ReturnType<Page['locator']>, action: string, label: string) {
    await detail.locator(`[data-testid="action-${action}"]`).click();
    const dialog = page.locator('.ant-modal-container').first();
    await dialog.waitFor();
    await settle(page);
    await expectNoHorizontalOverflow(page);
    const box = await screenEdges(page, '.ant-modal-container');
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(SCREENSHOTS, `phone-${label}-dialog.png`) });
    await page.locator('.ant-modal-footer button', { hasText: 'Huỷ' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async function boardOf(username: string): Promise<IncidentSummary[]> {
    const token = await apiLogin(username);
    const { status, body } = await apiCall<{ items: IncidentSummary[] }>(token, 'GET', '/incidents?open=true&limit=100');
    expect(status).toBe(200);
    return body.items;
  }

  it('lets a responder read an assigned incident and open its resolve dialog without panning', async () => {
    const incidents = await boardOf('ungcuu.viettel');
    const workable = incidents.find((incident) => incident.allowedActions.includes('resolve'));
    expect(workable).toBeDefined();
    if (!workable) return;
    const page = await openBoard('ungcuu.viettel', 'responder');
    const detail = await openDetail(page, workable, 'responder');
    await openDialog(page, detail, 'resolve', 'responder');
    await page.context().close();
  });

  it('lets cluster staff open an incident and its assign dialog without panning', async () => {
    const incidents = await boardOf('viettel.lsn');
    const workable = incidents.find((incident) => incident.allowedActions.includes('assign'));
    expect(workable).toBeDefined();
    if (!workable) return;
    const page = await openBoard('viettel.lsn', 'cluster-staff');
    const detail = await openDetail(page, workable, 'cluster-staff');
    await openDialog(page, detail, 'assign', 'cluster-staff');

    // Reporting from the field: the header menu's report button, then the form, without panning.
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await page.locator('[data-testid="header-menu-button"]').click();
    await page.locator('.header-menu [data-testid="header-report-button"]').click();
    await page.waitForURL(/\/report$/);
    await page.locator('[data-testid="report-form"]').waitFor();
    await settle(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-cluster-staff-report.png') });
    await page.context().close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
