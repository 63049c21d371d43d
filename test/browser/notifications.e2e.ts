import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { currentTestEnvironment } from '../integration/support/test-environment';
import { apiCall, apiLogin } from './support/api-client';
import { launchBrowser, logIn, newConsoleContext, SCREENSHOTS, screenEdges, settle } from './support/console-page';

/**
 * The header's bell and the notification centre: the unread count of the person's in-app entries, the
 * centre listing them newest first, opening one marks it read and opens its incident (whose delivery log
 * lists them), "mark all read" empties the count; usable at 390 px.
 */
describe('the notification bell and centre', () => {
  let browser: Browser;
  let page: Page;
  let db: Client;
  let incidentId: string;
  let reference: string;
  const pageErrors: string[] = [];

  /** In-app entries as the worker leaves them (an outbox row delivered, its centre entry). */
  async function deliverInApp(userId: string, level: number): Promise<void> {
    const params = { reference, level, site: 'E2E' };
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO notification_deliveries (source_key, incident_id, recipient_user_id, channel, payload, urgency_rank, status, sent_at, delivered_at)
       VALUES ($1, $2, $3, 'in_app', $4, 0, 'delivered', now(), now()) RETURNING id`,
      [`e2e-${randomUUID()}`, incidentId, userId, JSON.stringify({ titleKey: 'escalation.fired', params })],
    );
    await db.query(`INSERT INTO notifications (user_id, incident_id, delivery_id, title_key, params) VALUES ($1, $2, $3, 'escalation.fired', $4)`, [
      userId,
      incidentId,
      rows[0]?.id,
      JSON.stringify(params),
    ]);
  }

  const bellCount = async () => Number(await page.locator('[data-testid="notification-bell"]').getAttribute('data-unread'));

  beforeAll(async () => {
    db = new Client({ connectionString: currentTestEnvironment().databaseUrl });
    await db.connect();
    browser = await launchBrowser();
    page = await (await newConsoleContext(browser)).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const token = await apiLogin('trucban');
    const sites = await apiCall<{ id: string }[]>(token, 'GET', '/sites?q=dong%20kinh&limit=1');
    const report = await apiCall<{ id: string; reference: string }>(token, 'POST', '/incidents', {
      siteId: sites.body[0]?.id,
      category: 'mains_failure',
      severity: 'major',
      description: `E2E thông báo ${new Date().toISOString()}`,
    });
    expect(report.status).toBe(201);
    ({ id: incidentId, reference } = report.body);
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'trucban'`);
    const userId = rows[0]?.id ?? '';
    await db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    for (const level of [1, 2, 3]) await deliverInApp(userId, level);
  });

  afterAll(async () => {
    await browser?.close();
    await db?.end();
  });

  it('counts the unread on the bell and lists them in the centre, newest first', async () => {
    await logIn(page, 'trucban');
    const bell = page.locator('[data-testid="notification-bell"]');
    await bell.waitFor();
    await page.locator('[data-testid="notification-bell"][data-unread="3"]').waitFor();
    expect(await page.locator('[data-testid="notification-bell-count"]').textContent()).toBe('3');
    expect(await bell.getAttribute('aria-label')).toBe('Thông báo: 3 chưa đọc');
    expect(await page.locator('[data-testid="notification-bell-count"]').evaluate((badge) => getComputedStyle(badge).backgroundColor)).toBe('rgb(207, 19, 34)');
    await page.locator('[data-testid="app-header"]').screenshot({ path: join(SCREENSHOTS, 'notification-bell.png') });

    await bell.click();
    // Older entries (the demo's own escalations) are read; ours are the newest three, unread.
    const unread = page.locator('[data-testid="notification-centre"] [data-testid="notification-entry"][data-read="false"]');
    await unread.nth(2).waitFor();
    expect(await unread.count()).toBe(3);
    const entries = page.locator('[data-testid="notification-centre"] [data-testid="notification-entry"]');
    expect(await entries.first().textContent()).toContain(`Sự cố ${reference} leo thang cấp 3`);
    expect(await entries.nth(2).textContent()).toContain(`Sự cố ${reference} leo thang cấp 1`);
    await page.screenshot({ path: join(SCREENSHOTS, 'notification-centre.png') });
  });

  it('opening an entry marks it read and opens its incident; "mark all read" empties the count', async () => {
    await page.locator('[data-testid="notification-entry"]').first().locator('button').click();
    await page.waitForURL(`**/incidents/${incidentId}`);
    await page.locator('[data-testid="notification-bell"][data-unread="2"]').waitFor();
    expect(await bellCount()).toBe(2);
    // The centre has closed; the incident's drawer is open, its delivery log listing the three messages.
    await page.waitForFunction(() => !document.querySelector('.ant-drawer-open .notification-entry'));
    const logged = page.locator('[data-testid="incident-deliveries"] [data-testid="incident-delivery"]');
    await logged.nth(2).waitFor();
    expect(await logged.count()).toBe(3);
    expect(await page.locator('[data-testid="incident-delivery"][data-status="delivered"]').count()).toBe(3);
    expect(await logged.first().textContent()).toContain('Đã nhận');
    await page.locator('[data-testid="incident-deliveries"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'notification-opened-incident.png') });

    // Back on the board (a fresh load: the count comes from the api, not from this page's memory).
    await page.goto(new URL('/', page.url()).toString());
    await page.locator('[data-testid="notification-bell"][data-unread="2"]').waitFor();
    await page.locator('[data-testid="notification-bell"]').click();
    await page.locator('[data-testid="notification-entry"][data-read="true"]').first().waitFor();
    expect(await page.locator('[data-testid="notification-entry"][data-read="false"]').count()).toBe(2);
    await page.locator('[data-testid="notifications-read-all"]').click();
    await page.locator('[data-testid="notification-bell"][data-unread="0"]').waitFor();
    await page.locator('[data-testid="notification-entry"][data-read="false"]').first().waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="notification-bell-count"]').count()).toBe(0);
    const unread = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'trucban' AND n.read_at IS NULL`);
    expect(unread.rows[0]?.n).toBe(0);
  });

  it('keeps my channels per severity from the centre: critical fixed to every channel, minor changed and saved', async () => {
    await page.goto(new URL('/', page.url()).toString());
    await page.locator('[data-testid="notification-bell"]').click();
    const critical = page.locator('[data-testid="preferences-critical"] input[type="checkbox"]');
    await critical.first().waitFor();
    expect(await critical.evaluateAll((boxes) => boxes.every((box) => (box as HTMLInputElement).checked && (box as HTMLInputElement).disabled))).toBe(true);
    const minorSms = page.locator('[data-testid="preferences-minor"] label', { hasText: 'SMS' });
    const before = await minorSms.locator('input').isChecked();
    await minorSms.click();
    await page.locator('[data-testid="preferences-save"]').click();
    await page.locator('.ant-message', { hasText: 'Đã lưu kênh nhận thông báo.' }).waitFor();
    const saved = await db.query<{ channels: string[] }>(
      `SELECT p.channels FROM notification_preferences p JOIN users u ON u.id = p.user_id WHERE u.username = 'trucban' AND p.severity = 'minor'`,
    );
    expect(saved.rows[0]?.channels.includes('sms')).toBe(!before);
    await page.locator('[data-testid="notification-preferences"]').screenshot({ path: join(SCREENSHOTS, 'notification-preferences.png') });
  });

  it('works at 390 px: the bell in the compact header, the centre across the screen without horizontal overflow', async () => {
    const phone = await (await newConsoleContext(browser)).newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await logIn(phone, 'trucban');
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'trucban'`);
    await deliverInApp(rows[0]?.id ?? '', 4);
    await phone.reload();
    const bell = phone.locator('[data-testid="notification-bell"][data-unread="1"]');
    await bell.waitFor();
    await bell.click();
    await phone.locator('[data-testid="notification-entry"]').first().waitFor();
    await settle(phone);
    const drawer = await screenEdges(phone, '.ant-drawer-content-wrapper');
    expect(drawer.left).toBeGreaterThanOrEqual(0);
    expect(drawer.right).toBeLessThanOrEqual(390);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(SCREENSHOTS, 'notification-centre-phone.png') });
    await phone.close();
    expect(pageErrors).toEqual([]);
  });
});
