import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Reports an incident through the console and follows it onto the on-duty board: the site is found by
 * typing without diacritics, the new row appears (socket event or refetch), and its countdown runs.
 * Only waits on selectors, responses and page state; the one polling wait is for the countdown to tick.
 */
const CONSOLE_URL = (process.env['CONSOLE_URL'] ?? 'http://localhost:4200').replace(/\/$/, '');
const SCREENSHOTS = join(__dirname, 'screenshots');

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

interface ReportedIncident {
  id: string;
  reference: string;
  description: string;
}

/** "Đông Kinh" → "dong kinh", the same folding the api's site search does. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The visible dropdown of an antd Select (closed ones stay in the DOM, hidden). */
function openDropdownOptions(page: Page) {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
}

/** The board's quick-find box (antd puts the test id on the input or on its wrapper, by version). */
function boardSearch(page: Page) {
  return page.locator('input[data-testid="board-search"], [data-testid="board-search"] input').first();
}

describe('on-duty board', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let reported: ReportedIncident;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
    const context = await browser.newContext({
      viewport: { width: 1600, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reports an incident from the form, found by a site search without diacritics', async () => {
    await page.goto(`${CONSOLE_URL}/`);
    await page.locator('[data-testid="header-report-button"]').click();
    await page.waitForURL(/\/report$/);
    await page.locator('[data-testid="report-form"]').waitFor();

    // Site: type without diacritics; the server folds both sides.
    const siteSearch = page.waitForResponse(
      (response) => response.url().includes('/api/v1/sites') && /[?&]q=dong(\+|%20)kinh/.test(response.url()) && response.ok(),
    );
    await page.locator('[data-testid="report-site"]').click();
    await page.keyboard.type('dong kinh');
    await siteSearch;
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
    await page.locator('[data-testid="report-reporter"]').fill('Cán bộ trực E2E');

    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/incidents') && response.request().method() === 'POST',
    );
    await page.locator('[data-testid="report-submit"]').click();
    const response = await created;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { id: string; reference: string };
    reported = { id: body.id, reference: body.reference, description };

    await page.waitForURL(`${CONSOLE_URL}/`);
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

    const initial = (await countdown.textContent()) ?? '';
    expect(initial).toMatch(/\d\d:\d\d/);
    await page.waitForFunction(
      ([selector, before]) => {
        const element = document.querySelector(selector ?? '');
        return element !== null && element.textContent !== before;
      },
      [`[data-testid="incident-row-${reported.reference}"] [data-testid="countdown"]`, initial] as const,
      { polling: 100, timeout: 3500 },
    );
    expect((await countdown.textContent()) ?? '').not.toBe(initial);
    await page.screenshot({ path: join(SCREENSHOTS, 'board-new-incident.png') });

    // The whole board, as the duty officer sees it.
    await boardSearch(page).fill('');
    // Wait until the unfiltered board has rendered (a board holding only this incident will time out quietly).
    await page
      .waitForFunction(() => document.querySelectorAll('.board-row').length > 1, undefined, { timeout: 5000 })
      .catch(() => undefined);
    await page.screenshot({ path: join(SCREENSHOTS, 'board.png') });
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

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
