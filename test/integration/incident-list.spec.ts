import { DataSource } from 'typeorm';
import type { ApiErrorBody, IncidentCounts, IncidentDto, IncidentPage, IncidentStatus, PriorityTier, Severity } from '@netduty/contracts';
import { compareByUrgency, foldForSearch, nextDeadline } from '@netduty/domain';
import { as, startApi, type ApiClient, type RunningApi } from './support/stack';
import { boardBreachedRankSql, boardClockRankSql, boardDueSql, boardP0RankSql, boardSeverityRankSql, openIncidentSql } from '@netduty/persistence';
import { currentTestEnvironment } from './support/test-environment';

const FIXTURE = 'incident-list fixture';
const FIXTURE_COUNT = 180;

interface StoredRow {
  id: string;
  reference: string;
  status: IncidentStatus;
  severity: Severity;
  priority: string;
  category: string;
  operator_code: string;
  commune_code: string;
  site_id: string;
  escalation_level: number;
  reported_at: Date;
  ack_starts_at: Date;
  ack_due_at: Date;
  restore_starts_at: Date;
  restore_due_at: Date;
}

/** The next deadline as the domain computes it, from a stored row. */
function dueOf(row: StoredRow): Date | null {
  const deadline = nextDeadline(
    row.status,
    { kind: 'acknowledge' as const, dueAt: row.ack_due_at },
    { kind: 'restore' as const, dueAt: row.restore_due_at },
  );
  return deadline?.dueAt ?? null;
}

/**
 * The board's order computed independently: the domain's comparison as of now, then the id for a total
 * order. The fixture's deadlines sit at whole 10-minute steps from its insertion, so none crosses "now"
 * between the api's walk and this sort.
 */
