import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Client } from 'pg';
import { currentTestEnvironment } from '../integration/support/test-environment';
import { apiCall, apiLogin } from './support/api-client';
import { consoleUrl, launchBrowser, logIn, screenEdges, SCREENSHOTS, settle } from './support/console-page';

/**
 * The dashboard's roaming panel (chuyển vùng nội địa) driven through the console: the duty officer
 * issues a request for a commune where Viettel lost every BTS, the live request shows its state and
 * deadline countdown, "roaming in effect" then "end" move it on the api; a second proposal is
 * dismissed with a reason. On a phone (390 px) the panel and its buttons stay on screen; leadership
 * reads the panel without any action. Screenshots of each.
 */
const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface RoamingRequest {
  id: string;
  commune: { code: string };
  lostOperator: string;
  hostOperator: string | null;
  status: string;
  deadlineAt: string | null;
  inEffectAt: string | null;
  endedAt: string | null;
  dismissedAt: string | null;
  note: string | null;
  incidentStatus: string | null;
}

interface Proposals {
  proposals: { commune: { code: string }; lostOperator: string; request: RoamingRequest | null }[];
}

describe('the roaming panel: issue, in effect, end and dismiss', () => {
  let browser: Browser;
  let owner: Client;
  let duty: string;
  const pageErrors: string[] = [];
  const outages: string[] = [];
  let issueCommune = '';
  let dismissCommune = '';

  /** A commune of this suite's own, so the demo province's sites do not count in it. */
  async function newCommune(): Promise<string> {
    const code = `E${randomInt(10_000, 99_999)}`;
    await owner.query(
      `INSERT INTO communes (code, province_code, name, division_type, former_district, search_text)
       SELECT $1::text, province_code, 'Xã Thử Chuyển Vùng ' || $1::text, division_type, NULL, 'xa thu chuyen vung ' || lower($1::text) FROM communes LIMIT 1`,
      [code],
    );
    return code;
  }

  async function newBts(admin: string, communeCode: string, operatorCode: string): Promise<string> {
    const code = `RME${randomInt(100_000, 999_999)}`;
    const created = await apiCall<{ id: string }>(admin, 'POST', '/sites', { code, name: `Trạm thử ${code}`, kind: 'bts', operatorCode, communeCode, latitude: 21.85, longitude: 106.76, priority: 'P1' });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** Viettel's only BTS in a new commune down, VNPT's still on air: roaming onto VNPT is proposed there. */
  async function communeWithViettelLost(admin: string): Promise<string> {
    const commune = await newCommune();
    const viettel = await newBts(admin, commune, 'viettel');
    await newBts(admin, commune, 'vnpt');
    const outage = await apiCall<{ id: string }>(duty, 'POST', '/incidents', { siteId: viettel, category: 'mains_failure', severity: 'critical', description: 'Mất điện lưới toàn xã' });
    expect(outage.status).toBe(201);
    outages.push(outage.body.id);
    return commune;
  }

  async function requestsIn(commune: string, status: 'live' | 'all' = 'all'): Promise<RoamingRequest[]> {
    const listed = await apiCall<RoamingRequest[]>(duty, 'GET', `/roaming/requests?status=${status}`);
    expect(listed.status).toBe(200);
    return listed.body.filter((request) => request.commune.code === commune);
  }

  async function openDashboard(username: string, viewport: { width: number; height: number }, phone = false): Promise<Page> {
    const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await logIn(page, username);
    await page.goto(`${consoleUrl()}/dashboard`);
    await page.locator('[data-testid="panel-roaming"]').waitFor();
    return page;
  }

  const proposalRow = (page: Page, commune: string) => page.locator(`[data-testid="panel-roaming"] li[data-commune="${commune}"][data-operator="viettel"]`);

  function answered(page: Page, method: string, path: RegExp) {
    return page.waitForResponse((response) => response.request().method() === method && path.test(new URL(response.url()).pathname));
  }

  beforeAll(async () => {
    owner = new Client({ connectionString: currentTestEnvironment().ownerDatabaseUrl });
    await owner.connect();
    browser = await launchBrowser();
    duty = await apiLogin('trucban');
    const admin = await apiLogin('admin');
    issueCommune = await communeWithViettelLost(admin);
    dismissCommune = await communeWithViettelLost(admin);
  });

  afterAll(async () => {
    // Leave no proposal behind for the suites after this one: end what is live and restore the sites.
    for (const commune of [issueCommune, dismissCommune]) {
      for (const request of commune ? await requestsIn(commune, 'live') : []) await apiCall(duty, 'POST', `/roaming/requests/${request.id}/end`, {});
    }
    for (const id of outages) {
      await apiCall(duty, 'POST', `/incidents/${id}/acknowledge`, {});
      await apiCall(duty, 'POST', `/incidents/${id}/resolve`, { note: 'Đã có điện lưới' });
    }
    await browser?.close();
    await owner?.end();
  });

  it('issues a request from the panel, shows its countdown, and takes it to in effect and then ended on the api', async () => {
    const page = await openDashboard('trucban', LAPTOP);
    const row = proposalRow(page, issueCommune);
    await row.waitFor();

    const issued = answered(page, 'POST', /\/roaming\/requests$/);
    await row.locator(`[data-testid="roaming-issue-${issueCommune}-vnpt"]`).click();
    expect((await issued).status()).toBe(201);
    const [request] = await requestsIn(issueCommune, 'live');
    expect(request).toMatchObject({ status: 'issued', lostOperator: 'viettel', hostOperator: 'vnpt' });
    if (!request) throw new Error('no live request');

    // The live request: its state, and its 30-minute deadline counting down.
    const requestRow = page.locator(`[data-testid="roaming-request-${request.id}"]`);
    await requestRow.waitFor();
    expect(await requestRow.getAttribute('data-status')).toBe('issued');
    expect(await requestRow.locator('[data-testid="roaming-request-status"]').innerText()).toBe('Đã yêu cầu');
    const seconds = Number(await requestRow.locator('[data-testid="countdown"]').getAttribute('data-seconds'));
    expect(seconds).toBeGreaterThan(25 * 60);
    // Rounded up to the second, on the browser's clock against the api's deadline: a second over 30 minutes at most.
    expect(seconds).toBeLessThanOrEqual(30 * 60 + 1);
    // The proposal says it was requested, and offers no second request.
    await row.locator('[data-testid="roaming-request"]').waitFor();
    expect(await row.locator('[data-testid^="roaming-issue-"]').count()).toBe(0);
    await settle(page);
    await page.locator('[data-testid="panel-roaming"]').screenshot({ path: join(SCREENSHOTS, 'roaming-issued-laptop.png') });

    // The host operator confirmed: roaming is in effect, and only "end" is left.
    const confirmed = answered(page, 'POST', new RegExp(`/roaming/requests/${request.id}/in-effect$`));
    await requestRow.locator('[data-testid="roaming-step-in_effect"]').click();
    expect((await confirmed).status()).toBe(200);
    await page.waitForFunction((id) => document.querySelector(`[data-testid="roaming-request-${id}"]`)?.getAttribute('data-status') === 'in_effect', request.id);
    expect(await requestRow.locator('[data-testid="roaming-step-in_effect"]').count()).toBe(0);
    expect(await requestRow.locator('[data-testid="countdown"]').count()).toBe(0);
    const inEffect = (await requestsIn(issueCommune)).find((candidate) => candidate.id === request.id);
    expect(inEffect).toMatchObject({ status: 'in_effect', incidentStatus: 'resolved' });
    expect(inEffect?.inEffectAt).not.toBeNull();
    await settle(page);
    await page.locator('[data-testid="panel-roaming"]').screenshot({ path: join(SCREENSHOTS, 'roaming-in-effect-laptop.png') });

    // Ended: it leaves the live list, and the api says so.
    const ended = answered(page, 'POST', new RegExp(`/roaming/requests/${request.id}/end$`));
    await requestRow.locator('[data-testid="roaming-step-end"]').click();
    expect((await ended).status()).toBe(200);
    await requestRow.waitFor({ state: 'detached' });
    const finished = (await requestsIn(issueCommune)).find((candidate) => candidate.id === request.id);
    expect(finished).toMatchObject({ status: 'ended' });
    expect(finished?.endedAt).not.toBeNull();
    expect(await requestsIn(issueCommune, 'live')).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('dismisses a proposal with its reason: the api records it and the panel no longer proposes it', async () => {
    const page = await openDashboard('trucban', LAPTOP);
    const row = proposalRow(page, dismissCommune);
    await row.waitFor();
    await row.locator(`[data-testid="roaming-dismiss-${dismissCommune}-viettel"]`).click();
    await row.locator(`[data-testid="roaming-dismiss-${dismissCommune}-viettel-reason"]`).fill('VNPT báo quá tải, không nhận thêm thuê bao');
    await settle(page);
    await page.locator('[data-testid="panel-roaming"]').screenshot({ path: join(SCREENSHOTS, 'roaming-dismiss-laptop.png') });
    const dismissed = answered(page, 'POST', /\/roaming\/dismissals$/);
    await row.locator(`[data-testid="roaming-dismiss-${dismissCommune}-viettel-confirm"]`).click();
    expect((await dismissed).status()).toBe(201);
    await row.waitFor({ state: 'detached' });

    const [record] = await requestsIn(dismissCommune);
    expect(record).toMatchObject({ status: 'dismissed', hostOperator: null, note: 'VNPT báo quá tải, không nhận thêm thuê bao' });
    expect(record?.dismissedAt).not.toBeNull();
    const proposals = await apiCall<Proposals>(duty, 'GET', '/roaming/proposals');
    expect(proposals.body.proposals.filter((proposal) => proposal.commune.code === dismissCommune)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('keeps the panel and its buttons on a 390 px phone screen', async () => {
    const page = await openDashboard('trucban', PHONE, true);
    const row = proposalRow(page, issueCommune);
    await row.waitFor();
    const issued = answered(page, 'POST', /\/roaming\/requests$/);
    await row.locator(`[data-testid="roaming-issue-${issueCommune}-vnpt"]`).click();
    expect((await issued).status()).toBe(201);
    const requests = page.locator('[data-testid="roaming-requests"]');
    await requests.locator('[data-testid="roaming-step-end"]').first().waitFor();
    await requests.scrollIntoViewIfNeeded();
    await settle(page);
    for (const target of ['[data-testid="panel-roaming"]', '[data-testid="roaming-requests"] [data-testid="roaming-step-in_effect"]', '[data-testid="roaming-requests"] [data-testid="roaming-step-end"]']) {
      const edges = await screenEdges(page, target);
      expect({ target, inside: edges.left >= 0 && edges.right <= PHONE.width }).toEqual({ target, inside: true });
    }
    const width = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.locator('[data-testid="panel-roaming"]').screenshot({ path: join(SCREENSHOTS, 'roaming-phone.png') });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('shows leadership the proposals and requests without any action', async () => {
    const live = await requestsIn(issueCommune, 'live');
    expect(live).toHaveLength(1);
    const page = await openDashboard('lanhdao', LAPTOP);
    await proposalRow(page, issueCommune).waitFor();
    await page.locator(`[data-testid="roaming-request-${live[0]?.id ?? ''}"]`).waitFor();
    const panel = page.locator('[data-testid="panel-roaming"]');
    expect(await panel.locator('[data-testid^="roaming-issue-"], [data-testid^="roaming-dismiss-"], [data-testid^="roaming-step-"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
