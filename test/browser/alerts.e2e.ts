import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiLogin } from './support/api-client';
import { boardSearch, launchBrowser, logIn, newConsoleContext, SCREENSHOTS } from './support/console-page';

/**
 * The duty officer's console calls for attention: a critical incident reported elsewhere (through the
 * api, by a Viettel cluster) raises the flashing banner, flashes its board row and counts in the
 * header, and stays until marked seen; the pulse stops for reduced motion; muting is remembered by
 * this console across a reload; the P0 counter filters the board; several incidents are acknowledged at once. (The "click to enable sound" state is covered by alert-sound.spec.ts:
 * every Playwright navigation carries a user activation, so a page here is never audio-locked.)
 */
interface Created {
  id: string;
  reference: string;
}

async function unseenCount(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid="alert-count"]').getAttribute('data-unseen'));
}

describe('the board for a 3 a.m. operator', () => {
  let browser: Browser;
  let page: Page;
  let created: Created;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newConsoleContext(browser)).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('raises the banner, the row flash and the unseen count for a new critical incident reported elsewhere', async () => {
    await logIn(page, 'trucban');
    await page.locator('.board-row').first().waitFor();
    await page.locator('[data-testid="connection-indicator"][data-status="live"]').waitFor();
    const before = await unseenCount(page);

    const token = await apiLogin('viettel.lsn');
    const sites = await apiCall<{ id: string }[]>(token, 'GET', '/sites?q=dong%20kinh&limit=1');
    expect(sites.status).toBe(200);
    const site = sites.body[0];
    expect(site).toBeDefined();
    const report = await apiCall<Created>(token, 'POST', '/incidents', {
      siteId: site?.id,
      category: 'mains_failure',
      severity: 'critical',
      description: `E2E alert ${new Date().toISOString()} — mất điện lưới`,
    });
    expect(report.status).toBe(201);
    created = report.body;

    const item = page.locator(`[data-testid="alert-banner"] [data-testid="alert-item"][data-reference="${created.reference}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-kind')).toBe('new_incident');
    expect(await unseenCount(page)).toBeGreaterThanOrEqual(before + 1);
    expect(await page.locator('[data-testid="alert-count"]').textContent()).toBe(String(await unseenCount(page)));

    // The banner flashes (an animation), and so does the incident's row.
    const banner = page.locator('[data-testid="alert-banner"]');
    expect(await banner.evaluate((element) => getComputedStyle(element).animationName)).toBe('alert-flash');
    await boardSearch(page).fill(created.reference);
    const row = page.locator(`[data-testid="incident-row-${created.reference}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-alerting')).toBe('true');
    await page.screenshot({ path: join(SCREENSHOTS, 'alert-banner.png') });

    // Reduced motion: no pulse, the banner stays marked.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await banner.evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('keeps the alert until it is marked seen, then clears it from the banner, the row and the count', async () => {
    const item = page.locator(`[data-testid="alert-item"][data-reference="${created.reference}"]`);
    const before = await unseenCount(page);
    await item.locator('[data-testid="alert-seen"]').click();
    await item.waitFor({ state: 'detached' });
    expect(await unseenCount(page)).toBe(before - 1);
    const row = page.locator(`[data-testid="incident-row-${created.reference}"]`);
    expect(await row.getAttribute('data-alerting')).toBeNull();
    await page.screenshot({ path: join(SCREENSHOTS, 'alert-seen.png') });
  });

  it('mutes this console, and remembers it across a reload', async () => {
    const mute = page.locator('[data-testid="header-mute"]');
    expect(await mute.getAttribute('data-muted')).toBe('false');
    await mute.click();
    expect(await mute.getAttribute('data-muted')).toBe('true');
    expect(await page.evaluate(() => localStorage.getItem('netduty.alerts.muted'))).toBe('true');
    await page.reload();
    await page.locator('.board-row').first().waitFor();
    expect(await page.locator('[data-testid="header-mute"]').getAttribute('data-muted')).toBe('true');
  });

  it('filters the board to P0 sites with the P0 counter, kept in the URL', async () => {
    // Clear the quick-find first (it is debounced) so the P0 list is the whole board's.
    const unfiltered = page.waitForResponse((response) => response.url().includes('/api/v1/incidents?') && !/[?&]q=/.test(response.url()) && response.ok());
    await boardSearch(page).fill('');
    await unfiltered;
    const p0 = page.locator('[data-testid="filter-p0"]');
    expect(await p0.getAttribute('aria-pressed')).toBe('false');
    const listed = page.waitForResponse(
      (response) => response.url().includes('/api/v1/incidents?') && /[?&]priority=P0/.test(response.url()) && !/[?&]q=/.test(response.url()) && response.ok(),
    );
    await p0.click();
    const items = ((await (await listed).json()) as { items: { priority: string }[] }).items;
    expect(items.length).toBeGreaterThan(1);
    expect(new Set(items.map((incident) => incident.priority))).toEqual(new Set(['P0']));
    expect(new URL(page.url()).searchParams.get('priority')).toBe('P0');
    // The board shows exactly those (fewer than a screenful), every one at a P0 site.
    await page.waitForFunction((count) => {
      const cells = [...document.querySelectorAll('.board-row .priority')];
      return cells.length === count && cells.every((cell) => cell.textContent === 'P0');
    }, items.length);
    expect(await p0.getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: join(SCREENSHOTS, 'board-p0.png') });
    await p0.click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('priority'));
  });

  it('acknowledges several incidents at once, each with its own Idempotency-Key', async () => {
    await page.locator('.board-row').first().waitFor();
    const boxes = page.locator('.board-row input[data-testid^="select-"]:not([disabled])');
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    const references = await boxes.evaluateAll((inputs) => inputs.slice(0, 2).map((input) => input.getAttribute('data-testid')?.replace('select-', '') ?? ''));
    for (const reference of references) await page.locator(`[data-testid="select-${reference}"]`).check();
    await page.locator('[data-testid="bulk-bar"]').waitFor();
    expect(await page.locator('[data-testid="bulk-count"]').textContent()).toBe('Đã chọn 2 sự cố');

    const keys: string[] = [];
    const statuses: number[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/acknowledge')) keys.push(request.headers()['idempotency-key'] ?? '');
    });
    const answered = new Promise<void>((resolve) => {
      page.on('response', (response) => {
        if (response.request().method() !== 'POST' || !response.url().endsWith('/acknowledge')) return;
        statuses.push(response.status());
        if (statuses.length === 2) resolve();
      });
    });
    await page.locator('[data-testid="bulk-acknowledge"]').click();
    await answered;
    for (const status of statuses) expect([200, 201]).toContain(status);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    for (const key of keys) expect(key).toMatch(/^ack-[0-9a-f]{32}$/);
    // Both rows now show the acknowledged status and can no longer be selected; the bar is gone.
    await page.locator('[data-testid="bulk-bar"]').waitFor({ state: 'detached' });
    for (const reference of references) {
      await page.locator(`[data-testid="select-${reference}"][disabled]`).waitFor();
    }
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