function urgencyOrder(rows: StoredRow[]): string[] {
  const now = new Date();
  const subject = (row: StoredRow) => ({ severity: row.severity, priority: row.priority as PriorityTier, nextDueAt: dueOf(row) });
  return [...rows].sort((a, b) => compareByUrgency(subject(a), subject(b), now) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((row) => row.id);
}

function recentOrder(rows: StoredRow[]): string[] {
  return [...rows]
    .sort((a, b) => b.reported_at.getTime() - a.reported_at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((row) => row.id);
}

describe('incident lists: keyset pages, filters, search, counts', () => {
  let api: RunningApi;
  let owner: DataSource;
  let duty: ApiClient;
  let viettel: ApiClient;
  let responder: ApiClient;

  /** Every row of the table, read straight from the database. */
  async function stored(): Promise<StoredRow[]> {
    return owner.query(`SELECT * FROM incidents`);
  }

  /** Walks every page of `query` and returns the items in order, checking each page's size. */
  async function walk(client: ApiClient, query: string, limit: number): Promise<IncidentDto[]> {
    const items: IncidentDto[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 1000; pages += 1) {
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const path = `/incidents?${query}&limit=${limit}${after}`;
      const { status, body }: { status: number; body: IncidentPage } = await client.request<IncidentPage>('GET', path);
      if (status !== 200) throw new Error(`${path} answered ${status}: ${JSON.stringify(body)}`);
      expect(body.limit).toBe(limit);
      expect(body.items.length).toBeLessThanOrEqual(limit);
      items.push(...body.items);
      if (body.nextCursor === null) return items;
      expect(body.items).toHaveLength(limit);
      cursor = body.nextCursor;
    }
    throw new Error('too many pages');
  }

  beforeAll(async () => {
    api = await startApi();
    owner = await new DataSource({ type: 'postgres', url: currentTestEnvironment().ownerDatabaseUrl }).initialize();
    duty = await as(api.baseUrl, 'trucban');
    viettel = await as(api.baseUrl, 'viettel.lsn');
    responder = await as(api.baseUrl, 'ungcuu.viettel');
    // Every status, severity and operator; deadlines on a coarse grid so many rows tie on the due time
    // (the severity and then the id must break them), some already breached.
    await owner.query(
      `WITH numbered AS (SELECT s.*, row_number() OVER (ORDER BY s.code) - 1 AS n, count(*) OVER () AS total FROM sites s)
       INSERT INTO incidents (site_id, operator_code, commune_code, category, severity, priority, status, description, reporter_name,
                              reported_at, acknowledged_at, resolved_at, closed_at, ack_starts_at, ack_due_at, restore_starts_at, restore_due_at, escalation_level)
       SELECT s.id, s.operator_code, s.commune_code,
              (ARRAY['mains_failure','fibre_cut','equipment'])[1 + g % 3],
              (ARRAY['critical','major','minor','warning'])[1 + (g / 3) % 4],
              s.priority,
              (ARRAY['reported','acknowledged','in_progress','resolved','closed','reopened'])[1 + g % 6],
              $1, 'fixture',
              timestamptz '2026-11-20T00:00:00Z' + g * interval '7 minutes',
              NULL, NULL, NULL,
              now() - interval '1 hour', now() + ((g % 9) - 3) * interval '10 minutes',
              now() - interval '1 hour', now() + ((g % 5) - 1) * interval '30 minutes',
              CASE WHEN g % 4 = 0 AND g % 6 <> 3 THEN 1 ELSE 0 END
       FROM generate_series(0, $2 - 1) g
       JOIN numbered s ON s.n = (g * 37) % s.total`,
      [FIXTURE, FIXTURE_COUNT],
    );
  });

  afterAll(async () => {
    await owner.query(`DELETE FROM incidents WHERE description = $1`, [FIXTURE]);
    await owner.destroy();
    await api.close();
  });

  it('walks the whole board in pages with no duplicate and no gap, in the domain urgency order', async () => {
    const rows = (await stored()).filter((row) => row.status !== 'closed');
    const items = await walk(duty, 'open=true', 7);
    const ids = items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(urgencyOrder(rows));
  });

  it('walks every incident newest first with sort=recent', async () => {
    const rows = await stored();
    const items = await walk(duty, 'open=false&sort=recent', 23);
    expect(items.map((item) => item.id)).toEqual(recentOrder(rows));
  });

  it("delivers every row exactly as the incident's own endpoint does, responders included", async () => {
    const items = await walk(duty, 'open=false', 200);
    const withResponders = items.filter((item) => item.responders.length > 0);
    expect(withResponders.length).toBeGreaterThan(0);
    for (const item of [...withResponders.slice(0, 5), ...items.slice(0, 5)]) {
      const { body } = await duty.request<IncidentDto & Record<'timeline' | 'escalations' | 'assignments' | 'parent' | 'children' | 'childCount', unknown>>('GET', `/incidents/${item.id}`);
      // toEqual counts an undefined property as absent: the detail minus what only the detail carries.
      expect(item).toEqual({ ...body, timeline: undefined, escalations: undefined, assignments: undefined, parent: undefined, children: undefined, childCount: undefined });
    }
  });

  it('pages 50 by default and at most 200', async () => {
    const first = await duty.request<IncidentPage>('GET', '/incidents?open=false');
    expect(first.body.limit).toBe(50);
    expect(first.body.items).toHaveLength(50);
    expect(first.body.nextCursor).not.toBeNull();
    const max = await duty.request<IncidentPage>('GET', '/incidents?open=false&limit=200');
    expect(max.body.items).toHaveLength(200);
  });

  it.each([
    ['status=reported,reopened', (row: StoredRow) => row.status === 'reported' || row.status === 'reopened'],
    ['open=false&status=closed', (row: StoredRow) => row.status === 'closed'],
    ['severity=critical', (row: StoredRow) => row.status !== 'closed' && row.severity === 'critical'],
    ['priority=P0', (row: StoredRow) => row.status !== 'closed' && row.priority === 'P0'],
    ['category=fibre_cut', (row: StoredRow) => row.status !== 'closed' && row.category === 'fibre_cut'],
    ['operator=vnpt,mobifone', (row: StoredRow) => row.status !== 'closed' && ['vnpt', 'mobifone'].includes(row.operator_code)],
    [
      'open=false&from=2026-11-20T05:00:00Z&to=2026-11-20T10:00:00Z',
      (row: StoredRow) => row.reported_at >= new Date('2026-11-20T05:00:00Z') && row.reported_at < new Date('2026-11-20T10:00:00Z'),
    ],
  ])('filters on the server: %s', async (query, expected) => {
    const rows = (await stored()).filter(expected);
    expect(rows.length).toBeGreaterThan(0);
    const items = await walk(duty, query, 13);
    expect(items.map((item) => item.id)).toEqual(urgencyOrder(rows));
  });

  it('leaves the children of a mass-outage parent out of the top level with topLevel=true, and only them', async () => {
    // The demo seed files the Tràng Định storm under a correlation parent.
    const children: { id: string; parent_incident_id: string }[] = await owner.query(
      `SELECT id, parent_incident_id FROM incidents WHERE parent_incident_id IS NOT NULL AND status <> 'closed'`,
    );
    expect(children.length).toBeGreaterThanOrEqual(3);
    const childIds = new Set(children.map((child) => child.id));
    const rows = (await stored()).filter((row) => row.status !== 'closed' && !childIds.has(row.id));
    const items = await walk(duty, 'topLevel=true', 17);
    expect(items.map((item) => item.id)).toEqual(urgencyOrder(rows));
    expect(items.map((item) => item.id)).toEqual(expect.arrayContaining([...new Set(children.map((child) => child.parent_incident_id))]));
    expect(items.every((item) => item.parentIncidentId === null)).toBe(true);
    const everything = await walk(duty, 'topLevel=false', 50);
    expect(everything.filter((item) => childIds.has(item.id))).toHaveLength(childIds.size);
    const [firstChild] = children;
    if (!firstChild) throw new Error('no child');
    const underParent = await walk(duty, `parent=${firstChild.parent_incident_id}`, 50);
    expect(underParent.map((item) => item.id).sort()).toEqual(children.filter((child) => child.parent_incident_id === firstChild.parent_incident_id).map((child) => child.id).sort());
    const badParent = await duty.request<ApiErrorBody>('GET', '/incidents?parent=not-a-uuid');
    expect(badParent.status).toBe(400);
    expect(JSON.stringify(badParent.body)).toContain('parent');
    const bad = await duty.request<ApiErrorBody>('GET', '/incidents?topLevel=maybe');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('topLevel');
  });

  it('keeps at the top level a child whose parent the caller cannot see (a responder assigned to the child only)', async () => {
    // Seen on a phone: the responder's board was empty because its one assigned incident was a child.
    const [assigned] = (await owner.query(
      `SELECT c.id FROM incidents c JOIN incident_responders r ON r.incident_id = c.id JOIN users u ON u.responder_id = r.responder_id
        WHERE u.username = 'ungcuu.viettel' AND c.parent_incident_id IS NOT NULL AND c.status <> 'closed'
          AND NOT EXISTS (SELECT 1 FROM incident_responders pr WHERE pr.incident_id = c.parent_incident_id AND pr.responder_id = r.responder_id)
        LIMIT 1`,
    )) as { id: string }[];
    if (!assigned) throw new Error('the demo assigns ungcuu.viettel no child incident');
    const top = await walk(responder, 'topLevel=true', 17);
    const all = await walk(responder, 'topLevel=false', 17);
    expect(top.map((item) => item.id)).toContain(assigned.id);
    expect(top.map((item) => item.id)).toEqual(all.map((item) => item.id));
  });

  it('filters by commune and by site', async () => {
    const [sample] = (await stored()).filter((row) => row.status !== 'closed');
    if (!sample) throw new Error('no fixture');
    const byCommune = await walk(duty, `commune=${sample.commune_code}`, 50);
    expect(byCommune.length).toBeGreaterThan(0);
    expect(byCommune.every((item) => item.site.commune.code === sample.commune_code)).toBe(true);
    const bySite = await walk(duty, `open=false&site=${sample.site_id}`, 50);
    expect(bySite.map((item) => item.id)).toContain(sample.id);
    expect(bySite.every((item) => item.site.id === sample.site_id)).toBe(true);
  });

  it('searches by reference and, without diacritics, by site name, site code and commune', async () => {
    const [row] = await owner.query(
      `SELECT i.id, i.reference, s.name AS site_name, s.code AS site_code, c.name AS commune_name
       FROM incidents i JOIN sites s ON s.id = i.site_id JOIN communes c ON c.code = s.commune_code
       WHERE i.description = $1 AND i.status = 'closed' AND s.name ~ '[^\\x01-\\x7f]' AND c.name ~ '[^\\x01-\\x7f]' LIMIT 1`,
      [FIXTURE],
    );
    expect(row).toBeDefined();
    const history = 'open=false&status=closed&sort=recent';
    for (const q of [row.reference, row.reference.slice(-4), foldForSearch(row.site_name), row.site_code, foldForSearch(row.commune_name)]) {
      const items = await walk(duty, `${history}&q=${encodeURIComponent(q)}`, 200);
      expect(items.map((item) => item.id)).toContain(row.id);
      expect(items.every((item) => item.status === 'closed')).toBe(true);
    }
    const words = foldForSearch(row.site_name).split(' ');
    const named = await walk(duty, `${history}&q=${encodeURIComponent(words.join(' '))}`, 200);
    for (const item of named) {
      const haystack = foldForSearch(`${item.site.code} ${item.site.name} ${item.site.commune.name} ${item.site.commune.formerDistrict ?? ''}`);
      expect(words.every((word) => haystack.includes(word))).toBe(true);
    }
    expect((await duty.request<IncidentPage>('GET', '/incidents?open=false&q=khong-co-tram-nay-xyz')).body.items).toEqual([]);
    // LIKE wildcards are plain characters.
    expect((await duty.request<IncidentPage>('GET', `/incidents?open=false&q=${encodeURIComponent('%')}`)).body.items).toEqual([]);
  });

  it("pages only the caller's scope: an operator's staff and a responder, whatever cursor they pass", async () => {
    const rows = await stored();
    const viettelItems = await walk(viettel, 'open=false', 17);
    expect(viettelItems.map((item) => item.id)).toEqual(urgencyOrder(rows.filter((row) => row.operator_code === 'viettel')));
    const viettelRows = rows.filter((row) => row.operator_code === 'viettel');
    const viettelOpen = await walk(viettel, 'open=true', 9);
    expect(viettelOpen.map((item) => item.id)).toEqual(urgencyOrder(viettelRows.filter((row) => row.status !== 'closed')));

    // A cursor taken from the duty officer's board reveals nothing outside the staff's own scope.
    const dutyPage = await duty.request<IncidentPage>('GET', '/incidents?limit=3');
    const borrowed = await viettel.request<IncidentPage>('GET', `/incidents?limit=200&cursor=${dutyPage.body.nextCursor ?? ''}`);
    expect(borrowed.status).toBe(200);
    expect(borrowed.body.items.every((item) => item.site.operator.code === 'viettel')).toBe(true);

    const me = await responder.request<{ responderId: string }>('GET', '/auth/me');
    const assigned: { incident_id: string }[] = await owner.query(`SELECT incident_id FROM incident_responders WHERE responder_id = $1`, [me.body.responderId]);
    const responderItems = await walk(responder, 'open=false', 2);
    expect(responderItems.map((item) => item.id).sort()).toEqual(assigned.map((row) => row.incident_id).sort());
  });

  it.each([
    ['not base64url', 'not a cursor!'],
    ['base64url of something else', Buffer.from('{"a":1}').toString('base64url')],
    ['a well-formed key with a bad instant', Buffer.from(JSON.stringify(['u', '2026-13-45 99:00:00+00', 0, '00000000-0000-4000-8000-000000000000'])).toString('base64url')],
    ['a key with a bad id', Buffer.from(JSON.stringify(['u', 'infinity', 0, "1'; DROP TABLE incidents; --"])).toString('base64url')],
  ])('refuses a cursor that is %s with 400 invalid_cursor', async (_, cursor) => {
    const { status, body } = await duty.request<ApiErrorBody>('GET', `/incidents?cursor=${encodeURIComponent(cursor)}`);
    expect(status).toBe(400);
    expect(body.code).toBe('invalid_cursor');
    expect(body.fields?.[0]?.field).toBe('cursor');
  });

  it('refuses a cursor made for another sort', async () => {
    const page = await duty.request<IncidentPage>('GET', '/incidents?limit=2');
    const { status, body } = await duty.request<ApiErrorBody>('GET', `/incidents?sort=recent&cursor=${page.body.nextCursor ?? ''}`);
    expect(status).toBe(400);
    expect(body.code).toBe('invalid_cursor');
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=1.5', 'limit'],
    ['sort=sideways', 'sort'],
    ['priority=P9', 'priority'],
    ['category=meteor', 'category'],
    ['site=not-a-uuid', 'site'],
    ['from=yesterday', 'from'],
    ['from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z', 'to'],
    [`q=${'x'.repeat(101)}`, 'q'],
    [`cursor=${'x'.repeat(301)}`, 'cursor'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const { status, body } = await duty.request<ApiErrorBody>('GET', `/incidents?${query}`);
    expect(status).toBe(400);
    expect(body.code).toBe('validation_failed');
    expect(body.fields?.map((problem) => problem.field)).toContain(field);
  });

  it("counts the board header's figures over the caller's open incidents", async () => {
    const before = Date.now();
    for (const [client, inScope] of [
      [duty, () => true],
      [viettel, (row: StoredRow) => row.operator_code === 'viettel'],
    ] as const) {
      const { status, body } = await client.request<IncidentCounts>('GET', '/incidents/counts');
      expect(status).toBe(200);
      const open = (await stored()).filter((row) => row.status !== 'closed' && inScope(row));
      const at = Date.parse(body.at);
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      const count = (predicate: (row: StoredRow) => boolean) => open.filter(predicate).length;
      expect(body).toEqual({
        open: open.length,
        breached: count((row) => (dueOf(row)?.getTime() ?? Infinity) <= at),
        unacknowledged: count((row) => row.status === 'reported'),
        escalated: count((row) => row.escalation_level > 0),
        p0: count((row) => row.priority === 'P0'),
        byStatus: Object.fromEntries(
          (['reported', 'acknowledged', 'in_progress', 'resolved', 'reopened'] as const).map((status) => [status, count((row) => row.status === status)]),
        ),
        bySeverity: Object.fromEntries((['critical', 'major', 'minor', 'warning'] as const).map((severity) => [severity, count((row) => row.severity === severity)])),
        at: body.at,
      });
      expect(body.breached).toBeGreaterThan(0);
    }
  });

  it('sorts a page of the board from the open rows a partial index finds, never the whole table', async () => {
    const runner = owner.createQueryRunner();
    try {
      // The first keys depend on the instant (breached), so no index can hold the order; the partial
      // indexes over open incidents keep the sort to the board's rows however many closed ones pile up.
      await runner.query('SET enable_seqscan = off');
      const plan: { 'QUERY PLAN': string }[] = await runner.query(
        `EXPLAIN SELECT id FROM incidents incident WHERE ${openIncidentSql('incident')}
         ORDER BY ${boardBreachedRankSql('incident').replace(':asOf', "'2026-11-22T00:00:00Z'")}, ${boardClockRankSql('incident')},
                  ${boardP0RankSql('incident')}, ${boardSeverityRankSql('incident')}, ${boardDueSql('incident')}, incident.id LIMIT 51`,
      );
      const text = plan.map((line) => line['QUERY PLAN']).join('\n');
      expect(text).toMatch(/incidents_board_order|incidents_open_status/);
      expect(text).not.toMatch(/Seq Scan/);
    } finally {
      await runner.release();
    }
  });
});
