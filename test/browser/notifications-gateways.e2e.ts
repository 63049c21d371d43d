import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newConsoleContext, SCREENSHOTS } from './support/console-page';

/** Admin: the gateways tab lists gateways, shows the api's field problems on the form, saves a valid one. */
describe('the notification gateways tab', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newConsoleContext(browser)).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the api's problem on the field, then saves the corrected gateway into the list", async () => {
    await logIn(page, 'admin');
    await page.goto(new URL('/admin?tab=gateways', page.url()).toString());
    await page.locator('[data-testid="gateways-tab"]').waitFor();
    await page.locator('[data-testid="gateway-add"]').click();
    const name = `SMS e2e ${Date.now()}`;
    await page.locator('[data-testid="gateway-name"]').fill(name);
    // Disabled: nothing is listening at its address, and later tests' escalations must not pick it.
    await page.locator('.ant-modal .ant-switch').first().click();
    await page.locator('[data-testid="gateway-url"]').fill('ftp://sms.example');
    await page.locator('[data-testid="gateway-template"]').fill('{"to":"{{address}}","text":"{{nope}}"}');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const urlError = page.locator('.ant-form-item-has-error').filter({ has: page.locator('[data-testid="gateway-url"]') });
    await urlError.waitFor();
    const templateError = page.locator('.ant-form-item-has-error').filter({ has: page.locator('[data-testid="gateway-template"]') });
    await templateError.waitFor();
    // Each field says what is wrong, in words (the api's codes worded by the console).
    await page.locator('.ant-form-item-explain-error').nth(1).waitFor();
    expect(await page.locator('.ant-form-item-explain-error').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/\S/)]));
    await page.screenshot({ path: join(SCREENSHOTS, 'notification-gateway-problems.png') });

    await page.locator('[data-testid="gateway-url"]').fill('http://127.0.0.1:9/sms');
    await page.locator('[data-testid="gateway-template"]').fill('{"to":"{{address}}","text":"{{text}}"}');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('[data-testid="gateways-tab"] td', { hasText: name }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'notification-gateways-tab.png') });
    expect(pageErrors).toEqual([]);
  });
});
