import { Workbook } from 'exceljs';
import type { NotificationGatewayEntity } from '@netduty/persistence';
import type { Page, SituationReportSummaryDto } from '@netduty/contracts';
import { SituationReportsService } from '@netduty/reports';
import { startHttpSink, type HttpSink } from '../support/sinks/http-sink';
import {
  createEmailGateway,
  createHttpGateway,
  deliveriesFor,
  demoRefs,
  disableGateways,
  queueOf,
  settled,
  startNotificationWorker,
  type NotificationWorkerContext,
} from '../support/sinks/notification-stack';
import { startSmtpSink, type SmtpSink } from '../support/sinks/smtp-sink';
import { as, http, startApi, testConfig, type RunningApi } from './support/stack';
import { createTestEnvironment, destroyTestEnvironment } from './support/test-database';
import type { TestEnvironment } from './support/test-environment';

/** An RFC 2047 header as a person reads it ("=?UTF-8?B?…?=" / "=?UTF-8?Q?…?=" words joined). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_whole, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_hex, code: string) => String.fromCharCode(parseInt(code, 16))), 'latin1').toString('utf8'),
    );
}

async function xlsxTexts(xlsx: Buffer): Promise<string[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx as never);
  const texts: string[] = [];
  workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))));
  return texts;
}

/**
 * A drill copy of the province (NETDUTY_DRILL=true) on a database and Redis prefix of its own, seeded
 * like the live one: it says so on the public mode route, and marks its messages and reports.
 */
describe('drill (diễn tập) copy', () => {
  let drill: TestEnvironment;
  let drillEnv: Record<string, string>;
  let api: RunningApi;
  let live: RunningApi;
  let worker: NotificationWorkerContext | undefined;
  let smtp: SmtpSink;
  let sms: HttpSink;
  const gateways: NotificationGatewayEntity[] = [];

  beforeAll(async () => {
    drill = await createTestEnvironment({ drill: true });
    drillEnv = { DATABASE_URL: drill.databaseUrl, REDIS_PREFIX: drill.redisPrefix, JWT_SECRET: drill.jwtSecret, NETDUTY_DRILL: 'true' };
    api = await startApi(drillEnv);
    live = await startApi();
    smtp = await startSmtpSink();
    sms = await startHttpSink();
  });

  afterAll(async () => {
    if (worker) {
      await disableGateways(worker.dataSource, gateways);
      await worker.close();
    }
    await api?.close();
    await live?.close();
    await smtp?.close();
    await sms?.close();
    if (drill) await destroyTestEnvironment(drill);
  });

  it('says it is a drill on the public mode route, which the live api answers with false', async () => {
    expect(await http(api.baseUrl, 'GET', '/health/mode')).toEqual({ status: 200, body: { drill: true } });
    expect(await http(live.baseUrl, 'GET', '/health/mode')).toEqual({ status: 200, body: { drill: false } });
  });

  it('refuses to start a drill on a database whose name does not end in _drill', () => {
    expect(() => testConfig({ NETDUTY_DRILL: 'true', REDIS_PREFIX: drill.redisPrefix })).toThrow(/DATABASE_URL: must name a database ending in _drill/);
  });

  it('starts every e-mail subject and SMS text with [DIỄN TẬP]', async () => {
    const config = testConfig(drillEnv);
    const setup = await startNotificationWorker(config);
    const email = await createEmailGateway(setup.dataSource, smtp);
    const text = await createHttpGateway(setup.dataSource, sms, { kind: 'sms' });
    gateways.push(email, text);
    const refs = await demoRefs(setup.dataSource, 1);
    await setup.close();
    worker = await startNotificationWorker(config);

    const added = await worker.outbox.addAndDispatch([...deliveriesFor(refs, email, 1), ...deliveriesFor(refs, text, 1)]);
    const rows = await settled(worker, added.map((row) => row.id), [queueOf(email), queueOf(text)]);
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent']);

    const [mail] = await smtp.received.waitFor(1);
    expect(decodeHeader(mail?.headers['subject'] ?? '')).toBe('[DIỄN TẬP] Tin nhắn thử của NetDuty 0 / NetDuty test message 0');
    const [request] = await sms.received.waitFor(1);
    expect((JSON.parse(request?.body ?? '{}') as { message: string }).message).toMatch(/^\[DIỄN TẬP\] Tin nhắn thử của NetDuty 0 \/ NetDuty test message 0/);
  });

  it("titles the seeded situation report [DIỄN TẬP] in its model and its XLSX, and names the incident export's file so", async () => {
    const leadership = await as(api.baseUrl, 'lanhdao');
    const list = await leadership.request<Page<SituationReportSummaryDto>>('GET', '/situation-reports?pageSize=1');
    const report = list.body.items[0];
    if (!report) throw new Error('the drill seed made no situation report');
    expect((await api.app.get(SituationReportsService).model(report.id)).title).toBe('[DIỄN TẬP] BÁO CÁO TÌNH HÌNH');

    const xlsx = await fetch(`${api.baseUrl}/api/v1/situation-reports/${report.id}/xlsx`, { headers: { authorization: `Bearer ${leadership.session.token}` } });
    expect(xlsx.status).toBe(200);
    expect(await xlsxTexts(Buffer.from(await xlsx.arrayBuffer()))).toContain('[DIỄN TẬP] BÁO CÁO TÌNH HÌNH');

    const exported = await fetch(`${api.baseUrl}/api/v1/incidents/export?format=csv`, { headers: { authorization: `Bearer ${leadership.session.token}` } });
    expect(exported.status).toBe(200);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(exported.headers.get('content-disposition') ?? '')?.[1] ?? '')).toMatch(/^\[DIỄN TẬP\] Sự cố NetDuty \d{4}-\d{2}-\d{2}\.csv$/);
    await exported.arrayBuffer();
  });
});
