import { AUDIT_EXPORT_BATCH_ROWS } from '@netduty/identity';
import { as, startApi, type ApiClient, type RunningApi } from './support/stack';

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

/** The CSV is written batch by batch as it is read; these tests cross several batches. */
describe('audit CSV export, streamed from the database', () => {
  let api: RunningApi;
  let leadership: ApiClient;
  const LINES = AUDIT_EXPORT_BATCH_ROWS * 2 + 345;

  beforeAll(async () => {
    api = await startApi();
    leadership = await as(api.baseUrl, 'lanhdao');
    // The application may insert audit lines (never change them); Vietnamese and a comma-bearing JSON per line.
    await api.dataSource.query(
      `INSERT INTO audit_log (actor_username, actor_role, action, entity_type, entity_id, outcome, status_code, after)
       SELECT 'trucban', 'duty_officer', 'fixture.export', 'incident', 'SC-' || g, 'success', 200,
              jsonb_build_object('note', 'Trạm Đông Kinh, dòng ' || g)
       FROM generate_series(1, $1) g`,
      [LINES],
    );
  });

  afterAll(() => api.close());

  it('writes every matching line across batches, newest first, after a BOM and the header', async () => {
    const response = await fetch(`${api.baseUrl}/api/v1/audit/export.csv?action=fixture`, {
      headers: { authorization: `Bearer ${leadership.session.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="netduty-audit.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(bytes.subarray(3).toString('utf8')) as string[][];
    expect(header).toEqual(['id', 'at', 'actorUsername', 'actorRole', 'ip', 'method', 'path', 'action', 'entityType', 'entityId', 'outcome', 'statusCode', 'before', 'after']);
    expect(rows).toHaveLength(LINES);
    const ids = rows.map((row) => Number(row[0]));
    expect(ids.every((id, index) => index === 0 || id < (ids[index - 1] ?? Infinity))).toBe(true);
    expect(rows[0]?.[9]).toBe(`SC-${LINES}`);
    expect(rows.at(-1)?.[9]).toBe('SC-1');
    expect(JSON.parse(rows[0]?.[13] ?? '{}')).toEqual({ note: `Trạm Đông Kinh, dòng ${LINES}` });
  });

  it('answers a refused query with a JSON error, not a half-written file', async () => {
    const response = await fetch(`${api.baseUrl}/api/v1/audit/export.csv?outcome=maybe`, {
      headers: { authorization: `Bearer ${leadership.session.token}` },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect(((await response.json()) as { code: string }).code).toBe('validation_failed');
  });
});
