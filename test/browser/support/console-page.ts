import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';

/** Helpers shared by the browser tests: the stack is started by global-setup (CONSOLE_URL). */
export const SCREENSHOTS = join(__dirname, '..', 'screenshots');
export const DEMO_PASSWORD = 'NetDuty@2026';

export function consoleUrl(): string {
  return (process.env['CONSOLE_URL'] ?? 'http://localhost:4200').replace(/\/$/, '');
}

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

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
}

/** A fresh browser profile (its own cookies, so its own session), in the province's time zone. */
export function newConsoleContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
}

/** A logged-in page of its own (fresh profile) at `viewport`; its uncaught errors are pushed to `pageErrors`. */
export async function pageAs(browser: Browser, username: string, viewport: { width: number; height: number }, pageErrors: string[]): Promise<Page> {
  const page = await (await newConsoleContext(browser)).newPage();
  await page.setViewportSize(viewport);
  page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
  await logIn(page, username);
  return page;
}

/** An antd input found by its test id (antd puts it on the input or on its wrapper, by component). */
export function field(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** The visible dropdown of an antd Select (closed ones stay in the DOM, hidden). */
export function openDropdownOptions(page: Page) {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
}

/** "Đông Kinh" → "dong kinh", the same folding the api's site search does. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * Logs in through the login page (the page must show it: a fresh context, or after logout) and waits
 * until the console has left it. Returns the login response's body.
 */
export async function logInThroughForm(page: Page, username: string, password = DEMO_PASSWORD): Promise<{ user: { username: string; role: string } }> {
  await page.locator('[data-testid="login-form"]').waitFor();
  await field(page, 'login-username').fill(username);
  await field(page, 'login-password').fill(password);
  const response = page.waitForResponse((candidate) => candidate.url().endsWith('/api/v1/auth/login') && candidate.request().method() === 'POST');
  await page.locator('[data-testid="login-submit"]').click();
  const answered = await response;
  if (answered.status() !== 200) throw new Error(`login as ${username} answered ${answered.status()}: ${await answered.text()}`);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return (await answered.json()) as { user: { username: string; role: string } };
}

/** Opens the console at /login in this page and logs in. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${consoleUrl()}/login`);
  return logInThroughForm(page, username, password);
}

/** The board's quick-find box. */
export function boardSearch(page: Page) {
  return field(page, 'board-search');
}

/**
 * An element's left and right edges on screen, rounded to the pixel layout lands on: a drawer laid out
 * at 390.000006 px fills a 390 px screen, it does not overflow it. A panel opened off screen would.
 */
export async function screenEdges(page: Page, selector: string | Locator): Promise<{ left: number; right: number }> {
  const target = typeof selector === 'string' ? page.locator(selector) : selector;
  const box = await target.first().boundingBox();
  if (!box) throw new Error(`${String(selector)} has no box`);
  return { left: Math.round(box.x), right: Math.round(box.x + box.width) };
}

/** Waits until finite CSS/Web animations (fades, drawers, dropdowns) are over; infinite pulses are ignored. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

/**
 * Opens the report form from the header and types a site query into its site picker; resolves with
 * the api's search response (the server folds diacritics, so "dong kinh" finds "Đông Kinh").
 */
export async function searchSiteInReportForm(page: Page, query: string): Promise<Response> {
  await page.locator('[data-testid="header-report-button"]').click();
  await page.waitForURL(/\/report$/);
  await page.locator('[data-testid="report-form"]').waitFor();
  const encoded = query.split(' ').join('(\\+|%20)');
  const search = page.waitForResponse(
    (response) => response.url().includes('/api/v1/sites') && new RegExp(`[?&]q=${encoded}`).test(response.url()) && response.ok(),
  );
  await page.locator('[data-testid="report-site"]').click();
  await page.keyboard.type(query);
  return search;
}
