import { DataSource } from 'typeorm';
import type { ClusterDto, IncidentDto, IncidentPage, ResponderDto, SiteSummaryDto } from '@netduty/contracts';
import { INCIDENT_PAGE_MAX_LIMIT } from '@netduty/contracts';
import { UserAdminService } from '@netduty/identity';
import { foldForSearch } from '@netduty/domain';
import { as, connectConsole, DEMO_PASSWORD, nextEvent, reportIncident, startApi, type ApiClient, type ConsoleSocket, type RunningApi } from './support/stack';
import { currentTestEnvironment } from './support/test-environment';

/**
 * One scope rule, three readings: what the REST lists return, what the socket delivers and what a
 * hand-written SQL query (independent of the application's filter helper) computes are the same sets,
 * for every kind of scope. A cluster's staff see the rows touching one of their cluster's communes:
 * incidents and sites in one of them, clusters serving one of them, responders of such clusters.
 */
type ScopeName = 'all' | 'operator' | 'cluster' | 'responder';

/** The expected rule, per table, as plain SQL over the owner's connection ($1 operator, $2 communes, $3 responder). */
const EXPECTED_SQL: Record<ScopeName, Record<'incidents' | 'sites' | 'clusters' | 'responders', string>> = {
  all: {
    incidents: `SELECT i.id FROM incidents i`,
    sites: `SELECT s.id FROM sites s WHERE TRUE`,
    clusters: `SELECT c.id FROM clusters c`,
    responders: `SELECT r.id FROM responders r`,
  },
  operator: {
    incidents: `SELECT i.id FROM incidents i WHERE i.operator_code = $1`,
    sites: `SELECT s.id FROM sites s WHERE s.operator_code = $1`,
    clusters: `SELECT c.id FROM clusters c WHERE c.operator_code = $1`,
    responders: `SELECT r.id FROM responders r JOIN clusters c ON c.id = r.cluster_id WHERE c.operator_code = $1`,
  },
  cluster: {
    incidents: `SELECT i.id FROM incidents i WHERE i.operator_code = $1 AND i.commune_code = ANY($2)`,
    sites: `SELECT s.id FROM sites s WHERE s.operator_code = $1 AND s.commune_code = ANY($2)`,
    clusters: `SELECT DISTINCT c.id FROM clusters c JOIN cluster_communes cc ON cc.cluster_id = c.id WHERE c.operator_code = $1 AND cc.commune_code = ANY($2)`,
    responders: `SELECT DISTINCT r.id FROM responders r JOIN clusters c ON c.id = r.cluster_id JOIN cluster_communes cc ON cc.cluster_id = c.id
                 WHERE c.operator_code = $1 AND cc.commune_code = ANY($2)`,
  },
  responder: {
    incidents: `SELECT ir.incident_id AS id FROM incident_responders ir WHERE ir.responder_id = $3`,
    sites: `SELECT s.id FROM sites s WHERE FALSE`,
    clusters: `SELECT c.id FROM clusters c WHERE FALSE`,
    responders: `SELECT r.id FROM responders r WHERE r.id = $3`,
  },
};

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

