import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import type { ApiErrorBody, IncidentDto, IncidentPage } from '@netduty/contracts';
import { IncidentListService } from '@netduty/incidents';
import { as, startApi, type ApiClient, type RunningApi } from './support/stack';
import { currentTestEnvironment } from './support/test-environment';

const FIXTURE = 'incident-export fixture';
const FIXTURE_COUNT = 60;
const FORMULA = '=HYPERLINK("http://evil.example","bấm vào")';
/** The fixture's reports all fall in March 2025, away from the demo data's. */
const PERIOD = 'from=2025-03-01T00:00:00.000Z&to=2025-04-01T00:00:00.000Z';
const VI_HEADER = [
  'Mã sự cố',
  'Mã trạm',
  'Tên trạm',
  'Doanh nghiệp',
  'Xã/phường',
  'Loại sự cố',
  'Mức độ',
  'Ưu tiên',
  'Trạng thái',
  'Thời điểm báo',
  'Thời điểm tiếp nhận',
  'Thời điểm khắc phục',
  'Thời điểm đóng',
  'Hạn tiếp nhận',
  'Hạn khắc phục',
  'Mô tả',
];

/** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (char !== '\r') cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('incident export: CSV and XLSX of the list, in the caller scope', () => {
  let api: RunningApi;
  let owner: DataSource;
  let duty: ApiClient;
  let viettel: ApiClient;

  async function download(client: ApiClient, query: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${api.baseUrl}/api/v1/incidents/export?${query}`, { headers: { authorization: `Bearer ${client.session.token}`, ...headers } });
  }

  async function csv(client: ApiClient, query: string, headers: Record<string, string> = {}): Promise<string[][]> {
    const response = await download(client, `format=csv&${query}`, headers);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parse(bytes.subarray(3).toString('utf8'));
  }

  /** Every page of the list endpoint for the same filters. */
  async function listed(client: ApiClient, query: string): Promise<IncidentDto[]> {
    const items: IncidentDto[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { status, body }: { status: number; body: IncidentPage } = await client.request<IncidentPage>('GET', `/incidents?${query}&limit=7${after}`);
      expect(status).toBe(200);
      items.push(...body.items);
      if (body.nextCursor === null) return items;
      cursor = body.nextCursor;
    }
    throw new Error('too many pages');
  }

  beforeAll(async () => {
    api = await startApi();
    owner = await new DataSource({ type: 'postgres', url: currentTestEnvironment().ownerDatabaseUrl }).initialize();
    duty = await as(api.baseUrl, 'trucban');
    viettel = await as(api.baseUrl, 'viettel.lsn');
    // Sites of every operator, closed and open incidents, one description written as a formula.
    await owner.query(
      `WITH numbered AS (SELECT s.*, row_number() OVER (ORDER BY s.code) - 1 AS n, count(*) OVER () AS total FROM sites s)
       INSERT INTO incidents (site_id, operator_code, commune_code, category, severity, priority, status, description, reporter_name,
                              reported_at, acknowledged_at, resolved_at, closed_at, ack_starts_at, ack_due_at, restore_starts_at, restore_due_at, escalation_level)
       SELECT s.id, s.operator_code, s.commune_code,
              (ARRAY['mains_failure','fibre_cut','equipment'])[1 + g % 3],
              (ARRAY['critical','major','minor','warning'])[1 + (g / 3) % 4],
              s.priority,
              CASE WHEN g % 3 = 0 THEN 'acknowledged' ELSE 'closed' END,
              CASE WHEN g = 5 THEN $3 ELSE $1 || ', dòng ' || g END, 'fixture',
              timestamptz '2025-03-01T00:00:00Z' + g * interval '1 hour',
              timestamptz '2025-03-01T00:05:00Z' + g * interval '1 hour', NULL,
              CASE WHEN g % 3 = 0 THEN NULL ELSE timestamptz '2025-03-01T02:00:00Z' + g * interval '1 hour' END,
              timestamptz '2025-03-01T00:00:00Z' + g * interval '1 hour', timestamptz '2025-03-01T00:15:00Z' + g * interval '1 hour',
              timestamptz '2025-03-01T00:00:00Z' + g * interval '1 hour', timestamptz '2025-03-01T04:00:00Z' + g * interval '1 hour', 0
       FROM generate_series(0, $2 - 1) g
       JOIN numbered s ON s.n = (g * 37) % s.total`,
      [FIXTURE, FIXTURE_COUNT, FORMULA],
    );
  });

  afterAll(async () => {
    await owner.query(`DELETE FROM incidents WHERE description = $1 OR description LIKE $1 || '%' OR description = $2`, [FIXTURE, FORMULA]);
    await owner.destroy();
    await api.close();
  });

  it('writes the header and exactly the rows the list returns for the same filters, in its order', async () => {
    const query = `open=false&status=closed&sort=recent&${PERIOD}`;
    const response = await download(duty, `format=csv&${query}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Su co NetDuty \d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''S%E1%BB%B1%20c%E1%BB%91%20NetDuty%20\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const [header, ...rows] = await csv(duty, query);
    expect(header).toEqual(VI_HEADER);
    const expected = await listed(duty, query);
    expect(expected).toHaveLength((FIXTURE_COUNT * 2) / 3);
    expect(rows.map((row) => row[0])).toEqual(expected.map((incident) => incident.reference));

    // The first row in full: the labels are Vietnamese, the times the province's wall clock (UTC+7).
    const first = expected[0] as IncidentDto;
    const g = FIXTURE_COUNT - 1;
    const at = (hour: number, minute: number) => {
      const date = new Date(Date.UTC(2025, 2, 1, hour + g + 7, minute));
      const two = (value: number) => String(value).padStart(2, '0');
      return `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}`;
    };
    expect(rows[0]).toEqual([
      first.reference,
      first.site.code,
      first.site.name,
      first.site.operator.name,
      first.site.commune.name,
      'Hỏng thiết bị',
      'Thấp',
      first.priority,
      'Đã đóng',
      at(0, 0),
      at(0, 5),
      '',
      at(2, 0),
      at(0, 15),
      at(4, 0),
      `${FIXTURE}, dòng ${g}`,
    ]);
  });

  it('gives cluster staff only their operator’s incidents, as their list does', async () => {
    const query = `open=false&${PERIOD}`;
    const [, ...all] = await csv(duty, query);
    const [, ...own] = await csv(viettel, query);
    const expected = await listed(viettel, query);
    const [{ name: viettelName }] = (await owner.query(`SELECT name FROM operators WHERE code = 'viettel'`)) as [{ name: string }];
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(all.length);
    expect(all).toHaveLength(FIXTURE_COUNT);
    expect(own.map((row) => row[0])).toEqual(expected.map((incident) => incident.reference));
    expect(new Set(own.map((row) => row[3]))).toEqual(new Set([viettelName]));
  });

  it('neutralises a cell that would be a formula', async () => {
    const [, ...rows] = await csv(duty, `open=false&${PERIOD}`);
    const cells = rows.map((row) => row[15]);
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells).not.toContain(FORMULA);
  });

  it('writes English headers and labels with language=en or an English Accept-Language', async () => {
    const query = `open=false&status=closed&${PERIOD}`;
    const [byParameter, firstRow] = await csv(duty, `${query}&language=en`);
    const [byHeader] = await csv(duty, query, { 'accept-language': 'en-GB,en;q=0.8' });
    expect(byParameter?.[0]).toBe('Reference');
    expect(byParameter?.[15]).toBe('Description');
    expect(byHeader).toEqual(byParameter);
    expect(firstRow?.[8]).toBe('Closed');
  });

  it('writes an XLSX that parses back with the same rows', async () => {
    const query = `open=false&sort=recent&${PERIOD}`;
    const response = await download(duty, `format=xlsx&${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/filename="Su co NetDuty \d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const read: string[][] = [];
    sheet.eachRow((row) => read.push(VI_HEADER.map((_, index) => String(row.getCell(index + 1).value ?? ''))));
    const fromCsv = await csv(duty, query);
    expect(read).toEqual(fromCsv);
    expect(read.flat().filter((cell) => cell.startsWith('='))).toEqual([]);
    expect(read.some((row) => row[15] === `'${FORMULA}`)).toBe(true);
  });

  it('refuses an unknown or missing format with 400 naming format, as JSON', async () => {
    for (const query of ['format=pdf', '']) {
      const response = await download(duty, query);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/json/);
      const body = (await response.json()) as ApiErrorBody;
      expect(body.code).toBe('validation_failed');
      expect(body.fields).toEqual([{ field: 'format', code: 'not_one_of', params: { allowed: ['csv', 'xlsx'] } }]);
    }
    const paged = await download(duty, 'format=csv&limit=5');
    expect(paged.status).toBe(400);
  });

  it('refuses, before any row, more matching incidents than the cap', async () => {
    const walk = api.app.get(IncidentListService).walk({ open: false, from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' }, { kind: 'all' }, 10);
    await expect(walk.next()).rejects.toMatchObject({ fields: [{ field: 'query', code: 'too_many_items', params: { max: 10, matching: FIXTURE_COUNT } }] });
  });
});
