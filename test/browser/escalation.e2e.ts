import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiLogin } from './support/api-client';
import { consoleUrl, launchBrowser, logIn, newConsoleContext, openDropdownOptions, SCREENSHOTS, settle } from './support/console-page';

/**
 * The escalation chain in the incident's detail, as the duty officer works it: where the chain stands with a
 * live "next level in mm:ss", escalating by hand (a reason is required) and seeing the step with its
 * recipients, de-escalating, and a refusal of the api (409) worded in the dialog; and the block and the
 * event banner on a 390 px phone without horizontal scrolling.
 */
interface Created {
  id: string;
  reference: string;
}

interface SiteRow {
  id: string;
  priority: string;
}

const PHONE = { width: 390, height: 844 };

async function chooseLevel(page: Page, level: number): Promise<void> {
  await page.locator('.chain-change-modal .ant-modal [data-testid="chain-target-level"]').click();
  await openDropdownOptions(page).filter({ hasText: `Cấp ${level}` }).first().click();
}

async function submitChainChange(page: Page, path: 'escalate' | 'de-escalate'): Promise<number> {
  const answer = page.waitForResponse((response) => response.url().endsWith(`/${path}`) && response.request().method() === 'POST');
  await page.locator('.chain-change-modal .ant-modal-footer .ant-btn-primary').click();
  return (await answer).status();
}