describe('one scope rule for REST lists, socket rooms and the database', () => {
  let api: RunningApi;
  let owner: DataSource;
  const clients = {} as Record<ScopeName, ApiClient>;
  let responderId: string;
  let clusterCommunes: string[];
  /** Commune names the site searches run over: the cluster's, one outside it, and one of another operator. */
  let searchedCommuneNames: string[];
  /** The incidents raised by this suite; the socket is compared on these. */
  const fresh: Record<'assignedInCluster' | 'inCluster' | 'outsideCluster' | 'otherOperator', IncidentDto> = {} as never;

  async function ids(sql: string): Promise<string[]> {
    // Every query gets the three parameters, typed once here, whichever of them it names.
    const rows: { id: string }[] = await owner.query(`WITH scope_parameters AS (SELECT $1::text, $2::text[], $3::uuid) ${sql}`, ['viettel', clusterCommunes, responderId]);
    return sorted(rows.map((row) => row.id));
  }

  /** The site search is a search: both sides apply the same words, so only the scope can differ. */
  function nameMatches(name: string): string {
    const words = foldForSearch(name).split(' ').filter(Boolean);
    return `(${words.map((word) => `s.search_text LIKE '%${word.replace(/'/g, "''")}%'`).join(' AND ')})`;
  }

  function siteSearchSql(base: string): string {
    return `${base} AND (${searchedCommuneNames.map(nameMatches).join(' OR ')})`;
  }

  async function restIncidents(client: ApiClient): Promise<string[]> {
    const found: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 500; pages += 1) {
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { status, body }: { status: number; body: IncidentPage } = await client.request<IncidentPage>('GET', `/incidents?open=false&limit=${INCIDENT_PAGE_MAX_LIMIT}${after}`);
      expect(status).toBe(200);
      found.push(...body.items.map((incident) => incident.id));
      if (body.nextCursor === null) return sorted(found);
      cursor = body.nextCursor;
    }
    throw new Error('too many pages');
  }

  async function restSites(client: ApiClient): Promise<string[]> {
    const found: string[] = [];
    for (const name of searchedCommuneNames) {
      const { status, body } = await client.request<SiteSummaryDto[]>('GET', `/sites?q=${encodeURIComponent(name)}&limit=50`);
      expect(status).toBe(200);
      // Below the limit, so the search returned every match and the comparison is of whole sets.
      expect(body.length).toBeLessThan(50);
      found.push(...body.map((site) => site.id));
    }
    return sorted(found);
  }

  beforeAll(async () => {
    api = await startApi();
    owner = await new DataSource({ type: 'postgres', url: currentTestEnvironment().ownerDatabaseUrl }).initialize();
    const [{ responder_id, cluster_id }] = await owner.query(
      `SELECT u.responder_id, r.cluster_id FROM users u JOIN responders r ON r.id = u.responder_id WHERE u.username = 'ungcuu.viettel'`,
    );
    responderId = responder_id;
    clusterCommunes = sorted((await owner.query(`SELECT commune_code FROM cluster_communes WHERE cluster_id = $1`, [cluster_id])).map((row: { commune_code: string }) => row.commune_code));
    expect(clusterCommunes.length).toBeGreaterThan(0);
    // Searched communes: one inside the cluster, one outside it, one of another operator, each whose name
    // matches fewer sites than the search's limit (for every caller), so each search returns every match.
    const searchable = async (where: string): Promise<string> => {
      const candidates: { name: string }[] = await owner.query(
        `SELECT c.name FROM communes c JOIN sites s ON s.commune_code = c.code WHERE ${where} GROUP BY c.code, c.name ORDER BY count(*), c.code`,
        [clusterCommunes],
      );
      for (const { name } of candidates) {
        const [{ matches }] = await owner.query(`SELECT count(*)::int AS matches FROM sites s WHERE ${nameMatches(name)}`);
        if (matches < 50) return name;
      }
      throw new Error(`no commune where ${where} has a narrow enough name`);
    };
    searchedCommuneNames = [
      await searchable(`s.operator_code = 'viettel' AND s.commune_code = ANY($1)`),
      await searchable(`s.operator_code = 'viettel' AND NOT (s.commune_code = ANY($1))`),
      await searchable(`s.operator_code = 'vnpt' AND NOT (s.commune_code = ANY($1))`),
    ];
    const [outside] = await owner.query(`SELECT s.commune_code FROM sites s JOIN communes c ON c.code = s.commune_code WHERE c.name = $1 AND s.operator_code = 'viettel' LIMIT 1`, [
      searchedCommuneNames[1],
    ]);

    // Clusters of the same operator: one sharing a commune with the caller's cluster, one sharing none.
    const admin = await as(api.baseUrl, 'admin');
    for (const [name, communeCodes] of [
      ['scope-rule overlapping', [clusterCommunes[0], outside.commune_code]],
      ['scope-rule disjoint', [outside.commune_code]],
    ] as const) {
      const created = await admin.request<ClusterDto>('POST', '/clusters', { operatorCode: 'viettel', name, communeCodes });
      expect(created.status).toBe(201);
    }
    await api.app.get(UserAdminService).create(
      { username: 'scope.rule.cluster', displayName: 'Tổ cụm (phạm vi)', password: DEMO_PASSWORD, role: 'cluster_staff', operatorCode: 'viettel', clusterId: cluster_id },
      { mustChangePassword: false },
    );
    clients.all = await as(api.baseUrl, 'trucban');
    clients.operator = await as(api.baseUrl, 'viettel.lsn');
    clients.cluster = await as(api.baseUrl, 'scope.rule.cluster');
    clients.responder = await as(api.baseUrl, 'ungcuu.viettel');

    const siteWhere = async (where: string, values: unknown[]) => {
      const [site] = await owner.query(`SELECT s.id FROM sites s WHERE ${where} ORDER BY s.code LIMIT 1`, values);
      return site as SiteSummaryDto;
    };
    const duty = clients.all;
    fresh.assignedInCluster = await reportIncident(duty, await siteWhere(`s.operator_code = 'viettel' AND s.commune_code = $1`, [clusterCommunes[0]]), { description: 'scope-rule assigned' });
    fresh.inCluster = await reportIncident(duty, await siteWhere(`s.operator_code = 'viettel' AND s.commune_code = ANY($1)`, [clusterCommunes]), { description: 'scope-rule in cluster' });
    fresh.outsideCluster = await reportIncident(duty, await siteWhere(`s.operator_code = 'viettel' AND s.commune_code = $1`, [outside.commune_code]), { description: 'scope-rule outside' });
    fresh.otherOperator = await reportIncident(duty, await siteWhere(`s.operator_code = 'vnpt'`, []), { description: 'scope-rule vnpt' });
    expect((await duty.request('POST', `/incidents/${fresh.assignedInCluster.id}/acknowledge`, {})).status).toBe(200);
    const assigned = await duty.request('POST', `/incidents/${fresh.assignedInCluster.id}/assign`, { responderIds: [responderId] });
    expect(assigned.status).toBe(200);
  });

  afterAll(async () => {
    await owner?.destroy();
    await api?.close();
  });

  it.each(['all', 'operator', 'cluster', 'responder'] as const)('lists for the %s scope exactly the incidents, sites, clusters and responders the SQL rule selects', async (scope) => {
    const client = clients[scope];
    const expected = EXPECTED_SQL[scope];
    expect(await restIncidents(client)).toEqual(await ids(expected.incidents));
    expect(await restSites(client)).toEqual(await ids(siteSearchSql(expected.sites)));
    const clusters = await client.request<ClusterDto[]>('GET', '/clusters');
    expect(sorted(clusters.body.map((cluster) => cluster.id))).toEqual(await ids(expected.clusters));
    const responders = await client.request<ResponderDto[]>('GET', '/responders');
    expect(sorted(responders.body.map((responder) => responder.id))).toEqual(await ids(expected.responders));
  });

  it('narrows a cluster to strictly less than its operator, and never to nothing', async () => {
    for (const table of ['incidents', 'clusters', 'responders'] as const) {
      const operatorRows = await ids(EXPECTED_SQL.operator[table]);
      const clusterRows = await ids(EXPECTED_SQL.cluster[table]);
      expect(clusterRows.length).toBeGreaterThan(0);
      expect(clusterRows.length).toBeLessThan(operatorRows.length);
    }
    const clusterSites = await restSites(clients.cluster);
    expect(clusterSites.length).toBeGreaterThan(0);
    expect(clusterSites.length).toBeLessThan((await restSites(clients.operator)).length);
    const clusters = await clients.cluster.request<ClusterDto[]>('GET', '/clusters');
    const names = clusters.body.map((cluster) => cluster.name);
    expect(names).toContain('scope-rule overlapping');
    expect(names).not.toContain('scope-rule disjoint');
  });

  it('delivers an incident event to each scope exactly when its REST list and the SQL rule include the incident', async () => {
    const sockets = {} as Record<ScopeName, ConsoleSocket>;
    const received = {} as Record<ScopeName, Set<string>>;
    try {
      for (const scope of ['all', 'operator', 'cluster', 'responder'] as const) {
        sockets[scope] = await connectConsole(api.baseUrl, clients[scope].session.token);
        const seen = new Set<string>();
        received[scope] = seen;
        sockets[scope].on('incident.updated', (incident) => seen.add(incident.id));
      }
      // Every scope sees the assigned incident in the cluster, so its event, sent last through the same
      // ordered channel, marks the end of each socket's deliveries.
      const ends = (['all', 'operator', 'cluster', 'responder'] as const).map((scope) =>
        nextEvent(sockets[scope], 'incident.updated', (incident) => incident.id === fresh.assignedInCluster.id),
      );
      for (const incident of [fresh.inCluster, fresh.outsideCluster, fresh.otherOperator]) {
        expect((await clients.all.request('POST', `/incidents/${incident.id}/comments`, { text: 'scope-rule event' })).status).toBe(201);
      }
      expect((await clients.all.request('POST', `/incidents/${fresh.assignedInCluster.id}/comments`, { text: 'scope-rule end' })).status).toBe(201);
      await Promise.all(ends);

      const freshIds = new Set(Object.values(fresh).map((incident) => incident.id));
      const expectedSeen = {
        all: [fresh.assignedInCluster, fresh.inCluster, fresh.outsideCluster, fresh.otherOperator],
        operator: [fresh.assignedInCluster, fresh.inCluster, fresh.outsideCluster],
        cluster: [fresh.assignedInCluster, fresh.inCluster],
        responder: [fresh.assignedInCluster],
      };
      for (const scope of ['all', 'operator', 'cluster', 'responder'] as const) {
        const delivered = sorted([...received[scope]].filter((id) => freshIds.has(id)));
        const listed = (await restIncidents(clients[scope])).filter((id) => freshIds.has(id));
        const selected = (await ids(EXPECTED_SQL[scope].incidents)).filter((id) => freshIds.has(id));
        expect({ scope, delivered }).toEqual({ scope, delivered: listed });
        expect({ scope, delivered }).toEqual({ scope, delivered: selected });
        expect(delivered).toEqual(sorted(expectedSeen[scope].map((incident) => incident.id)));
      }
    } finally {
      for (const socket of Object.values(sockets)) socket.disconnect();
    }
  });
});
