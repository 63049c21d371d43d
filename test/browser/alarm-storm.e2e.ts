import { join } from 'node:path';
import type { BatteryCountdownDto, IncidentDto, IncidentPage } from '@netduty/contracts';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiLogin } from './support/api-client';
import { launchBrowser, pageAs as openPageAs, SCREENSHOTS, screenEdges, settle } from './support/console-page';

/**
 * The board in a storm, on the demo's Tràng Định feeder: the mass-outage parent is one row with its
 * child count and what the children share, its children are folded under it (and come back to the top
 * level when the officer ungroups), the children on batteries show their minutes left, and the parent's
 * detail lists the children, the coverage they cost and their countdowns — on a laptop and on a phone.
 */
const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('the board in an alarm storm', () => {
  let browser: Browser;
  const pageErrors: string[] = [];
  let parent: IncidentDto;
  let children: IncidentDto[];
  let onBatteries: Set<string>;

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await apiLogin('trucban');
    const top = await apiCall<IncidentPage>(token, 'GET', '/incidents?topLevel=true&limit=200');
    expect(top.status).toBe(200);
    const found = top.body.items.find((incident) => incident.correlation?.key === 'EVN-LS/TrangDinh-371');
    if (!found) throw new Error('the demo seed filed no Tràng Định parent');
    parent = found;
    const under = await apiCall<IncidentPage>(token, 'GET', `/incidents?parent=${parent.id}&limit=200`);
    children = under.body.items;
    expect(children.length).toBeGreaterThanOrEqual(3);
    const countdown = await apiCall<BatteryCountdownDto>(token, 'GET', '/battery/countdown');
    onBatteries = new Set(countdown.body.entries.filter((entry) => entry.minutesLeft !== null).map((entry) => entry.site.id));
    expect(children.some((child) => onBatteries.has(child.site.id))).toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    expect(pageErrors).toEqual([]);
  });

  const pageAs = (username: string, viewport: { width: number; height: number }) => openPageAs(browser, username, viewport, pageErrors);

  const row = (page: Page, incident: IncidentDto) => page.locator(`[data-testid="incident-row-${incident.reference}"]`);

  /** No i18n key shows through as text (an untranslated string reads "board.storm.…"). */
  async function expectNoRawKeys(page: Page): Promise<void> {
    const text = (await page.locator('body').innerText()) ?? '';
    expect(text).not.toMatch(/\b(board|detail)\.storm\.[a-zA-Z.]+/);
  }

  it('shows the parent as one row with its child count and kind, its children folded under it', async () => {
    const page = await pageAs('trucban', LAPTOP);
    await row(page, parent).waitFor();
    await page.locator(`[data-testid="child-count-${parent.reference}"]`).filter({ hasText: `${children.length} trạm` }).waitFor();
    expect(await row(page, parent).innerText()).toContain('Nghi mất điện lưới');
    expect(await page.locator(`[data-testid="upstream-${parent.reference}"]`).innerText()).toBe('lộ/trạm EVN-LS/TrangDinh-371');
    for (const child of children) expect(await row(page, child).count()).toBe(0);

    // Expanded: the children under the parent, indented, the ones on batteries with their minutes left.
    await page.locator(`[data-testid="expand-${parent.reference}"]`).click();
    for (const child of children) await row(page, child).and(page.locator('[data-depth="1"]')).waitFor();
    const counting = children.filter((child) => onBatteries.has(child.site.id));
    for (const child of counting) {
      const badge = page.locator(`[data-testid="battery-${child.reference}"]`);
      await badge.waitFor();
      expect(await badge.innerText()).toMatch(/^▮ (\d+ phút|Đã mất sóng)$/);
    }
    const parentBox = await row(page, parent).boundingBox();
    const firstChildBox = await row(page, children[0] as IncidentDto).boundingBox();
    if (!parentBox || !firstChildBox) throw new Error('no row box');
    expect(firstChildBox.y).toBeGreaterThan(parentBox.y);
    await expectNoRawKeys(page);
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'alarm-storm-board.png') });

    // Ungrouped: every child is its own top-level row again.
    await page.locator('[data-testid="group-toggle"]').uncheck();
    for (const child of children) await row(page, child).and(page.locator('[data-depth="0"]')).first().waitFor();
    await page.locator('[data-testid="group-toggle"]').check();
    await row(page, parent).waitFor();
    await page.close();
  });

  it("opens the parent's detail with its children, their countdowns and the coverage they cost", async () => {
    const page = await pageAs('trucban', LAPTOP);
    await row(page, parent).click();
    const panel = page.locator('[data-testid="storm-panel"]');
    await panel.waitFor();
    for (const child of children) await page.locator(`[data-testid="storm-child-${child.reference}"]`).waitFor();
    expect(await panel.innerText()).toContain(`Sự cố con (${children.length})`);
    const counting = children.find((child) => onBatteries.has(child.site.id));
    if (counting) expect(await page.locator(`[data-testid="storm-child-${counting.reference}"]`).innerText()).toMatch(/Còn \d+ phút|Đã mất sóng/);
    await page.locator('[data-testid="storm-impact"]').waitFor();
    expect(await page.locator('[data-testid="storm-impact"]').innerText()).toContain('Xã/phường có các trạm này:');
    await expectNoRawKeys(page);
    await panel.scrollIntoViewIfNeeded();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'alarm-storm-detail.png') });

    // A child links back to its parent.
    await page.locator(`[data-testid="storm-child-${(children[0] as IncidentDto).reference}"] a`).click();
    await page.locator('[data-testid="storm-parent"]').filter({ hasText: parent.reference }).waitFor();
    await page.close();
  });

  it('fits a phone: the parent row, its children and the detail stay on screen', async () => {
    const page = await pageAs('trucban', PHONE);
    await row(page, parent).waitFor();
    await page.locator(`[data-testid="expand-${parent.reference}"]`).click();
    await row(page, children[0] as IncidentDto).waitFor();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'alarm-storm-board-phone.png') });

    await row(page, parent).click();
    const panel = page.locator('[data-testid="storm-panel"]');
    await panel.waitFor();
    await page.locator('[data-testid="storm-impact"]').waitFor();
    const edges = await screenEdges(page, panel);
    expect(edges.left).toBeGreaterThanOrEqual(0);
    expect(edges.right).toBeLessThanOrEqual(PHONE.width);
    await panel.scrollIntoViewIfNeeded();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'alarm-storm-detail-phone.png') });
    await page.close();
  });
});
