import { join } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { apiCall, apiLogin } from './support/api-client';
import { consoleUrl, launchBrowser, logIn, screenEdges, SCREENSHOTS, settle } from './support/console-page';

/**
 * The leadership dashboard: /dashboard on a laptop (inside the shell) shows the api's figures — the
 * tiles match GET /analytics/network-safety, the charts draw, the filters live in the URL and narrow
 * the figures, the P0 and breached tiles open the board; /wall fills the operations room's 1920×1080
 * screen without scrolling, with the province's clock, on its own analytics socket, and follows a new
 * incident on the batched pulse; on a phone the panels stack; a duty officer sees it too, cluster
 * staff are refused. Screenshots of each.
 */
const LAPTOP = { width: 1440, height: 900 };
const WALL = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

interface Tally {
  total: number;
  inService: number;
  down: number;
}

interface NetworkSafety {
  sites: Tally;
  byOperator: (Tally & { key: string })[];
  p0Sites: { state: string }[];
  openTotal: number;
  breachedNow: { acknowledge: number; restore: number };
  coverage: { percentWithSignal: number; communesWithSignal: number; communesWithBts: number; peopleAffected: number | null };
}

const count = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function safetyResponse(page: Page, query = ''): Promise<Response> {
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/v1/analytics/network-safety' && url.search.includes(query) && response.ok();
  });
}

async function tileValue(page: Page, tile: string): Promise<string> {
  return (await page.locator(`[data-testid="tile-${tile}-value"]`).innerText()).trim();
}

/** The tiles say what the api answered. */
async function expectTilesToMatch(page: Page, safety: NetworkSafety): Promise<void> {
  expect(await tileValue(page, 'sites-in-service')).toBe(count.format(safety.sites.inService));
  expect(await tileValue(page, 'sites-down')).toBe(count.format(safety.sites.down));
  expect(await tileValue(page, 'p0')).toBe(count.format(safety.p0Sites.filter((site) => site.state === 'down').length));
  expect(await tileValue(page, 'open')).toBe(count.format(safety.openTotal));
  expect(await tileValue(page, 'breached')).toBe(count.format(safety.breachedNow.acknowledge + safety.breachedNow.restore));
  expect(await tileValue(page, 'coverage')).toBe(`${percent.format(safety.coverage.percentWithSignal)}%`);
}

/** Every chart of the page has drawn a canvas with a size. */
async function expectChartsDrawn(page: Page, chartIds: string[]): Promise<void> {
  for (const id of chartIds) {
    const canvas = page.locator(`[data-testid="${id}"] canvas`).first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect({ id, drawn: (box?.width ?? 0) > 100 && (box?.height ?? 0) > 80 }).toEqual({ id, drawn: true });
  }
}

/** The province's wall clock now, as the wall writes it. */
function hoChiMinhTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
}

function secondsOfDay(clock: string): number {
  const [hours = 0, minutes = 0, seconds = 0] = clock.split(':').map(Number);
  return hours * 3600 + minutes * 60 + seconds;
}

