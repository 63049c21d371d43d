import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiLogin } from './support/api-client';
import { consoleUrl, launchBrowser, logIn, newConsoleContext, SCREENSHOTS, settle } from './support/console-page';

/**
 * /rosters (lịch trực) at laptop size and on a phone: who is on duty now with the lead and a call-back
 * phone, the department's week with its override and swap, a handover written by the duty officer and
 * taken over by the incoming lead, its print view, and the admin's override/swap editor.
 */
const PHONE = { width: 390, height: 844 };
const DEPARTMENT_DUTY_GROUP_ID = '00000000-0000-4000-8000-000000000001';

interface HandoverSummary {
  id: string;
  incomingLeadId: string | null;
}

async function openRosters(page: Page): Promise<void> {
  await page.locator('[data-testid="nav-rosters"]').click();
  await page.waitForURL(/\/rosters$/);
  await page.locator(`[data-testid="on-duty-card-${DEPARTMENT_DUTY_GROUP_ID}"]`).waitFor();
  await page.locator('[data-testid="roster-shift"]').first().waitFor();
  await settle(page);
}

/**
 * Shows the week holding the demo's override (this week, or the next when the seed fell late in the
 * week); resolves with how many swapped shifts the two views showed.
 */
async function weekWithAdjustments(page: Page): Promise<number> {
  const swapped = await page.getByText('Có đổi ca').count();
  if ((await page.locator('.roster-shift--override').count()) > 0) return swapped;
  await page.getByRole('button', { name: 'Tuần sau' }).click();
  await page.locator('.roster-shift--override').first().waitFor();
  return swapped + (await page.getByText('Có đổi ca').count());
}

describe('/rosters', () => {
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    expect(pageErrors).toEqual([]);
  });

  async function laptopPage(username: string): Promise<Page> {
    const page = await (await newConsoleContext(browser)).newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await logIn(page, username);
    return page;
  }

  it("shows the duty officer who is on duty now, the tổ trực's week, and lets them hand over; the incoming lead takes over", async () => {
    const page = await laptopPage('trucban');
    await openRosters(page);
    const department = page.locator(`[data-testid="on-duty-card-${DEPARTMENT_DUTY_GROUP_ID}"]`);
    await department.locator('[data-testid="duty-lead"]').first().waitFor();
    expect(await department.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.roster-week__day').count()).toBe(7);
    expect(await weekWithAdjustments(page)).toBe(1);
    expect(await page.locator('.roster-shift--override').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'rosters-laptop-duty-officer.png') });
    await page.locator('.roster-week').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'rosters-laptop-week.png') });

    const created = page.waitForResponse((response) => response.url().endsWith(`/on-duty-groups/${DEPARTMENT_DUTY_GROUP_ID}/handovers`) && response.request().method() === 'POST');
    await page.locator('[data-testid="handover-notes"]').fill('Theo dõi trạm Trung tâm Hội nghị tỉnh; VNPT đã cử đội ứng cứu.');
    await page.locator('[data-testid="handover-submit"]').click();
    const answer = await created;
    expect(answer.status()).toBe(201);
    const handover = (await answer.json()) as HandoverSummary;
    await page.locator('[data-testid="handover-item"]').first().click();
    await page.locator('[data-testid="handover-sheet"]').waitFor();
    await settle(page);
    await page.locator('[data-testid="handover-panel"]').screenshot({ path: join(SCREENSHOTS, 'rosters-handover-sheet.png') });

    // The print view: only the sheet (window.print is stubbed so the print-only container stays).
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.locator('[data-testid="handover-print"]').first().click();
    await page.locator('.handover-print [data-testid="handover-sheet"]').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid="app-header"]').isVisible()).toBe(false);
    expect(await page.locator('.handover-print').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'rosters-handover-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The incoming lead (the next shift's) takes over in their own console.
    const adminToken = await apiLogin('admin');
    const users = await apiCall<{ id: string; username: string }[]>(adminToken, 'GET', '/users');
    const incoming = users.body.find((user) => user.id === handover.incomingLeadId);
    if (!incoming) throw new Error(`no incoming lead for handover ${handover.id}`);
    const incomingPage = await laptopPage(incoming.username);
    await openRosters(incomingPage);
    await incomingPage.locator('[data-testid="handover-acknowledge"]').first().click();
    await incomingPage.locator('[data-testid="handover-item"]').first().getByText('Đã nhận ca').waitFor();
    await settle(incomingPage);
    await incomingPage.locator('[data-testid="handover-panel"]').screenshot({ path: join(SCREENSHOTS, 'rosters-handover-acknowledged.png') });
    expect(await incomingPage.locator('[data-testid="handover-acknowledge"]').count()).toBe(0);
  });

  it("opens the admin's editor with the demo's override and swap, and saves the roster", async () => {
    const page = await laptopPage('admin');
    await openRosters(page);
    await weekWithAdjustments(page);
    await page.locator('[data-testid="roster-edit"]').click();
    const editor = page.locator('.ant-modal-container').first();
    await editor.waitFor();
    await page.locator('[data-testid="roster-override"]').first().waitFor();
    expect(await page.locator('[data-testid="roster-override"]').count()).toBe(1);
    expect(await page.locator('[data-testid="roster-swap"]').count()).toBe(1);
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'rosters-editor.png') });
    const saved = page.waitForResponse((response) => response.url().endsWith(`/on-duty-groups/${DEPARTMENT_DUTY_GROUP_ID}`) && response.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Lưu lịch trực' }).click();
    expect((await saved).status()).toBe(200);
    await editor.waitFor({ state: 'hidden' });
  });

  it('reads as a list of days on a 390 px phone, without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`phone: ${error.message}`));
    await logIn(page, 'viettel.lsn');
    await page.goto(`${consoleUrl()}/rosters`);
    await page.locator(`[data-testid="on-duty-card-${DEPARTMENT_DUTY_GROUP_ID}"]`).waitFor();
    await page.locator('[data-testid="roster-shift"]').first().waitFor();
    await settle(page);
    const width = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    // One column: every day starts at the same x, one under the other.
    const lefts = await page.locator('.roster-week__day').evaluateAll((days) => days.map((day) => Math.round(day.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    const tops = await page.locator('.roster-week__day').evaluateAll((days) => days.map((day) => Math.round(day.getBoundingClientRect().top)));
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    await page.screenshot({ path: join(SCREENSHOTS, 'rosters-phone-now.png') });
    await page.locator('.roster-week').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'rosters-phone-week.png') });
    // A cluster's staff cannot read the department's handover sheets (they list every operator's incidents).
    await page.getByText('Biên bản bàn giao của nhóm này chỉ tổ trực Sở xem được').waitFor();
  });
});
