import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  boardSearch,
  consoleUrl,
  fold,
  launchBrowser,
  logInThroughForm,
  newConsoleContext,
  openDropdownOptions,
  SCREENSHOTS,
  searchSiteInReportForm,
} from './support/console-page';

/**
 * Reports an incident through the console and follows it onto the on-duty board: the duty officer logs
 * in, the site is found by typing without diacritics, the new row appears (socket event or refetch), and
 * its countdown runs. Only waits on selectors, responses and page state; the one polling wait is for the
 * countdown to tick.
 */
interface ReportedIncident {
  id: string;
  reference: string;
  description: string;
}

describe('on-duty board', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let reported: ReportedIncident;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await newConsoleContext(browser);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sends an anonymous visitor to the login page, then back to the board as the duty officer', async () => {
    await page.goto(`${consoleUrl()}/`);
    await page.waitForURL(/\/login$/);
    const { user } = await logInThroughForm(page, 'trucban');
    expect(user.role).toBe('duty_officer');
    await page.waitForURL(`${consoleUrl()}/`);
    await page.locator('[data-testid="user-menu"] [data-testid="role-tag"][data-role="duty_officer"]').waitFor();
    expect(await page.locator('[data-testid="user-display-name"]').textContent()).toBe('Nguyễn Thị Trực Ban');
  });

  it('reports an incident from the form, found by a site search without diacritics', async () => {
    // Site: type without diacritics; the server folds both sides.
    await searchSiteInReportForm(page, 'dong kinh');
    const firstSite = openDropdownOptions(page).first();
    await page.waitForFunction(() => {
      const option = document.querySelector(
        '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
      );
      const text = (option?.textContent ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
      return text.includes('dong kinh');
    });
    expect(fold((await firstSite.textContent()) ?? '')).toContain('dong kinh');
    await firstSite.click();

    // Category and severity.
    await page.locator('[data-testid="report-category"]').click();
    await openDropdownOptions(page).filter({ hasText: 'Mất điện lưới' }).first().click();
    await page.locator('[data-testid="report-severity-critical"]').click();

    const description = `E2E ${new Date().toISOString()} — trạm mất điện lưới, chạy ắc quy`;
    await page.locator('[data-testid="report-description"]').fill(description);
    // The reporter is the logged-in officer; the form only shows it.
    expect(await page.locator('[data-testid="report-reporter"]').textContent()).toBe('Nguyễn Thị Trực Ban');

    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/incidents') && response.request().method() === 'POST',
    );
    await page.locator('[data-testid="report-submit"]').click();
    const response = await created;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { id: string; reference: string; reporterName: string };
    expect(body.reporterName).toBe('Nguyễn Thị Trực Ban');
    reported = { id: body.id, reference: body.reference, description };

    await page.waitForURL(`${consoleUrl()}/`);
  });

  it('shows the new incident on the board with a running countdown', async () => {
    expect(reported).toBeDefined();
    // The board is virtualised: narrow it to the new incident so its row is rendered.
    await boardSearch(page).fill(reported.reference);
    const row = page.locator(`[data-testid="incident-row-${reported.reference}"]`);
    await row.waitFor({ state: 'visible' });

    const countdown = row.locator('[data-testid="countdown"]');
    await countdown.waitFor();
    expect(['normal', 'warning', 'breached']).toContain(await countdown.getAttribute('data-urgency'));

    // In words with units ("4 phút", "quá hạn 3 phút"); the seconds it counts are on data-seconds.
    expect((await countdown.textContent()) ?? '').toMatch(/^(quá hạn )?\d+ (giây|phút|giờ \d\d phút)$/);
    const initial = (await countdown.getAttribute('data-seconds')) ?? '';
    expect(initial).toMatch(/^-?\d+$/);
    await page.waitForFunction(
      ([selector, before]) => {
        const element = document.querySelector(selector ?? '');
        return element !== null && element.getAttribute('data-seconds') !== before;
      },
      [`[data-testid="incident-row-${reported.reference}"] [data-testid="countdown"]`, initial] as const,
      { polling: 100, timeout: 3500 },
    );
    expect((await countdown.getAttribute('data-seconds')) ?? '').not.toBe(initial);
    await page.screenshot({ path: join(SCREENSHOTS, 'board-new-incident.png') });

    // The whole board, as the duty officer sees it.
    await boardSearch(page).fill('');
    // Wait until the unfiltered board has rendered (a board holding only this incident will time out quietly).
    await page
      .waitForFunction(() => document.querySelectorAll('.board-row').length > 1, undefined, { timeout: 5000 })
      .catch(() => undefined);
    await page.screenshot({ path: join(SCREENSHOTS, 'board.png') });

    // The board's table is an ARIA table; the arrow keys move between its rows.
    await page.getByRole('table').getByRole('row').nth(1).focus();
    await page.keyboard.press('ArrowDown');
    // The next row is focused on the next frame, once the virtualiser has scrolled it into view.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-index') === '1', undefined, { timeout: 2000 });

    // A wall screen and a phone: the rows render at both widths (on a phone the table scrolls sideways).
    // A laptop keeps the full header; the page never grows wider than the screen at any of them.
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1024, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await page.locator('.board-row').first().waitFor({ state: 'visible' });
      // The header switches to its compact form on the next render after the resize: measure after it.
      await page.waitForFunction((compact) => document.querySelector('[data-testid="app-header"]')?.classList.contains('app-header--compact') === compact, viewport.width < 992);
      expect(await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(await page.locator('[data-testid="app-header"] [data-testid="user-menu"]').count()).toBe(viewport.width >= 992 ? 1 : 0);
      await page.screenshot({ path: join(SCREENSHOTS, `board-${viewport.width}.png`) });
    }
    await page.setViewportSize({ width: 1600, height: 900 });
  });

  it('opens the detail and acknowledges the incident', async () => {
    expect(reported).toBeDefined();
    await boardSearch(page).fill(reported.reference);
    await page.locator(`[data-testid="incident-row-${reported.reference}"]`).click();
    await page.waitForURL(new RegExp(`/incidents/${reported.id}`));
    const detail = page.locator(`[data-testid="incident-detail"][data-incident-reference="${reported.reference}"]`);
    await detail.waitFor();
    await detail.locator('[data-testid="timeline-reported"]').waitFor();
    expect(await detail.textContent()).toContain(reported.description);

    const acknowledged = page.waitForResponse(
      (response) => response.url().endsWith(`/incidents/${reported.id}/acknowledge`) && response.request().method() === 'POST',
    );
    await detail.locator('[data-testid="action-acknowledge"]').click();
    expect([200, 201]).toContain((await acknowledged).status());
    await detail.locator('[data-testid="timeline-acknowledged"]').waitFor();
    await detail.locator('[data-testid="action-acknowledge"]').waitFor({ state: 'detached' });

    await page.screenshot({ path: join(SCREENSHOTS, 'detail.png') });
  });

  it('finds a closed incident in the history by its reference', async () => {
    // The detail drawer is still open over the board: leave it, then take the nav link.
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
    await page.locator('[data-testid="nav-history"]').click();
    await page.waitForURL(`${consoleUrl()}/history`);
    const rows = page.locator('[data-testid^="history-row-"]');
    await rows.first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'history.png') });
    const reference = ((await rows.first().getAttribute('data-testid')) ?? '').replace('history-row-', '');
    expect(reference).toMatch(/^SC-\d+$/);
    await page.locator('[data-testid="history-search"]').fill(reference);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="history-row-"]').length === 1);
    await page.locator(`[data-testid="history-row-${reference}"]`).waitFor();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
