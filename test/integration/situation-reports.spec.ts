import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Workbook } from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { REPORT_QUEUE, type IncidentDto, type OnDutyNowDto, type Page, type SituationReportDto, type SituationReportSummaryDto, type SiteSummaryDto } from '@netduty/contracts';
import { DAILY_SCHEDULE_ID, SituationReportsService, slotKey } from '@netduty/reports';
import { as, reportIncident, startApi, startWorker, type ApiClient, type RunningApi } from './support/stack';

const DEPARTMENT_GROUP = '00000000-0000-4000-8000-000000000001';
const SCREENSHOT = join(__dirname, '../browser/screenshots/situation-report-page1.png');

interface Download {
  status: number;
  contentType: string | null;
  disposition: string | null;
  body: Buffer;
}

async function download(client: ApiClient, baseUrl: string, path: string): Promise<Download> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${client.session.token}` } });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** The text of a PDF as poppler's pdftotext reads it (the check a person's PDF viewer would make). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'netduty-report-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function xlsxTexts(xlsx: Buffer): Promise<string[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx as never);
  const texts: string[] = [];
  workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))));
  return texts;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('situation reports: generated with their snapshot, rendered from it alone, signed off by the shift lead', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let duty: ApiClient;
  let leadership: ApiClient;
  let lead: ApiClient;
  let otherOfficer: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
    duty = await as(api.baseUrl, 'trucban');
    leadership = await as(api.baseUrl, 'lanhdao');
    // Who leads the department's tổ trực right now, by the roster — and a duty officer who does not.
    const now = await duty.request<OnDutyNowDto>('GET', '/on-duty/now');
    const department = now.body.groups.find((group) => group.group.id === DEPARTMENT_GROUP);
    const leadIds = new Set((department?.shifts ?? []).map((shift) => shift.leadId));
    if (leadIds.size === 0) throw new Error('the demo roster has nobody leading the department group now');
    const officers = (await api.dataSource.query(`SELECT id, username FROM users WHERE role = 'duty_officer' AND active ORDER BY username`)) as { id: string; username: string }[];
    const leadUser = officers.find((officer) => leadIds.has(officer.id));
    const other = officers.find((officer) => !leadIds.has(officer.id));
    if (!leadUser || !other) throw new Error('need a duty officer leading the shift and one who does not');
    lead = await as(api.baseUrl, leadUser.username);
    otherOfficer = await as(api.baseUrl, other.username);
  });

  afterAll(() => api.close());

  async function newSite(operatorCode = 'viettel'): Promise<SiteSummaryDto> {
    const code = `LSN${randomInt(1000, 9999)}-${randomInt(10, 99)}`;
    const created = await admin.request<SiteSummaryDto>('POST', '/sites', { code, name: `Trạm thử Đông Kinh ${code}`, kind: 'bts', operatorCode, communeCode: '05977', latitude: 21.85, longitude: 106.76, priority: 'P1' });
    if (created.status !== 201) throw new Error(`site: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  const dbNow = async (): Promise<Date> => ((await api.dataSource.query(`SELECT clock_timestamp() AS at`)) as { at: Date }[])[0]?.at as Date;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function generate(from: Date, to: Date, language?: 'vi' | 'en'): Promise<SituationReportDto> {
    const result = await duty.request<SituationReportDto>('POST', '/situation-reports', { from: from.toISOString(), to: to.toISOString(), ...(language ? { language } : {}) });
    if (result.status !== 201) throw new Error(`generate: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  /** A small known dataset: a mains failure reported and restored, a fibre cut still open past its acknowledge deadline, one escalation. */
  async function knownDataset() {
    const from = await dbNow();
    await pause(20);
    const mainsSite = await newSite('viettel');
    const fibreSite = await newSite('vnpt');
    const mains = await reportIncident(duty, mainsSite, { category: 'mains_failure', severity: 'major' });
    const fibre = await reportIncident(duty, fibreSite, { category: 'fibre_cut', severity: 'critical', description: 'Đứt cáp quang tuyến Đông Kinh' });
    expect((await duty.request('POST', `/incidents/${mains.id}/acknowledge`, {})).status).toBe(200);
    expect((await duty.request('POST', `/incidents/${mains.id}/resolve`, { note: 'Đã có điện lưới trở lại' })).status).toBe(200);
    // The fibre cut's acknowledge deadline lapses inside the period, and one escalation fires for it.
    await api.dataSource.query(`UPDATE incidents SET ack_due_at = clock_timestamp() - interval '1 millisecond' WHERE id = $1`, [fibre.id]);
    await api.dataSource.query(
      `INSERT INTO escalations (incident_id, kind, cycle, level, chain_level, deadline_at, fired_at) SELECT id, 'acknowledge', 1, 1, 1, ack_due_at, clock_timestamp() FROM incidents WHERE id = $1`,
      [fibre.id],
    );
    await pause(20);
    const to = await dbNow();
    return { from, to, mains, fibre, mainsSite, fibreSite };
  }

  it('generates on demand a report stored with its snapshot, with the right figures for a known dataset', async () => {
    const data = await knownDataset();
    const report = await generate(data.from, data.to);
    expect(report).toEqual(expect.objectContaining({ kind: 'situation', trigger: 'on_demand', language: 'vi', periodFrom: data.from.toISOString(), periodTo: data.to.toISOString(), signedOffAt: null }));
    expect(report.numberLabel).toBe(`${report.number}/BC-SKHCN`);

    const situation = report.snapshot.situation;
    if (!situation) throw new Error('no situation part in the snapshot');
    expect(situation.totals).toEqual(expect.objectContaining({ reported: 2, resolved: 1, breaches: 1, escalations: 1, sitesRestored: 1 }));
    // Reported and resolved count the period only; open at the end also counts what the demo left open.
    const byCategory = (key: string) => situation.byCategory.find((row) => row.key === key);
    expect(byCategory('fibre_cut')).toEqual(expect.objectContaining({ reported: 1, resolved: 0 }));
    expect(byCategory('mains_failure')).toEqual(expect.objectContaining({ reported: 1, resolved: 1 }));
    expect(situation.byOperator.map((row) => [row.key, row.reported, row.resolved])).toEqual(expect.arrayContaining([['viettel', 1, 1], ['vnpt', 1, 0]]));
    expect(situation.byCommune.find((row) => row.key === '05977')).toEqual(expect.objectContaining({ reported: 2, resolved: 1 }));
    // Still open at the end: the fibre cut (and whatever the demo left open), never the restored mains failure.
    const openRefs = situation.openIncidents.map((row) => row.reference);
    expect(openRefs).toContain(data.fibre.reference);
    expect(openRefs).not.toContain(data.mains.reference);
    const [{ n: openByHand }] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM incidents WHERE reported_at < $1 AND (status NOT IN ('resolved', 'closed') OR COALESCE(resolved_at, closed_at) >= $1)`,
      [data.to],
    )) as { n: number }[];
    expect(situation.totals.openAtEnd).toBe(openByHand);
    expect(situation.openIncidents.find((row) => row.reference === data.fibre.reference)).toEqual(expect.objectContaining({ breached: true, category: 'fibre_cut', operatorCode: 'vnpt' }));
    expect(situation.breaches).toEqual([expect.objectContaining({ reference: data.fibre.reference, kind: 'acknowledge', metAt: null })]);
    expect(situation.escalations).toEqual([expect.objectContaining({ reference: data.fibre.reference, kind: 'acknowledge', level: 1, manual: false })]);
    expect(situation.sitesRestored).toEqual([expect.objectContaining({ siteCode: data.mainsSite.code })]);

    // Stored, with its inputs: the row's snapshot is what the api answered.
    const [stored] = (await api.dataSource.query(`SELECT snapshot, audit FROM situation_reports r, LATERAL (SELECT count(*)::int AS audit FROM audit_log a WHERE a.entity_id = r.id::text AND a.action = 'situation_report.generate') x WHERE r.id = $1`, [report.id])) as {
      snapshot: unknown;
      audit: number;
    }[];
    expect(stored?.snapshot).toEqual(report.snapshot);
    expect(stored?.audit).toBe(1);
    // Listed, newest first, with the period filter.
    const list = await leadership.request<Page<SituationReportSummaryDto>>('GET', `/situation-reports?from=${encodeURIComponent(data.to.toISOString())}&pageSize=5`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toEqual(expect.objectContaining({ id: report.id, numberLabel: report.numberLabel }));
    expect(list.body.items[0]).not.toHaveProperty('snapshot');
  });

  it('renders the same PDF and the same model after the live data changed, and both files parse', async () => {
    const data = await knownDataset();
    const report = await generate(data.from, data.to);
    const service = api.app.get(SituationReportsService);
    const modelBefore = await service.model(report.id);
    const pdfBefore = await download(duty, api.baseUrl, `/situation-reports/${report.id}/pdf`);
    expect(pdfBefore.status).toBe(200);
    expect(pdfBefore.contentType).toBe('application/pdf');
    expect(pdfBefore.disposition).toMatch(/^attachment; filename="bao-cao-tinh-hinh-so-\d+-bc-skhcn\.pdf"; filename\*=UTF-8''/);
    expect(pdfBefore.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The live tables move on: the fibre cut is restored and its site renamed.
    expect((await duty.request('POST', `/incidents/${data.fibre.id}/acknowledge`, {})).status).toBe(200);
    expect((await duty.request('POST', `/incidents/${data.fibre.id}/resolve`, { note: 'Đã hàn nối cáp' })).status).toBe(200);
    await api.dataSource.query(`UPDATE sites SET name = 'Tên mới sau khi lập báo cáo' WHERE id = $1`, [data.fibreSite.id]);

    expect(await service.model(report.id)).toEqual(modelBefore);
    const pdfAfter = await download(duty, api.baseUrl, `/situation-reports/${report.id}/pdf`);
    expect(pdfAfter.body.equals(pdfBefore.body)).toBe(true);

    const text = pdfText(pdfAfter.body);
    for (const expected of ['UBND TỈNH LẠNG SƠN', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', `Số: ${report.numberLabel}`, 'BÁO CÁO TÌNH HÌNH', 'I. TÌNH HÌNH CHUNG', 'Đứt cáp quang', data.fibre.reference]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Lạng Sơn, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(text).not.toContain('Tên mới sau khi lập báo cáo');

    // The page a person looks at (kept with the browser suite's screenshots).
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'netduty-report-png-'));
    writeFileSync(join(dir, 'report.pdf'), pdfAfter.body);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'report.pdf'), SCREENSHOT.replace(/\.png$/, '')]);

    const xlsx = await download(leadership, api.baseUrl, `/situation-reports/${report.id}/xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.disposition).toMatch(/filename="bao-cao-tinh-hinh-so-\d+-bc-skhcn\.xlsx"/);
    expect(await xlsxTexts(xlsx.body)).toEqual(expect.arrayContaining(['UBND TỈNH LẠNG SƠN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', `Số: ${report.numberLabel}`, 'II. SỰ CỐ ĐANG XỬ LÝ']));

    const english = pdfText((await download(leadership, api.baseUrl, `/situation-reports/${report.id}/pdf?language=en`)).body);
    expect(english).toContain('SITUATION REPORT');
    expect(english).toContain('SOCIALIST REPUBLIC OF VIET NAM');
  });

  it('takes remarks from duty officers, a sign-off only from the current shift lead, and then freezes the remarks', async () => {
    const to = await dbNow();
    const report = await generate(new Date(to.getTime() - 3_600_000), to);
    const remarks = 'Mạng lưới cơ bản ổn định; tiếp tục theo dõi tuyến cáp Đông Kinh – Cao Lộc.';
    const edited = await otherOfficer.request<SituationReportDto>('PATCH', `/situation-reports/${report.id}`, { remarks });
    expect(edited.status).toBe(200);
    expect(edited.body.remarks).toBe(remarks);

    const refused = await otherOfficer.request<{ code: string }>('POST', `/situation-reports/${report.id}/sign-off`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('not_shift_lead');
    expect((await leadership.request('POST', `/situation-reports/${report.id}/sign-off`)).status).toBe(403);

    const signed = await lead.request<SituationReportDto>('POST', `/situation-reports/${report.id}/sign-off`);
    expect(signed.status).toBe(200);
    expect(signed.body.signedOffAt).not.toBeNull();
    expect(signed.body.signedOffBy?.id).toBe(lead.session.user.id);

    const frozen = await lead.request<{ code: string; details?: { reason?: string } }>('PATCH', `/situation-reports/${report.id}`, { remarks: 'đổi sau khi ký' });
    expect(frozen.status).toBe(409);
    expect(frozen.body.details?.reason).toBe('report_signed_off');
    expect((await lead.request('POST', `/situation-reports/${report.id}/sign-off`)).status).toBe(409);
    // The database holds the line too, whoever writes.
    await expect(api.dataSource.query(`UPDATE situation_reports SET remarks = 'x' WHERE id = $1`, [report.id])).rejects.toThrow(/signed-off report cannot change/);
    await expect(api.dataSource.query(`UPDATE situation_reports SET snapshot = '{}' WHERE id = $1`, [report.id])).rejects.toThrow(/cannot change/);

    const text = pdfText((await download(leadership, api.baseUrl, `/situation-reports/${report.id}/pdf`)).body);
    expect(text).toContain(signed.body.signedOffBy?.displayName ?? '?');
    expect(text).toMatch(/Đã ký lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(text).toContain('tuyến cáp Đông Kinh');
    const audits = (await api.dataSource.query(`SELECT action, outcome FROM audit_log WHERE entity_id = $1 ORDER BY id`, [report.id])) as { action: string; outcome: string }[];
    expect(audits.map((entry) => entry.action)).toEqual(['situation_report.generate', 'situation_report.remarks', 'situation_report.sign_off']);
  });

  it("finds the demo seed's morning report, generated at the 07:00 slot", async () => {
    const [seeded] = (await api.dataSource.query(`SELECT slot_key, period_to FROM situation_reports WHERE trigger = 'scheduled' ORDER BY period_to LIMIT 1`)) as { slot_key: string; period_to: Date }[];
    expect(seeded).toBeDefined();
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(seeded?.period_to ?? 0))).toBe('07:00');
  });

  it('refuses bad input with 4xx naming the field, and writes nothing', async () => {
    const [{ n: before }] = (await api.dataSource.query(`SELECT count(*)::int AS n FROM situation_reports`)) as { n: number }[];
    const cases: [unknown, string][] = [
      [{ from: 'yesterday', to: new Date().toISOString() }, 'from'],
      [{ from: '2026-12-05T10:00:00', to: '2026-12-05T11:00:00Z' }, 'from'],
      [{ from: new Date().toISOString(), to: new Date(Date.now() - 3_600_000).toISOString() }, 'to'],
      [{ from: new Date(Date.now() - 40 * 86_400_000).toISOString(), to: new Date().toISOString() }, 'to'],
      [{ from: new Date().toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() }, 'to'],
      [{ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date().toISOString(), language: 'fr' }, 'language'],
      [{ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date().toISOString(), extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const result = await duty.request<{ code: string; fields?: { field: string }[] }>('POST', '/situation-reports', body);
      expect({ body, status: result.status, code: result.body.code }).toEqual({ body, status: 400, code: 'validation_failed' });
      expect(result.body.fields?.map((problem) => problem.field)).toContain(field);
    }
    expect((await duty.request('PATCH', `/situation-reports/not-a-uuid`, { remarks: '' })).status).toBe(400);
    expect((await duty.request('GET', `/situation-reports/00000000-0000-4000-8000-00000000ffff`)).status).toBe(404);
    expect((await duty.request('GET', `/situation-reports?kind=weekly`)).status).toBe(400);
    expect((await duty.request('POST', `/incidents/00000000-0000-4000-8000-00000000ffff/flash-report`, {})).status).toBe(404);
    const [{ n: after }] = (await api.dataSource.query(`SELECT count(*)::int AS n FROM situation_reports`)) as { n: number }[];
    expect(after).toBe(before);
  });

  it('makes a flash report on one incident and the cyber-incident forms on a cyber-security incident', async () => {
    const site = await newSite('mobifone');
    const fibre = await reportIncident(duty, site, { category: 'fibre_cut', severity: 'critical', description: 'Đứt cáp quang, mất liên lạc trạm' });
    const flash = await duty.request<SituationReportDto>('POST', `/incidents/${fibre.id}/flash-report`, {});
    expect(flash.status).toBe(201);
    expect(flash.body).toEqual(expect.objectContaining({ kind: 'flash', incidentId: fibre.id }));
    expect(flash.body.snapshot.incident?.incident.reference).toBe(fibre.reference);
    expect(flash.body.snapshot.incident?.timeline[0]?.type).toBe('reported');
    const flashText = pdfText((await download(leadership, api.baseUrl, `/situation-reports/${flash.body.id}/pdf`)).body);
    for (const expected of ['BÁO CÁO NHANH', 'I. THÔNG TIN SỰ CỐ', 'II. DIỄN BIẾN', 'III. LỰC LƯỢNG ỨNG CỨU', fibre.reference]) expect(flashText).toContain(expected);

    expect((await duty.request<{ details?: { reason?: string } }>('POST', `/incidents/${fibre.id}/cyber-reports`, { stage: 'initial' })).body.details?.reason).toBe('not_a_cyber_incident');
    const cyberIncident: IncidentDto = await reportIncident(duty, site, { category: 'cyber_security', severity: 'major', description: 'Phát hiện mã độc trên máy chủ quản lý trạm' });
    const early = await duty.request<{ details?: { reason?: string } }>('POST', `/incidents/${cyberIncident.id}/cyber-reports`, { stage: 'progress' });
    expect(early.status).toBe(409);
    expect(early.body.details?.reason).toBe('initial_report_missing');
    expect((await duty.request('POST', `/incidents/${cyberIncident.id}/cyber-reports`, { stage: 'later' })).status).toBe(400);
    const initial = await duty.request<SituationReportDto>('POST', `/incidents/${cyberIncident.id}/cyber-reports`, { stage: 'initial', measuresTaken: 'Cô lập máy chủ khỏi mạng', requests: 'Đề nghị hỗ trợ phân tích mã độc' });
    expect(initial.status).toBe(201);
    expect(initial.body.kind).toBe('cyber_initial');
    expect(initial.body.snapshot.cyber).toEqual(expect.objectContaining({ stage: 'initial', beyondCapability: false }));
    expect(Date.parse(initial.body.snapshot.cyber?.notifyBy ?? '') - Date.parse(cyberIncident.reportedAt)).toBe(5 * 86_400_000);
    const initialText = pdfText((await download(leadership, api.baseUrl, `/situation-reports/${initial.body.id}/pdf`)).body);
    for (const expected of ['BÁO CÁO BAN ĐẦU SỰ CỐ AN TOÀN THÔNG TIN MẠNG', '05/2017/QĐ-TTg', '20/2017/TT-BTTTT', 'trực 24/7', 'Cô lập máy chủ khỏi mạng']) expect(initialText).toContain(expected);
    const progress = await duty.request<SituationReportDto>('POST', `/incidents/${cyberIncident.id}/cyber-reports`, { stage: 'progress', beyondCapability: true });
    expect(progress.status).toBe(201);
    expect(progress.body.kind).toBe('cyber_progress');
    expect(pdfText((await download(duty, api.baseUrl, `/situation-reports/${progress.body.id}/pdf`)).body)).toContain('BÁO CÁO DIỄN BIẾN TÌNH HÌNH');
    // Leadership hears of each, through the outbox (critical fibre cut: every channel they have).
    const deliveries = (await api.dataSource.query(
      `SELECT d.channel FROM notification_deliveries d JOIN users u ON u.id = d.recipient_user_id WHERE d.source_key = $1 AND u.username = 'lanhdao'`,
      [`situation-report-${flash.body.id}`],
    )) as { channel: string }[];
    expect(deliveries.map((delivery) => delivery.channel)).toContain('in_app');
  });

  describe('on a schedule (a 3-second test pattern), with the real worker and queue', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      startedAt = await dbNow();
      worker = await startWorker({ SITUATION_REPORT_CRON: '*/3 * * * * *' });
    });

    afterAll(async () => {
      const queue = worker.get<Queue>(getQueueToken(REPORT_QUEUE));
      await queue.removeJobScheduler(DAILY_SCHEDULE_ID);
      await worker.close();
    });

    let startedAt: Date;
    // The slots of this test's schedule (the seed's 07:00 report is not one of them).
    const scheduled = async () =>
      (await api.dataSource.query(`SELECT id, slot_key, period_from, period_to FROM situation_reports WHERE trigger = 'scheduled' AND period_to >= $1 ORDER BY period_to`, [startedAt])) as {
        id: string;
        slot_key: string;
        period_from: Date;
        period_to: Date;
      }[];

    it('generates one report per slot, each covering the time since the one before, and tells leadership', async () => {
      const rows = await waitFor('two scheduled reports', async () => {
        const found = await scheduled();
        return found.length >= 2 ? found : undefined;
      });
      const [first, second] = rows;
      if (!first || !second) throw new Error('unreachable');
      expect(first.slot_key).toBe(slotKey(new Date(first.period_to)));
      expect(new Date(first.period_to).getTime() % 3000).toBe(0);
      expect(new Date(second.period_from).toISOString()).toBe(new Date(first.period_to).toISOString());
      expect(rows.every((row) => new Date(row.period_to).getTime() - new Date(row.period_from).getTime() <= 86_400_000)).toBe(true);
      expect(new Set(rows.map((row) => row.slot_key)).size).toBe(rows.length);

      // Leadership's in-app centre has it (the worker delivered the outbox row).
      await waitFor('the in-app notification', async () => {
        const entries = await leadership.request<{ titleKey: string; params: Record<string, unknown> }[]>('GET', '/notifications');
        return entries.body.find((entry) => entry.titleKey === 'situation_report.generated' && entry.params['reportId'] === first.id);
      });
    });

    it('changes nothing when a slot job runs again, or twice at once', async () => {
      const [row] = await scheduled();
      if (!row) throw new Error('no scheduled report');
      const slot = new Date(row.period_to);
      const queue = worker.get<Queue>(getQueueToken(REPORT_QUEUE));
      // The same slot's job again, twice: other job ids, the same scheduled instant (as BullMQ marks a scheduler's job).
      const jobs = await Promise.all(
        ['again-a', 'again-b'].map((tag) => queue.add('situation_report.slot', { scheduleId: DAILY_SCHEDULE_ID }, { jobId: `${tag}-${slot.getTime()}`, prevMillis: slot.getTime() })),
      );
      for (const job of jobs) {
        await waitFor(`job ${job.id}`, async () => ((await job.isCompleted()) || (await job.isFailed()) ? true : undefined));
        expect(await job.isCompleted()).toBe(true);
      }
      const service = api.app.get(SituationReportsService);
      const outcomes = await Promise.all([service.generateForSlot(slot), service.generateForSlot(slot)]);
      expect(outcomes).toEqual([{ reportId: row.id, created: false }, { reportId: row.id, created: false }]);
      const [{ n }] = (await api.dataSource.query(`SELECT count(*)::int AS n FROM situation_reports WHERE slot_key = $1`, [row.slot_key])) as { n: number }[];
      expect(n).toBe(1);
      // A fresh slot raced by two at once: one report, the same for both.
      const fresh = new Date(Math.floor(Date.now() / 1000) * 1000 - 3600_000 - 500_000);
      const raced = await Promise.all([service.generateForSlot(fresh), service.generateForSlot(fresh)]);
      expect(raced.filter((outcome) => outcome.created)).toHaveLength(1);
      expect(raced[0]?.reportId).toBe(raced[1]?.reportId);
    });

    it('puts its schedule back when Redis lost it: the worker re-upserts at start', async () => {
      const queue = worker.get<Queue>(getQueueToken(REPORT_QUEUE));
      await queue.removeJobScheduler(DAILY_SCHEDULE_ID);
      expect(await queue.getJobScheduler(DAILY_SCHEDULE_ID)).toBeUndefined();
      await worker.close();
      worker = await startWorker({ SITUATION_REPORT_CRON: '*/3 * * * * *' });
      const restored = worker.get<Queue>(getQueueToken(REPORT_QUEUE));
      expect(await restored.getJobScheduler(DAILY_SCHEDULE_ID)).toEqual(expect.objectContaining({ pattern: '*/3 * * * * *', tz: 'Asia/Ho_Chi_Minh' }));
      const before = (await scheduled()).length;
      await waitFor('a report after the restart', async () => ((await scheduled()).length > before ? true : undefined));
    });
  });
});
