import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newConsoleContext, SCREENSHOTS, screenEdges, settle } from './support/console-page';

/**
 * /reports at laptop size and on a phone: the seed's morning situation report is listed, its PDF
 * downloads from the console and reads as the report (pdftotext), a duty officer generates one on demand
 * and writes remarks; nothing pans sideways at 390 px.
 */
const PHONE = { width: 390, height: 844 };

async function openReports(page: Page): Promise<void> {
  await page.locator('[data-testid="nav-reports"]').click();
  await page.waitForURL(/\/reports$/);
  await page.locator('[data-testid="report-item"]').first().waitFor();
  await settle(page);
}

describe('/reports', () => {
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    expect(pageErrors).toEqual([]);
  });

  async function newPage(username: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await (await newConsoleContext(browser)).newPage();
    await page.setViewportSize(viewport);
    page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await logIn(page, username);
    return page;
  }

  it("downloads the morning report's PDF from the console, and it reads as the administrative report", async () => {
    const page = await newPage('lanhdao', { width: 1440, height: 900 });
    await openReports(page);
    // Leadership reads and downloads; generating is the duty officers'.
    expect(await page.locator('[data-testid="reports-generate"]').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-laptop-leadership.png') });
    const item = page.locator('[data-testid="report-item"]').last();
    const downloading = page.waitForEvent('download');
    await item.locator('[data-testid="report-pdf"]').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^bao-cao-tinh-hinh-so-\d+-bc-skhcn\.pdf$/);
    const file = join(SCREENSHOTS, '..', 'downloaded-report.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['UBND TỈNH LẠNG SƠN', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO TÌNH HÌNH', 'I. TÌNH HÌNH CHUNG', 'V. Ý KIẾN CỦA CÁN BỘ TRỰC']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Số: \d+\/BC-SKHCN/);
    execFileSync('rm', ['-f', file]);
    await page.context().close();
  });

  it('lets a duty officer generate a report on demand and write remarks, on a phone without sideways panning', async () => {
    const page = await newPage('trucban', PHONE);
    await openReports(page);
    const before = await page.locator('[data-testid="report-item"]').count();
    const generated = page.waitForResponse((response) => response.url().endsWith('/situation-reports') && response.request().method() === 'POST');
    await page.locator('[data-testid="reports-generate-submit"]').click();
    expect((await generated).status()).toBe(201);
    await page.locator('[data-testid="report-drawer"] [data-testid="report-remarks"]').waitFor();
    await settle(page);
    const panel = page.locator('.ant-drawer-section, .ant-drawer-content').filter({ has: page.locator('[data-testid="report-remarks"]') });
    const edges = await screenEdges(page, panel);
    expect(edges.left).toBeGreaterThanOrEqual(0);
    expect(edges.right).toBeLessThanOrEqual(PHONE.width);
    await page.locator('[data-testid="report-remarks"]').fill('Mạng lưới ổn định; theo dõi trạm Trung tâm Hội nghị tỉnh.');
    const saved = page.waitForResponse((response) => /\/situation-reports\/[0-9a-f-]+$/.test(response.url()) && response.request().method() === 'PATCH');
    await page.locator('[data-testid="report-save-remarks"]').click();
    expect((await saved).status()).toBe(200);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-phone-drawer.png') });
    await page.keyboard.press('Escape');
    await settle(page);
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="report-item"]').length > count, before);
    await page.locator('.ant-drawer-section').waitFor({ state: 'detached' });
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-phone.png'), fullPage: true });
    // The area itself never pans sideways: no element of the page reaches past the phone's edge.
    const overflowing = await page.evaluate(
      (width) => [...document.querySelectorAll('.reports-page, .reports-page *')].filter((element) => element.getBoundingClientRect().right > width + 0.5).map((element) => element.className),
      PHONE.width,
    );
    expect(overflowing).toEqual([]);
    await page.context().close();
  });
});
