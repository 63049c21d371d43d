import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, apiLogin } from './support/api-client';
import { consoleUrl, launchBrowser, logIn, SCREENSHOTS, settle } from './support/console-page';

/**
 * The responder's journey on a phone (390 × 844): cluster staff assign the first suggestion's
 * responder with one click, then the responder, on their phone, accepts (nhận việc), sets off (đang di
 * chuyển) and reaches the site (đã đến trạm) with the drawer's big buttons; each step lands on the
 * timeline. Nothing needs panning sideways. Screenshots of each step.
 */
const PHONE = { width: 390, height: 844 };

interface IncidentSummary {
  id: string;
  reference: string;
  allowedActions: string[];
  site: { operator: { code: string } };
}

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  expect(await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const inner = await page.locator('.incident-drawer .ant-drawer-body').evaluate((body) => ({ scroll: body.scrollWidth, client: body.clientWidth }));
  expect(inner.scroll).toBeLessThanOrEqual(inner.client);
}

describe("the responder's journey on a phone (390 px)", () => {
  let browser: Browser;
  const pageErrors: string[] = [];
  let incident: IncidentSummary;
  let responderId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const responderToken = await apiLogin('ungcuu.viettel');
    const me = await apiCall<{ responderId: string }>(responderToken, 'GET', '/auth/me');
    responderId = me.body.responderId;
    // An open Viettel incident the demo responder may be assigned to, not assigned to them yet.
    const staffToken = await apiLogin('viettel.lsn');
    const { body } = await apiCall<{ items: IncidentSummary[] }>(staffToken, 'GET', '/incidents?open=true&limit=100');
    for (const candidate of body.items.filter((item) => item.allowedActions.includes('assign'))) {
      const ranked = await apiCall<{ id: string; assigned: boolean }[]>(staffToken, 'GET', `/incidents/${candidate.id}/candidate-responders`);
      if (ranked.body.some((responder) => responder.id === responderId && !responder.assigned)) {
        incident = candidate;
        break;
      }
    }
    if (!incident) throw new Error('no open incident the demo responder could be assigned');
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function phonePage(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await logIn(page, username);
    await page.goto(`${consoleUrl()}/incidents/${incident.id}`);
    await page.locator(`[data-testid="incident-detail"][data-incident-reference="${incident.reference}"]`).waitFor();
    return { context, page };
  }

  it('lets cluster staff assign a suggested responder with one click, with the reasons of its rank', async () => {
    const { context, page } = await phonePage('viettel.lsn');
    const row = page.locator(`[data-testid="candidate-row"][data-responder-id="${responderId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Thuộc cụm phụ trách');
    await expect(row.textContent()).resolves.toContain('Chưa rõ vị trí');
    await settle(page);
    await expectNoHorizontalOverflow(page);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'responder-journey-suggestions-390.png') });

    const assigned = page.waitForResponse((response) => response.url().endsWith(`/incidents/${incident.id}/assign`) && response.request().method() === 'POST');
    await row.locator('[data-testid="candidate-assign"]').click();
    expect((await assigned).status()).toBe(200);
    await row.locator('[data-testid="candidate-assign"]', { hasText: 'Đã phân công' }).waitFor();
    await page.locator('[data-testid="assignment-progress-row"]', { hasText: 'Chưa nhận việc' }).first().waitFor();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'responder-journey-assigned-390.png') });
    await context.close();
  });

  it('takes the responder from accept to on the way to on site with big buttons, each on the timeline', async () => {
    const { context, page } = await phonePage('ungcuu.viettel');
    const panel = page.locator('[data-testid="journey-panel"]');
    await panel.waitFor();
    await settle(page);
    await expectNoHorizontalOverflow(page);
    const accept = panel.locator('[data-testid="journey-accept"]');
    const box = await accept.boundingBox();
    // A thumb-sized target across the panel.
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(300);
    await page.screenshot({ path: join(SCREENSHOTS, 'responder-journey-1-assigned-390.png') });

    const steps = [
      { button: 'journey-accept', next: 'en_route', line: 'timeline-assignment_accepted', shot: '2-accepted' },
      { button: 'journey-en_route', next: 'on_site', line: 'timeline-responder_en_route', shot: '3-en-route' },
      { button: 'journey-on_site', next: 'done', line: 'timeline-responder_on_site', shot: '4-on-site' },
    ];
    for (const step of steps) {
      await panel.locator(`[data-testid="${step.button}"]`).click();
      await page.locator(`[data-testid="journey-panel"][data-next-step="${step.next}"]`).waitFor();
      await page.locator(`[data-testid="${step.line}"]`).waitFor();
      await settle(page);
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: join(SCREENSHOTS, `responder-journey-${step.shot}-390.png`) });
    }
    await expect(panel.locator('[data-testid="journey-done"]').textContent()).resolves.toContain('Đã đến trạm lúc');
    await page.locator('[data-testid="timeline-responder_on_site"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'responder-journey-5-timeline-390.png') });
    await context.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
