import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { consoleUrl, launchBrowser, logInThroughForm, newConsoleContext, SCREENSHOTS } from './support/console-page';
import { startBrowserStack, stopBrowserStack, type StartedBrowserStack } from './support/global-setup';

/** The banner's box, and that nothing it should not hide starts under it. */
async function bannerAbove(page: Page, testId: string): Promise<void> {
  const banner = await page.locator('[data-testid="drill-banner"]').boundingBox();
  const below = await page.locator(`[data-testid="${testId}"]`).first().boundingBox();
  if (!banner || !below) throw new Error(`no box for the banner or ${testId}`);
  expect(banner.y).toBe(0);
  expect(banner.height).toBeGreaterThanOrEqual(24);
  expect(below.y).toBeGreaterThanOrEqual(banner.y + banner.height - 0.5);
}

/**
 * A drill copy (NETDUTY_DRILL=true, started beside the suite's own stack) shows its banner on every
 * screen: the login page, the board, the wall, at 390 px too, in both languages. The live stack does not.
 */
describe('drill (diễn tập) banner', () => {
  let drill: StartedBrowserStack;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    drill = await startBrowserStack({ drill: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (drill) await stopBrowserStack(drill);
  });

  it('marks the login page and the board of a drill copy, above the header, not over it', async () => {
    const context = await newConsoleContext(browser);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${drill.consoleUrl}/login`);
    const banner = page.locator('[data-testid="drill-banner"]');
    await banner.waitFor();
    expect(await banner.innerText()).toBe('DIỄN TẬP — không phải sự cố thật');
    await bannerAbove(page, 'login-form');
    await page.screenshot({ path: join(SCREENSHOTS, 'drill-login.png') });

    await logInThroughForm(page, 'trucban');
    await page.locator('[data-testid="board-counters"]').waitFor();
    expect(await banner.isVisible()).toBe(true);
    await bannerAbove(page, 'app-header');
    await page.screenshot({ path: join(SCREENSHOTS, 'drill-board.png') });

    await page.goto(`${drill.consoleUrl}/wall`);
    await page.locator('[data-testid="wall-page"]').waitFor();
    await bannerAbove(page, 'wall-page');
    // The wall fills the screen below the banner, without a scrollbar.
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'drill-wall.png') });
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('fits a 390 px phone and speaks English when the console does', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    await page.goto(`${drill.consoleUrl}/login?lang=en`);
    const banner = page.locator('[data-testid="drill-banner"]');
    await banner.waitFor();
    expect(await banner.innerText()).toBe('DRILL — not a real incident');
    await logInThroughForm(page, 'trucban');
    await page.locator('[data-testid="app-header"]').waitFor();
    await bannerAbove(page, 'app-header');
    const box = await banner.boundingBox();
    expect(box?.width).toBe(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOTS, 'drill-phone.png') });
    await context.close();
  });

  it('shows no banner on the live console', async () => {
    const context = await newConsoleContext(browser);
    const page = await context.newPage();
    const mode = page.waitForResponse((response) => response.url().endsWith('/api/v1/health/mode'));
    await page.goto(`${consoleUrl()}/login`);
    await page.locator('[data-testid="login-form"]').waitFor();
    expect(await (await mode).json()).toEqual({ drill: false });
    expect(await page.locator('[data-testid="drill-banner"]').count()).toBe(0);
    await context.close();
  });
});