describe('the escalation chain in the incident detail', () => {
  let browser: Browser;
  let page: Page;
  let incident: Created;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newConsoleContext(browser)).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A P2 site: its incidents follow the default policy (4 levels, one repeat round).
    const token = await apiLogin('viettel.lsn');
    const sites = await apiCall<SiteRow[]>(token, 'GET', '/sites?limit=50');
    const site = sites.body.find((candidate) => candidate.priority === 'P2');
    if (!site) throw new Error('no P2 site among the Viettel sites');
    const report = await apiCall<Created>(token, 'POST', '/incidents', {
      siteId: site.id,
      category: 'fibre_cut',
      severity: 'critical',
      description: `E2E chain ${new Date().toISOString()} — đứt cáp quang`,
    });
    expect(report.status).toBe(201);
    incident = report.body;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows where the chain stands, with a countdown to the next level that runs', async () => {
    await logIn(page, 'trucban');
    await page.goto(`${consoleUrl()}/incidents/${incident.id}`);
    const block = page.locator('[data-testid="chain-block"]');
    await block.waitFor();
    await page.locator('[data-testid="chain-state"]').waitFor();
    expect(await page.locator('[data-testid="chain-state"]').textContent()).toBe('Chờ đến hạn');
    expect(await page.locator('[data-testid="chain-current-level"]').textContent()).toBe('Chưa chuyển cấp');
    const countdown = page.locator('[data-testid="chain-countdown"]');
    const first = (await countdown.textContent()) ?? '';
    // Critical: acknowledge within 15 minutes, so level 1 is due in 14:xx.
    expect(first).toMatch(/^Cấp 1 tiếp theo sau 1[45]:\d\d$/);
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="chain-countdown"]')?.textContent !== before,
      first,
    );
    expect(await page.locator('[data-testid="chain-steps"]').count()).toBe(0);
  });

  it('escalates by hand only with a reason, then shows the step, its recipients and the reason', async () => {
    await page.locator('[data-testid="chain-escalate"]').click();
    const modal = page.locator('.chain-change-modal .ant-modal');
    await modal.waitFor();
    await settle(page);
    await chooseLevel(page, 2);
    let sent = false;
    const watch = (request: { url: () => string }) => {
      if (request.url().endsWith('/escalate')) sent = true;
    };
    page.on('request', watch);
    await page.locator('.chain-change-modal .ant-modal-footer .ant-btn-primary').click();
    await modal.getByText('Nhập lý do').waitFor();
    page.off('request', watch);
    expect(sent).toBe(false);

    await page.locator('[data-testid="chain-reason"]').fill('Trạm mất liên lạc, cụm chưa phản hồi');
    expect(await submitChainChange(page, 'escalate')).toBe(201);
    const step = page.locator('[data-testid="chain-step"][data-step-level="2"]');
    await step.waitFor();
    expect(await step.textContent()).toContain('Chuyển cấp thủ công');
    expect(await step.textContent()).toContain('Lý do: Trạm mất liên lạc, cụm chưa phản hồi');
    expect(await step.locator('.chain-step__recipient').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="chain-current-level"]', { hasText: 'Đang ở cấp 2' }).waitFor();
    expect(await page.locator('[data-testid="chain-countdown"]').textContent()).toMatch(/^Cấp 3 tiếp theo sau \d+:\d\d(:\d\d)?$/);
    await settle(page);
    await chainBlock(page).screenshot({ path: join(SCREENSHOTS, 'escalation-chain-block.png') });
  });

  it('de-escalates with a reason, and words the api’s refusal when no repeat round is left', async () => {
    await page.locator('[data-testid="chain-de-escalate"]').click();
    await settle(page);
    await chooseLevel(page, 1);
    await page.locator('[data-testid="chain-reason"]').fill('Cụm đã nhận, trả về cấp 1');
    expect(await submitChainChange(page, 'de-escalate')).toBe(201);
    await page.locator('[data-testid="chain-current-level"]', { hasText: 'Đang ở cấp 1' }).waitFor();

    // The default policy repeats once: the de-escalation used that round, so a second one is refused.
    await page.locator('[data-testid="chain-escalate"]').click();
    await settle(page);
    await chooseLevel(page, 3);
    await page.locator('[data-testid="chain-reason"]').fill('Vẫn chưa khắc phục');
    expect(await submitChainChange(page, 'escalate')).toBe(201);
    await page.locator('[data-testid="chain-current-level"]', { hasText: 'Đang ở cấp 3' }).waitFor();

    await page.locator('[data-testid="chain-de-escalate"]').click();
    await settle(page);
    await chooseLevel(page, 1);
    await page.locator('[data-testid="chain-reason"]').fill('Thử hạ cấp lần nữa');
    expect(await submitChainChange(page, 'de-escalate')).toBe(409);
    const refusal = page.locator('[data-testid="chain-refusal"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Chính sách đã hết số vòng lặp: không thể hạ cấp thêm');
    await page.screenshot({ path: join(SCREENSHOTS, 'escalation-refusal.png') });
    await page.locator('.chain-change-modal .ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
    expect(pageErrors).toEqual([]);
  });

  it('fits the chain block and the event banner on a 390 px phone', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const phone = await context.newPage();
    await logIn(phone, 'trucban');
    // The demo congress starts three days after the seed: announced, it is within the week.
    const banner = phone.locator('[data-testid="event-banner"]');
    await banner.waitFor();
    expect(await banner.getAttribute('data-kind')).toBe('upcoming');
    expect(await phone.locator('[data-testid="event-banner-text"]').textContent()).toMatch(/bắt đầu sau \d ngày \d\d giờ$/);
    expect(await phone.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.screenshot({ path: join(SCREENSHOTS, 'escalation-phone-banner.png') });
    await phone.goto(`${consoleUrl()}/incidents/${incident.id}`);
    await phone.locator('[data-testid="chain-step"]').first().waitFor();
    await settle(phone);
    const widths = await phone.evaluate(() => {
      const block = document.querySelector('[data-testid="chain-block"]');
      const bannerElement = document.querySelector('[data-testid="event-banner"]');
      return {
        page: (document.scrollingElement ?? document.documentElement).scrollWidth,
        block: block ? block.scrollWidth - block.clientWidth : -1,
        blockRight: block ? block.getBoundingClientRect().right : -1,
        banner: bannerElement ? bannerElement.scrollWidth - bannerElement.clientWidth : -1,
      };
    });
    expect(widths.page).toBeLessThanOrEqual(PHONE.width);
    expect(widths.block).toBe(0);
    expect(widths.blockRight).toBeLessThanOrEqual(PHONE.width);
    expect(widths.banner).toBe(0);
    await phone.locator('[data-testid="chain-block"]').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(SCREENSHOTS, 'escalation-phone.png') });
    await context.close();
  });
});

function chainBlock(page: Page) {
  return page.locator('[data-testid="chain-block"]');
}