describe('the leadership dashboard', () => {
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function openAs(username: string, viewport: { width: number; height: number }, phone = false): Promise<Page> {
    const context = await browser.newContext({
      viewport,
      isMobile: phone,
      hasTouch: phone,
      deviceScaleFactor: 1,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await logIn(page, username);
    return page;
  }

  it('shows leadership the api’s figures in the tiles, draws the charts, and narrows them by the filters in the URL', async () => {
    const page = await openAs('lanhdao', LAPTOP);
    const answered = safetyResponse(page);
    await page.locator('[data-testid="nav-dashboard"]').click();
    await page.waitForURL(/\/dashboard$/);
    const safety = (await (await answered).json()) as NetworkSafety;
    await page.locator('[data-testid="dashboard-tiles"]').waitFor();
    await expectTilesToMatch(page, safety);

    // The same figures as the api gives a script for the same user.
    const token = await apiLogin('lanhdao');
    const direct = await apiCall<NetworkSafety>(token, 'GET', '/analytics/network-safety');
    expect(direct.status).toBe(200);
    expect(direct.body.sites.total).toBe(safety.sites.total);
    expect(direct.body.coverage.communesWithBts).toBe(safety.coverage.communesWithBts);
    expect(safety.sites.total).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="tile-sites-in-service"]').innerText()).toContain(count.format(safety.sites.total));
    expect(await page.locator('[data-testid="tile-coverage"]').innerText()).toContain(`${count.format(safety.coverage.communesWithSignal)}/${count.format(safety.coverage.communesWithBts)}`);
    // People affected cannot be counted: the page says so in words, with no number.
    expect(safety.coverage.peopleAffected).toBeNull();
    expect(await page.locator('[data-testid="population-note"]').innerText()).toContain('Chưa có số liệu dân số');

    await expectChartsDrawn(page, ['panel-trend-chart', 'chart-by-operator', 'chart-by-kind']);
    expect(await page.locator('[data-testid="communications-state"]').getAttribute('data-state')).toMatch(/^(uninterrupted|affected|disrupted)$/);
    expect(await page.locator('[data-testid="tile-p0-link"]').getAttribute('href')).toBe('/?priority=P0');
    expect(await page.locator('[data-testid="tile-breached-link"]').getAttribute('href')).toBe('/');
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-laptop.png') });
    // The shell scrolls its content, not the document: a tall window shows the whole dashboard.
    await page.setViewportSize({ width: LAPTOP.width, height: 2600 });
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-laptop-full.png') });
    await page.setViewportSize(LAPTOP);

    // The period switches the trends to 7 days by the hour: 168 buckets.
    const week = page.waitForResponse((response) => response.url().includes('/api/v1/analytics/trends') && response.url().includes('bucket=hour') && response.ok());
    await page.locator('[data-testid="filter-period"]').getByText('7 ngày qua').click();
    await page.waitForURL(/period=7d/);
    const weekTrends = (await (await week).json()) as { series: unknown[]; from: string };
    expect(weekTrends.series.length).toBeGreaterThanOrEqual(167);

    // One operator: the URL says so, the api is asked for it, and the tiles follow its answer.
    const viettelAnswered = safetyResponse(page, 'operatorCode=viettel');
    await page.locator('[data-testid="filter-operator"]').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'Viettel' }).first().click();
    await page.waitForURL(/operator=viettel/);
    const viettel = (await (await viettelAnswered).json()) as NetworkSafety;
    await page.waitForFunction((expected) => document.querySelector('[data-testid="tile-sites-in-service-value"]')?.textContent === expected, count.format(viettel.sites.inService));
    await expectTilesToMatch(page, viettel);
    expect(viettel.sites.total).toBeLessThan(safety.sites.total);
    expect(await page.locator('[data-testid="tile-p0-link"]').getAttribute('href')).toBe('/?operator=viettel&priority=P0');

    // A reload keeps the filters (they are the URL), and the P0 tile opens the board's P0 switch.
    await page.reload();
    await page.locator('[data-testid="dashboard-tiles"]').waitFor();
    expect(new URL(page.url()).searchParams.get('operator')).toBe('viettel');
    await page.locator('[data-testid="tile-p0-link"]').click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('priority') === 'P0');
    expect(await page.locator('[data-testid="filter-p0"]').getAttribute('aria-pressed')).toBe('true');

    // From the dashboard to the wall layout.
    await page.goto(`${consoleUrl()}/dashboard`);
    await page.locator('[data-testid="open-wall"]').click();
    await page.waitForURL(/\/wall$/);
    await page.locator('[data-testid="wall-page"]').waitFor();
    await page.context().close();
  });

  it('fills the operations room’s 1920×1080 screen without scrolling, with the province’s clock, live on its own analytics socket', async () => {
    const context = await browser.newContext({ viewport: WALL, deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`wall: ${error.message}`));
    const handshakes: string[] = [];
    page.on('websocket', (socket) => socket.on('framesent', (frame) => typeof frame.payload === 'string' && frame.payload.startsWith('40') && handshakes.push(frame.payload)));
    await logIn(page, 'lanhdao');
    const answered = safetyResponse(page);
    await page.goto(`${consoleUrl()}/wall`);
    const safety = (await (await answered).json()) as NetworkSafety;
    await page.locator('[data-testid="dashboard-tiles"]').waitFor();
    await expectTilesToMatch(page, safety);
    await expectChartsDrawn(page, ['panel-trend-24h-chart', 'panel-trend-7d-chart', 'chart-by-operator']);
    // No shell on the wall: no header, no navigation.
    expect(await page.locator('[data-testid="app-header"]').count()).toBe(0);

    // One screen: nothing to scroll, either way.
    const size = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { scrollHeight: root.scrollHeight, scrollWidth: root.scrollWidth, innerHeight: window.innerHeight, innerWidth: window.innerWidth };
    });
    expect(size.scrollHeight).toBeLessThanOrEqual(size.innerHeight);
    expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
    // Every panel fits inside the screen.
    const bottoms = await page.locator('.wall-grid > .dash-panel').evaluateAll((panels) => panels.map((panel) => panel.getBoundingClientRect().bottom));
    expect(bottoms.length).toBe(9);
    for (const bottom of bottoms) expect(bottom).toBeLessThanOrEqual(WALL.height);

    // The clock is the province's time, to the second.
    const clock = (await page.locator('[data-testid="wall-clock-time"]').innerText()).trim();
    expect(clock).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(Math.abs(secondsOfDay(clock) - secondsOfDay(hoChiMinhTime(new Date())))).toBeLessThanOrEqual(3);

    // Its own socket, on the analytics channel (the batched pulse only).
    await page.locator('[data-testid="wall-live"][data-status="live"]').waitFor();
    expect(handshakes.some((payload) => payload.includes('"channel":"analytics"'))).toBe(true);
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-wall.png') });

    // A new incident elsewhere reaches the wall on the pulse: it refetches and counts it.
    const reporter = await apiLogin('viettel.lsn');
    const sites = await apiCall<{ id: string }[]>(reporter, 'GET', '/sites?q=LSN&limit=1');
    expect(sites.body[0]).toBeDefined();
    const refetched = page.waitForResponse(
      async (response) => response.url().includes('/api/v1/analytics/network-safety') && response.ok() && ((await response.json()) as NetworkSafety).openTotal > safety.openTotal,
      { timeout: 15_000 },
    );
    const report = await apiCall(reporter, 'POST', '/incidents', {
      siteId: sites.body[0]?.id,
      category: 'mains_failure',
      severity: 'major',
      description: `E2E dashboard ${new Date().toISOString()} — mất điện lưới`,
    });
    expect(report.status).toBe(201);
    const after = (await (await refetched).json()) as NetworkSafety;
    await page.waitForFunction((expected) => document.querySelector('[data-testid="tile-open-value"]')?.textContent === expected, count.format(after.openTotal));

    // In English too, every word of it (the province's clock keeps its zone).
    await page.goto(`${consoleUrl()}/wall?lang=en`);
    await page.locator('[data-testid="dashboard-tiles"]').waitFor();
    await page.locator('h1', { hasText: 'Network safety situation' }).waitFor();
    expect(await page.locator('[data-testid="communications-state"]').innerText()).toMatch(/Communications\s+(Uninterrupted|Locally affected|Disrupted)/i);
    expect(await page.locator('[data-testid="population-note"]').innerText()).toContain('Population figures are not loaded');
    await expectChartsDrawn(page, ['panel-trend-24h-chart']);
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-wall-en.png') });
    await context.close();
  });

  it('stacks the panels on a phone (390 px), none wider than the screen', async () => {
    const page = await openAs('lanhdao', PHONE, true);
    await page.goto(`${consoleUrl()}/dashboard`);
    await page.locator('[data-testid="dashboard-tiles"]').waitFor();
    await expectChartsDrawn(page, ['panel-trend-chart']);
    // The header keeps its menu on the screen, however many areas leadership has (they scroll instead).
    expect((await screenEdges(page, '[data-testid="header-menu-button"]')).right).toBeLessThanOrEqual(PHONE.width);
    expect(await page.locator('[data-testid="app-header"]').evaluate((header) => header.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The dashboard's own content never needs panning sideways.
    const content = await page.locator('.app-content').evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    expect(content.scrollWidth).toBeLessThanOrEqual(content.clientWidth);
    const dashboard = await page.locator('[data-testid="dashboard-page"]').boundingBox();
    expect(Math.round((dashboard?.x ?? 0) + (dashboard?.width ?? 0))).toBeLessThanOrEqual(PHONE.width);
    const panels = await page.locator('.dash-grid > .dash-panel').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect()).map((box) => ({ left: Math.round(box.left), right: Math.round(box.right) })));
    expect(panels.length).toBeGreaterThan(5);
    // One column: every panel starts at the same left edge and fits the screen.
    expect(new Set(panels.map((panel) => panel.left)).size).toBe(1);
    for (const panel of panels) expect(panel.right).toBeLessThanOrEqual(PHONE.width);
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-phone.png') });
    await page.setViewportSize({ width: PHONE.width, height: 5200 });
    await settle(page);
    // The whole stacked page, in screen-sized parts that stay readable.
    const height = Math.min(5200, Math.ceil((await page.locator('[data-testid="dashboard-page"]').boundingBox())?.height ?? 0) + 80);
    for (let part = 0; part * 1700 < height; part++) {
      await page.screenshot({ path: join(SCREENSHOTS, `dashboard-phone-part-${part + 1}.png`), clip: { x: 0, y: part * 1700, width: PHONE.width, height: Math.min(1700, height - part * 1700) } });
    }
    await page.context().close();
  });

  it('is open to a duty officer too, and refused to cluster staff', async () => {
    const officer = await openAs('trucban', LAPTOP);
    await officer.goto(`${consoleUrl()}/dashboard`);
    await officer.locator('[data-testid="dashboard-tiles"]').waitFor();
    expect(await officer.locator('[data-testid="nav-dashboard"]').count()).toBe(1);
    await officer.context().close();

    const cluster = await openAs('viettel.lsn', LAPTOP);
    expect(await cluster.locator('[data-testid="nav-dashboard"]').count()).toBe(0);
    for (const path of ['/dashboard', '/wall']) {
      await cluster.goto(`${consoleUrl()}${path}`);
      await cluster.locator('[data-testid="forbidden-page"]').waitFor();
      expect(await cluster.locator('[data-testid="dashboard-page"], [data-testid="wall-page"]').count()).toBe(0);
    }
    // The api refuses it as well.
    const token = await apiLogin('viettel.lsn');
    expect((await apiCall(token, 'GET', '/analytics/network-safety')).status).toBe(403);
    await cluster.screenshot({ path: join(SCREENSHOTS, 'dashboard-cluster-refused.png') });
    await cluster.context().close();
  });

  it('raised no uncaught errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
