import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiCall, apiLogin } from './support/api-client';
import { consoleUrl, launchBrowser, logIn, newConsoleContext, openDropdownOptions, SCREENSHOTS, screenEdges, settle } from './support/console-page';

/**
 * /rosters (lịch trực) at laptop size and on a phone: who is on duty now with the lead and a call-back
 * phone, the department's week with its override and swap, a handover written by the duty officer and
 * taken over by the incoming lead, its print view, the admin's override/swap editor, and a duty
 * officer covering and swapping a shift from the week (laptop and phone) and taking both back.
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

/** Opens a shift's adjustment menu and picks one of its entries. */
async function adjustShift(page: Page, shift: Locator, entry: string | RegExp): Promise<void> {
  await shift.locator('[data-testid="shift-actions"]').click();
  await page.getByRole('menuitem', { name: entry }).click();
  await settle(page);
}

function adjusted(page: Page, list: 'overrides' | 'swaps', method: 'POST' | 'DELETE') {
  return page.waitForResponse((response) => response.url().includes(`/on-duty-groups/${DEPARTMENT_DUTY_GROUP_ID}/${list}`) && response.request().method() === method);
}

/** The page is no wider than the phone, and the drawer fits inside it. */
async function expectFitsPhone(page: Page, drawer: Locator): Promise<void> {
  expect(await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const box = await screenEdges(page, drawer.locator('.ant-drawer-section, .ant-drawer-content'));
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(PHONE.width);
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

  it('lets a duty officer cover a shift from the week (its problem named on the field), swap a person on a phone, and take both back', async () => {
    const adminToken = await apiLogin('admin');
    const users = await apiCall<{ username: string; displayName: string }[]>(adminToken, 'GET', '/users');
    const nameOf = (username: string) => users.body.find((user) => user.username === username)?.displayName ?? username;
    const [standIn, swapIn] = [nameOf('trucban8'), nameOf('lanhdao2')];

    const page = await laptopPage('trucban');
    await openRosters(page);
    const overridesBefore = await page.locator('.roster-shift--override').count();
    const shift = page.locator('.roster-shift--rotation').last();
    await adjustShift(page, shift, 'Cử người thay ca');
    const drawer = page.locator('[data-testid="cover-shift"]');
    await drawer.waitFor();
    const startsAt = await drawer.locator('[data-testid="cover-starts-at"]').inputValue();
    const endsAt = await drawer.locator('[data-testid="cover-ends-at"]').inputValue();
    expect(startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

    // The crew of the shift is filled in: take its people off and put the stand-in on, as lead.
    const members = drawer.locator('.ant-select').filter({ has: page.locator('#memberIds') });
    while ((await members.locator('.ant-select-selection-item-remove').count()) > 0) await members.locator('.ant-select-selection-item-remove').first().click();
    await members.click();
    await page.keyboard.type(standIn);
    await openDropdownOptions(page).filter({ hasText: standIn }).first().click();
    await page.keyboard.press('Escape');
    await settle(page);
    await drawer.locator('.ant-select').filter({ has: page.locator('#leadId') }).click();
    await openDropdownOptions(page).filter({ hasText: standIn }).first().click();

    // An end equal to the start: the api's problem shows under the end.
    await drawer.locator('[data-testid="cover-ends-at"]').fill(startsAt);
    let answer = adjusted(page, 'overrides', 'POST');
    await drawer.locator('[data-testid="cover-shift-save"]').click();
    expect((await answer).status()).toBe(400);
    await drawer.getByText('Phải sau thời điểm bắt đầu').waitFor();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'rosters-cover-problem.png') });

    await drawer.locator('[data-testid="cover-ends-at"]').fill(endsAt);
    answer = adjusted(page, 'overrides', 'POST');
    await drawer.locator('[data-testid="cover-shift-save"]').click();
    expect((await answer).status()).toBe(201);
    await drawer.waitFor({ state: 'hidden' });
    const covered = page.locator('.roster-shift--override').filter({ hasText: standIn });
    await covered.first().waitFor();
    expect(await covered.first().locator('[data-testid="duty-lead"]').innerText()).toContain(standIn);
    await settle(page);
    await covered.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'rosters-covered-week.png') });

    // On a phone: swap one person of a rotation's shift; the drawer fits the screen.
    const phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })).newPage();
    phone.on('pageerror', (error) => pageErrors.push(`phone duty officer: ${error.message}`));
    await logIn(phone, 'trucban2');
    await phone.goto(`${consoleUrl()}/rosters`);
    await phone.locator('.roster-shift--rotation').first().waitFor();
    await settle(phone);
    const swappedBefore = await phone.getByText('Có đổi ca').count();
    const phoneShift = phone.locator('.roster-shift--rotation').filter({ hasNotText: 'Có đổi ca' }).first();
    await phoneShift.scrollIntoViewIfNeeded();
    await adjustShift(phone, phoneShift, 'Đổi người trong ca');
    const swapDrawer = phone.locator('[data-testid="swap-shift"]');
    await swapDrawer.waitFor();
    await swapDrawer.locator('.ant-select').filter({ has: phone.locator('#outgoingUserId') }).click();
    await openDropdownOptions(phone).first().click();
    await settle(phone);
    await swapDrawer.locator('.ant-select').filter({ has: phone.locator('#incomingUserId') }).click();
    await phone.keyboard.type(swapIn);
    await openDropdownOptions(phone).filter({ hasText: swapIn }).first().click();
    await settle(phone);
    await expectFitsPhone(phone, swapDrawer);
    await phone.screenshot({ path: join(SCREENSHOTS, 'rosters-phone-swap.png') });
    const swapped = adjusted(phone, 'swaps', 'POST');
    await swapDrawer.locator('[data-testid="swap-shift-save"]').click();
    expect((await swapped).status()).toBe(201);
    await swapDrawer.waitFor({ state: 'hidden' });
    await phone.getByText('Có đổi ca').nth(swappedBefore).waitFor();
    const phoneSwapped = phone.locator('.roster-shift').filter({ hasText: swapIn }).filter({ hasText: 'Có đổi ca' }).first();
    await phoneSwapped.scrollIntoViewIfNeeded();
    await settle(phone);
    await phone.screenshot({ path: join(SCREENSHOTS, 'rosters-phone-swapped.png') });

    // The cover drawer on the phone too, filled from the shift.
    await adjustShift(phone, phoneSwapped, 'Cử người thay ca');
    const phoneCover = phone.locator('[data-testid="cover-shift"]');
    await phoneCover.waitFor();
    await expectFitsPhone(phone, phoneCover);
    await phone.screenshot({ path: join(SCREENSHOTS, 'rosters-phone-cover.png') });
    await phoneCover.getByRole('button', { name: 'Huỷ' }).click();
    await phoneCover.waitFor({ state: 'hidden' });

    // Both taken back: the swap on the phone, the cover on the laptop.
    await adjustShift(phone, phoneSwapped, /^Bỏ đổi ca/);
    let removed = adjusted(phone, 'swaps', 'DELETE');
    await phone.locator('.ant-modal-confirm').getByRole('button', { name: 'Bỏ' }).click();
    expect((await removed).status()).toBe(200);
    await phone.waitForFunction((count) => [...document.querySelectorAll('.roster-shift .ant-tag')].filter((tag) => tag.textContent === 'Có đổi ca').length === count, swappedBefore);

    await adjustShift(page, covered.first(), 'Bỏ thay ca');
    removed = adjusted(page, 'overrides', 'DELETE');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Bỏ' }).click();
    expect((await removed).status()).toBe(200);
    await page.waitForFunction((count) => document.querySelectorAll('.roster-shift--override').length === count, overridesBefore);
  });
});
