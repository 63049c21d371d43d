import { join } from 'node:path';
import type { IncidentPage, MapSiteDto } from '@netduty/contracts';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiLogin } from './support/api-client';
import { consoleUrl, launchBrowser, pageAs as openPageAs, SCREENSHOTS, screenEdges, settle } from './support/console-page';

/**
 * /map (bản đồ) for leadership: the province outline and its former districts drawn from the shipped
 * boundaries with no tile layer, the sites clustered on a canvas, a site with an open incident chosen on
 * the map itself and its incident opened on the board; on a phone the panel is a drawer at the bottom.
 */
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1600, height: 900 };
const WALL = { width: 1920, height: 1080 };
/** The province outline's stroke and the off-air red, as the map draws them (map-layers' colours). */
const OUTLINE_RGB = [0x1d, 0x39, 0xc4] as const;
const DOWN_RGB = [0xa8, 0x07, 0x1a] as const;

/** How many pixels of the canvases in one of the map's panes are close to a colour (anti-aliasing aside). */
async function pixelsNear(page: Page, pane: string, rgb: readonly [number, number, number]): Promise<number> {
  return page.evaluate(
    ({ pane, rgb }) => {
      let count = 0;
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`.leaflet-${pane}-pane canvas`)) {
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        if (!data) continue;
        for (let i = 0; i < data.length; i += 4) {
          if ((data[i + 3] ?? 0) > 200 && Math.abs((data[i] ?? 0) - rgb[0]) < 24 && Math.abs((data[i + 1] ?? 0) - rgb[1]) < 24 && Math.abs((data[i + 2] ?? 0) - rgb[2]) < 24) count += 1;
        }
      }
      return count;
    },
    { pane, rgb },
  );
}

/** Opens /map from the header and waits until the boundaries and the first markers are drawn. */
async function openMap(page: Page): Promise<void> {
  await page.locator('[data-testid="nav-map"]').click();
  await page.waitForURL(/\/map$/);
  await page.locator('[data-testid="province-map"][data-boundaries="12"]').waitFor();
  await page.waitForFunction(() => {
    const map = document.querySelector<HTMLElement>('[data-testid="province-map"]');
    return Number(map?.dataset['clusters'] ?? 0) + Number(map?.dataset['sites'] ?? 0) > 0;
  });
  await settle(page);
}

async function waitForZoom(page: Page, atLeast: number): Promise<void> {
  await page.waitForFunction((zoom) => Number(document.querySelector<HTMLElement>('[data-testid="province-map"]')?.dataset['zoom'] ?? 0) >= zoom, atLeast);
  await settle(page);
}

/** Metres between two sites (equirectangular: close enough over a few hundred metres). */
function metresBetween(a: MapSiteDto, b: MapSiteDto): number {
  const x = ((b.longitude - a.longitude) * Math.PI * Math.cos((((a.latitude + b.latitude) / 2) * Math.PI) / 180)) / 180;
  const y = ((b.latitude - a.latitude) * Math.PI) / 180;
  return Math.hypot(x, y) * 6_371_000;
}

