import { randomInt } from 'node:crypto';
import type { ApiErrorBody, AuditEntryDto, Page, SiteDependenciesImportDto, SiteDetailDto } from '@netduty/contracts';
import { SITE_DEPENDENCY_CSV_COLUMNS, SITE_DEPENDENCY_CSV_MAX_BYTES } from '@netduty/contracts';
import { as, startApi, type ApiClient, type RunningApi } from './support/stack';

const HEADER = SITE_DEPENDENCY_CSV_COLUMNS.join(',');
const CSV = { 'content-type': 'text/csv; charset=utf-8' };

interface DependencyRow {
  power_feeder: string | null;
  transmission_route: string | null;
  aggregation_node: string | null;
  battery_capacity_ah: number | null;
  load_watts: number | null;
}

/** A site's upstreams (power feeder, fibre route, aggregation node) and battery profile, kept by administrators one by one or as a CSV file. */
describe('site dependencies: upstreams and battery profile, by site and in bulk', () => {
  let api: RunningApi;
  let admin: ApiClient;
  let duty: ApiClient;
  let viettel: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    admin = await as(api.baseUrl, 'admin');
    duty = await as(api.baseUrl, 'trucban');
    viettel = await as(api.baseUrl, 'viettel.lsn');
  });

  afterAll(() => api.close());

  /** A site of this suite's own, so no other suite's upstreams are touched. */
  async function newSite(extra: Record<string, unknown> = {}): Promise<SiteDetailDto> {
    const code = `DEP${randomInt(100000, 999999)}`;
    const created = await admin.request<SiteDetailDto>('POST', '/sites', {
      code,
      name: `Trạm phụ thuộc ${code}`,
      kind: 'bts',
      operatorCode: 'viettel',
      communeCode: '05977',
      latitude: 21.85,
      longitude: 106.76,
      priority: 'P2',
      ...extra,
    });
    if (created.status !== 201) throw new Error(`site: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  async function stored(siteId: string): Promise<DependencyRow> {
    const [row] = (await api.dataSource.query(
      `SELECT power_feeder, transmission_route, aggregation_node, battery_capacity_ah, load_watts FROM sites WHERE id = $1`,
      [siteId],
    )) as DependencyRow[];
    if (!row) throw new Error('no such site');
    return row;
  }

  const nothing: DependencyRow = { power_feeder: null, transmission_route: null, aggregation_node: null, battery_capacity_ah: null, load_watts: null };
  const importCsv = (client: ApiClient, text: string) => client.request<SiteDependenciesImportDto & ApiErrorBody>('POST', '/sites/dependencies/import', text, CSV);

  describe('one site at a time (POST and PATCH /sites)', () => {
    it('creates a site with its upstreams, sets them with PATCH (trimmed), clears them with null, and shows them in the register', async () => {
      const site = await newSite({ powerFeeder: 'EVN-LS/ChiLang-372', batteryCapacityAh: 150 });
      expect(site).toMatchObject({ powerFeeder: 'EVN-LS/ChiLang-372', transmissionRoute: null, aggregationNode: null, batteryCapacityAh: 150, loadWatts: null });

      const set = await admin.request<SiteDetailDto>('PATCH', `/sites/${site.id}`, {
        powerFeeder: '  EVN-LS/TrangDinh-371 ',
        transmissionRoute: 'VTL-LSN-RING-03',
        aggregationNode: 'LSN-TD-003',
        batteryCapacityAh: 200.5,
        loadWatts: 1200,
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ powerFeeder: 'EVN-LS/TrangDinh-371', transmissionRoute: 'VTL-LSN-RING-03', aggregationNode: 'LSN-TD-003', batteryCapacityAh: 200.5, loadWatts: 1200 });
      expect(await stored(site.id)).toEqual({ power_feeder: 'EVN-LS/TrangDinh-371', transmission_route: 'VTL-LSN-RING-03', aggregation_node: 'LSN-TD-003', battery_capacity_ah: 200.5, load_watts: 1200 });

      const { body: found } = await duty.request<SiteDetailDto[]>('GET', `/sites?q=${site.code}`);
      expect(found.find((candidate) => candidate.id === site.id)).toMatchObject({ powerFeeder: 'EVN-LS/TrangDinh-371', loadWatts: 1200 });

      // A field left out keeps its value; null clears.
      const cleared = await admin.request<SiteDetailDto>('PATCH', `/sites/${site.id}`, { powerFeeder: null, loadWatts: null });
      expect(cleared.status).toBe(200);
      expect(await stored(site.id)).toEqual({ power_feeder: null, transmission_route: 'VTL-LSN-RING-03', aggregation_node: 'LSN-TD-003', battery_capacity_ah: 200.5, load_watts: null });

      const trail = await admin.request<Page<AuditEntryDto>>('GET', `/audit?action=site.update&entityId=${site.id}`);
      expect(trail.body.items[0]?.before).toMatchObject({ powerFeeder: 'EVN-LS/TrangDinh-371', loadWatts: 1200 });
      expect(trail.body.items[0]?.after).toMatchObject({ powerFeeder: null, loadWatts: null });
    });

    it.each([
      ['a code with other characters', { powerFeeder: 'EVN;371' }, 'powerFeeder', 'invalid_format', undefined],
      ['a code not starting with a letter or digit', { aggregationNode: '-LSN-TD-003' }, 'aggregationNode', 'invalid_format', undefined],
      ['a code of 65 characters', { transmissionRoute: 'R'.repeat(65) }, 'transmissionRoute', 'too_long', { max: 64 }],
      ['a code of spaces only', { powerFeeder: '   ' }, 'powerFeeder', 'too_short', { min: 1 }],
      ['a code that is not a string', { powerFeeder: 371 }, 'powerFeeder', 'not_a_string', undefined],
      ['a negative battery bank', { batteryCapacityAh: -1 }, 'batteryCapacityAh', 'too_small', { min: 0 }],
      ['a battery bank over 10,000 Ah', { batteryCapacityAh: 10_001 }, 'batteryCapacityAh', 'too_large', { max: 10_000 }],
      ['no load', { loadWatts: 0 }, 'loadWatts', 'too_small', { min: 1 }],
      ['a load over 100,000 W', { loadWatts: 100_001 }, 'loadWatts', 'too_large', { max: 100_000 }],
      ['a load sent as text', { loadWatts: '1200' }, 'loadWatts', 'not_a_number', undefined],
    ])('refuses %s with 400 naming the field, and writes nothing', async (_case, change, field, code, params) => {
      const site = await newSite({ powerFeeder: 'EVN-LS/VanQuan-371' });
      const result = await admin.request<ApiErrorBody>('PATCH', `/sites/${site.id}`, { ...change, priority: 'P1' });
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('validation_failed');
      // A value of the wrong type also breaks the rules for the right one (as on every route): the first problem says why.
      expect(result.body.fields?.[0]).toEqual(params ? { field, code, params } : { field, code });
      expect(new Set(result.body.fields?.map((problem) => problem.field))).toEqual(new Set([field]));
      expect(await stored(site.id)).toEqual({ ...nothing, power_feeder: 'EVN-LS/VanQuan-371' });
      expect(await api.dataSource.query(`SELECT priority FROM sites WHERE id = $1`, [site.id])).toEqual([{ priority: 'P2' }]);
    });

    it('refuses bad upstreams on create too', async () => {
      const result = await admin.request<ApiErrorBody>('POST', '/sites', {
        code: `DEP${randomInt(100000, 999999)}`,
        name: 'Trạm lỗi',
        kind: 'bts',
        operatorCode: 'viettel',
        communeCode: '05977',
        latitude: 21.85,
        longitude: 106.76,
        priority: 'P2',
        powerFeeder: 'EVN/371?',
      });
      expect(result.status).toBe(400);
      expect(result.body.fields).toEqual([{ field: 'powerFeeder', code: 'invalid_format' }]);
    });
  });

  describe('in bulk (POST /sites/dependencies/import, GET /sites/dependencies/export)', () => {
    it('sets the sites a file names, an empty cell clearing, a missing column leaving as is; audited once', async () => {
      const [a, b] = [await newSite({ transmissionRoute: 'VNPT-LS-TD-02', loadWatts: 900 }), await newSite({ aggregationNode: 'LSN-TD-001' })];
      const result = await importCsv(
        admin,
        ['site_code,power_feeder,transmission_route,battery_capacity_ah', `${a.code},EVN-LS/TrangDinh-372,,300`, `${b.code}, EVN-LS/TrangDinh-373 ,"MBF-LSN-TD-01",`].join('\r\n') + '\r\n',
      );
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ updated: 2, unchanged: 0 });
      expect(await stored(a.id)).toEqual({ ...nothing, power_feeder: 'EVN-LS/TrangDinh-372', battery_capacity_ah: 300, load_watts: 900 });
      expect(await stored(b.id)).toEqual({ ...nothing, power_feeder: 'EVN-LS/TrangDinh-373', transmission_route: 'MBF-LSN-TD-01', aggregation_node: 'LSN-TD-001' });

      const trail = await admin.request<Page<AuditEntryDto>>('GET', '/audit?action=site.import_dependencies&pageSize=1');
      expect(trail.body.items[0]).toMatchObject({ action: 'site.import_dependencies', actorUsername: 'admin', outcome: 'success' });
      expect(trail.body.items[0]?.before).toMatchObject({ [a.code]: { powerFeeder: null, transmissionRoute: 'VNPT-LS-TD-02' } });
      expect(trail.body.items[0]?.after).toMatchObject({ [b.code]: { powerFeeder: 'EVN-LS/TrangDinh-373', transmissionRoute: 'MBF-LSN-TD-01' } });
    });

    it('writes nothing when one row is bad, naming every bad cell by its row and column', async () => {
      const [a, b] = [await newSite(), await newSite({ powerFeeder: 'EVN-LS/LocBinh-371' })];
      // Two good rows, blank rows 4–11 (skipped, but counted as a spreadsheet counts them), row 12 bad.
      const file = [HEADER, `${a.code},EVN-LS/HuuLung-371,VTL-LSN-RING-07,LSN-TD-005,200,1200`, `${b.code},EVN-LS/HuuLung-372,,,,`];
      for (let row = 4; row < 12; row++) file.push('');
      file.push(`${a.code.replace('DEP', 'NOPE')},EVN LS 371!,,,abc,0`);
      const result = await importCsv(admin, file.join('\n'));
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('validation_failed');
      expect(result.body.fields).toEqual([
        { field: 'row 12: power_feeder', code: 'invalid_format' },
        { field: 'row 12: battery_capacity_ah', code: 'not_a_number' },
        { field: 'row 12: load_watts', code: 'too_small', params: { min: 1 } },
      ]);
      expect(await stored(a.id)).toEqual(nothing);
      expect(await stored(b.id)).toEqual({ ...nothing, power_feeder: 'EVN-LS/LocBinh-371' });

      // Well-formed, but naming a site the register does not have: still nothing written.
      const unknown = await importCsv(admin, [HEADER, `${a.code},EVN-LS/HuuLung-371,,,,`, `NOPE${randomInt(100000, 999999)},EVN-LS/HuuLung-371,,,,`].join('\n'));
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields).toEqual([{ field: 'row 3: site_code', code: 'no_such_record' }]);
      expect(await stored(a.id)).toEqual(nothing);
    });

    it('refuses a file without site_code, with an unknown column or repeating a site', async () => {
      const site = await newSite();
      expect((await importCsv(admin, 'power_feeder\nEVN-LS/BacSon-371\n')).body.fields).toEqual([{ field: 'row 1: site_code', code: 'required' }]);
      expect((await importCsv(admin, `site_code,feeder\n${site.code},x\n`)).body.fields).toEqual([
        { field: 'row 1: feeder', code: 'unknown_field', params: { allowed: [...SITE_DEPENDENCY_CSV_COLUMNS] } },
      ]);
      expect((await importCsv(admin, `site_code,power_feeder\n${site.code},A\n${site.code},B\n`)).body.fields).toEqual([
        { field: 'row 3: site_code', code: 'already_used', params: { row: 2 } },
      ]);
      expect((await importCsv(admin, '')).body.fields).toEqual([{ field: 'body', code: 'required' }]);
      expect(await stored(site.id)).toEqual(nothing);
    });

    it('takes only a text/csv body, within its size limit', async () => {
      const json = await admin.request<ApiErrorBody>('POST', '/sites/dependencies/import', { csv: HEADER });
      expect(json.status).toBe(415);
      expect(json.body.code).toBe('unsupported_media_type');
      const big = await importCsv(admin, `${HEADER}\n${'x'.repeat(SITE_DEPENDENCY_CSV_MAX_BYTES)}\n`);
      expect(big.status).toBe(413);
      expect(big.body.code).toBe('payload_too_large');
    });

    it('exports every site as the CSV the import reads, and that file imports back as it was', async () => {
      const a = await newSite({ powerFeeder: 'EVN-LS/DinhLap-371', transmissionRoute: 'VTL-LSN-RING-21', aggregationNode: 'LSN-POP-004', batteryCapacityAh: 123.4, loadWatts: 1500 });
      const b = await newSite({ powerFeeder: 'EVN-LS/DinhLap-372' });
      const response = await fetch(`${api.baseUrl}/api/v1/sites/dependencies/export`, { headers: { authorization: `Bearer ${admin.session.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toContain('netduty-site-dependencies.csv');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).split('\n').filter(Boolean);
      expect(lines[0]).toBe(HEADER);
      const [{ count }] = (await api.dataSource.query(`SELECT count(*)::int AS count FROM sites`)) as { count: number }[];
      expect(lines).toHaveLength(count + 1);
      const mine = lines.filter((line) => line.startsWith(`${a.code},`) || line.startsWith(`${b.code},`));
      expect([...mine].sort()).toEqual([`${a.code},EVN-LS/DinhLap-371,VTL-LSN-RING-21,LSN-POP-004,123.4,1500`, `${b.code},EVN-LS/DinhLap-372,,,,`].sort());
      // The demo province's sites come with their upstreams.
      expect(lines.filter((line) => /,EVN-LS\//.test(line)).length).toBeGreaterThan(count / 2);

      const before = [await stored(a.id), await stored(b.id)];
      for (const site of [a, b]) {
        await admin.request('PATCH', `/sites/${site.id}`, { powerFeeder: null, transmissionRoute: null, aggregationNode: null, batteryCapacityAh: null, loadWatts: null });
      }
      // The export's own text, BOM and all (only these two sites' rows, so no other suite's sites are rewritten).
      const file = `\ufeff${[HEADER, ...mine].join('\n')}\n`;
      expect((await importCsv(admin, file)).body).toEqual({ updated: 2, unchanged: 0 });
      expect([await stored(a.id), await stored(b.id)]).toEqual(before);
      expect((await importCsv(admin, file)).body).toEqual({ updated: 0, unchanged: 2 });
    });

    it.each([
      ['a duty officer', () => duty],
      ['cluster staff', () => viettel],
    ])('is for administrators only: %s gets 403 and changes nothing', async (_who, client) => {
      const site = await newSite();
      const refused = await importCsv(client(), `site_code,power_feeder\n${site.code},EVN-LS/BinhGia-371\n`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
      expect(await stored(site.id)).toEqual(nothing);
      const exported = await client().request<ApiErrorBody>('GET', '/sites/dependencies/export');
      expect(exported.status).toBe(403);
    });
  });
});