describe('/map', () => {
  let browser: Browser;
  const pageErrors: string[] = [];
  let sites: MapSiteDto[];

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await apiLogin('lanhdao');
    const answer = await apiCall<MapSiteDto[]>(token, 'GET', '/sites/map');
    expect(answer.status).toBe(200);
    sites = answer.body;
  });

  afterAll(async () => {
    await browser?.close();
    expect(pageErrors).toEqual([]);
  });

  const pageAs = (username: string, viewport: { width: number; height: number }) => openPageAs(browser, username, viewport, pageErrors);

  it('draws the province outline, its former districts and the clustered sites, filling the screen under the header, with no tiles', async () => {
    const page = await pageAs('lanhdao', LAPTOP);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await openMap(page);

    expect(await pixelsNear(page, 'netduty-boundaries', OUTLINE_RGB)).toBeGreaterThan(500);
    // Demo sites are down (the Tràng Định storm): red is drawn on the sites' canvas, in clusters or markers.
    expect(await pixelsNear(page, 'netduty-sites', DOWN_RGB)).toBeGreaterThan(20);
    expect(await page.locator('.leaflet-tooltip.map-cluster').count()).toBeGreaterThan(0);
    expect(await page.locator('.leaflet-tile, .leaflet-tile-pane img').count()).toBe(0);
    // Nothing is fetched from outside the console's own origin (no tiles, no fonts, no scripts).
    const origin = new URL(page.url()).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);

    const header = await page.locator('[data-testid="app-header"]').boundingBox();
    const map = await page.locator('[data-testid="province-map"]').boundingBox();
    if (!header || !map) throw new Error('no header or map box');
    expect(map.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect(map.y + map.height).toBeGreaterThan(LAPTOP.height - 16);
    expect(map.y + map.height).toBeLessThanOrEqual(LAPTOP.height);

    const summary = await page.locator('[data-testid="map-summary"]').textContent();
    expect(summary).toContain(`Số trạm: ${sites.length}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'map.png') });

    await page.setViewportSize(WALL);
    await settle(page);
    const wall = await page.locator('[data-testid="province-map"]').boundingBox();
    expect((wall?.y ?? 0) + (wall?.height ?? 0)).toBeGreaterThan(WALL.height - 16);
    await page.locator('[data-testid="map-fit-province"]').click();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'map-1920.png') });
    await page.close();
  });

  it('shows the open incidents of a site clicked on the map, and opens one on the board', async () => {
    const page = await pageAs('lanhdao', LAPTOP);
    await openMap(page);
    // A site with an open incident that stands alone (nothing within 150 m), so its marker is the one clicked.
    const listed = await page.locator('[data-testid="map-attention-site"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-site-id')));
    const site = sites.find((candidate) => candidate.openIncidents > 0 && listed.includes(candidate.id) && sites.every((other) => other.id === candidate.id || metresBetween(candidate, other) > 150));
    if (!site) throw new Error('no isolated site with an open incident in the demo');
    const token = await apiLogin('lanhdao');
    const incidents = await apiCall<IncidentPage>(token, 'GET', `/incidents?site=${site.id}&status=reported,acknowledged,in_progress,reopened`);
    expect(incidents.body.items.length).toBe(site.openIncidents);

    // The list brings the map to the site; back to the list, then the site is chosen on the map itself.
    await page.locator(`[data-testid="map-attention-site"][data-site-id="${site.id}"]`).click();
    await waitForZoom(page, 16);
    await page.locator(`[data-testid="map-site-panel"][data-site-id="${site.id}"]`).waitFor();
    await page.locator('[data-testid="map-site-back"]').click();
    await page.locator('[data-testid="map-site-panel"]').waitFor({ state: 'detached' });
    const map = await page.locator('[data-testid="province-map"]').boundingBox();
    if (!map) throw new Error('no map box');
    await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);

    const panel = page.locator(`[data-testid="map-site-panel"][data-site-id="${site.id}"]`);
    await panel.waitFor();
    await panel.locator('[data-testid="map-site-incidents"]').waitFor();
    const references = await panel.locator('[data-testid="map-incident-link"] strong').allTextContents();
    expect(references.sort()).toEqual(incidents.body.items.map((incident) => incident.reference).sort());
    expect(await panel.locator('[data-testid="map-site-state"]').getAttribute('class')).toContain(`site-state--${site.state}`);
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'map-site.png') });

    const first = incidents.body.items[0];
    if (!first) throw new Error('no incident');
    await panel.locator('[data-testid="map-incident-link"]', { hasText: first.reference }).click();
    await page.waitForURL(new RegExp(`/incidents/${first.id}$`));
    await page.locator(`[data-testid="incident-detail"][data-incident-reference="${first.reference}"]`).waitFor();
    await page.close();
  });

  it('keeps the map under the header on a phone, with the panel as a drawer at the bottom that fits the screen', async () => {
    const page = await pageAs('lanhdao', PHONE);
    // The phone's header folds the areas into a menu: open the map by its address.
    await page.goto(`${consoleUrl()}/map`);
    await page.locator('[data-testid="province-map"][data-boundaries="12"]').waitFor();
    await settle(page);
    // The map page is exactly the phone's width. (The header is the shell's: leadership's five area icons
    // and its tools overflow it at 390 px on every page, the board's included — not the map's doing.)
    const page390 = await screenEdges(page, '[data-testid="map-page"]');
    expect(page390).toEqual({ left: 0, right: PHONE.width });

    const panel = page.locator('[data-testid="map-panel"]');
    const folded = await panel.boundingBox();
    if (!folded) throw new Error('no panel box');
    expect(Math.round(folded.y + folded.height)).toBe(PHONE.height);
    expect(folded.height).toBeLessThan(PHONE.height * 0.25);
    const map = await page.locator('[data-testid="province-map"]').boundingBox();
    expect(Math.round((map?.y ?? 0) + (map?.height ?? 0))).toBe(PHONE.height);
    await page.screenshot({ path: join(SCREENSHOTS, 'map-390.png') });

    await page.locator('[data-testid="map-panel-toggle"]').click();
    await page.locator('[data-testid="map-attention-site"]').first().click();
    await page.locator('[data-testid="map-site-panel"]').waitFor();
    await waitForZoom(page, 16);
    const edges = await screenEdges(page, panel);
    expect(edges.left).toBeGreaterThanOrEqual(0);
    expect(edges.right).toBeLessThanOrEqual(PHONE.width);
    const open = await panel.boundingBox();
    expect(Math.round((open?.y ?? 0) + (open?.height ?? 0))).toBe(PHONE.height);
    expect(open?.height ?? PHONE.height).toBeLessThanOrEqual(PHONE.height * 0.62 + 1);
    const inner = await panel.locator('.map-panel__body').evaluate((body) => ({ scroll: body.scrollWidth, client: body.clientWidth }));
    expect(inner.scroll).toBeLessThanOrEqual(inner.client);
    await page.screenshot({ path: join(SCREENSHOTS, 'map-390-site.png') });
    await page.close();
  });
});
