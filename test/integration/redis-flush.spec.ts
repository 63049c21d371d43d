import type { INestApplicationContext } from '@nestjs/common';
import type { EscalationPolicyDefinition, EscalationPolicyDto, SiteSummaryDto } from '@netduty/contracts';
import { chainSchedule } from '@netduty/domain';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis';
import { as, reportIncident, startApi, startWorker, type ApiClient, type RunningApi } from './support/stack';

/** 'major' on a P2 site: a tier no other suite shortens, restored afterwards. */
const SEVERITY = 'major';
// Long enough that 200 reports made on a busy 2-core machine are all in before the first deadline.
const ACK_SECONDS = 30;
const INCIDENTS = 200;
const RECONCILE_SECONDS = 3;
/** The requirement: after a flush, every escalation still fires, at most this long after it was due. */
const MAX_LATENESS_MS = 60_000;
/** A three-level chain for the site's operator and tier, each level one deadline window after the last. */
const LEVELS = 3;

describe('a flushed Redis', () => {
  let redis: PrivateRedis;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let admin: ApiClient;
  let duty: ApiClient;
  let site: SiteSummaryDto;
  let policy: EscalationPolicyDto;
  let defaultPolicy: EscalationPolicyDto;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const env = { REDIS_URL: redis.url, RECONCILE_INTERVAL_SECONDS: String(RECONCILE_SECONDS) };
    api = await startApi(env);
    worker = await startWorker(env);
    admin = await as(api.baseUrl, 'admin');
    duty = await as(api.baseUrl, 'trucban');
    const { body: sites } = await duty.request<SiteSummaryDto[]>('GET', '/sites?q=xa&limit=50');
    const p2 = sites.find((candidate) => candidate.priority === 'P2');
    if (!p2) throw new Error('no P2 site in the demo data');
    site = p2;
    expect((await admin.request('PUT', `/sla-policies/${SEVERITY}/P2`, { acknowledgeSeconds: ACK_SECONDS, restoreSeconds: 3600 })).status).toBe(200);
    const definition: EscalationPolicyDefinition = {
      name: 'redis-flush test chain',
      operatorCode: site.operator.code,
      priority: 'P2',
      repeat: 0,
      acceptSeconds: 900,
      levels: Array.from({ length: LEVELS }, (_, index) => ({ waitSeconds: index === 0 ? 0 : ACK_SECONDS, recipients: [{ kind: 'role', role: 'duty_officer' }] })),
    };
    const { body: policies } = await admin.request<EscalationPolicyDto[]>('GET', '/escalation-policies');
    const existing = policies.find((candidate) => candidate.operatorCode === site.operator.code && candidate.priority === 'P2');
    const found = policies.find((candidate) => candidate.operatorCode === null && candidate.priority === null);
    if (!found) throw new Error('no default escalation policy');
    defaultPolicy = found;
    const saved = existing
      ? await admin.request<EscalationPolicyDto>('PUT', `/escalation-policies/${existing.id}`, definition)
      : await admin.request<EscalationPolicyDto>('POST', '/escalation-policies', definition);
    expect([200, 201]).toContain(saved.status);
    policy = saved.body;
  }, 60_000);

  afterAll(async () => {
    await admin?.request('PUT', `/sla-policies/${SEVERITY}/P2`, { acknowledgeSeconds: 1800, restoreSeconds: 43_200 });
    // Later suites see this operator and tier escalate as the default chain does.
    if (policy && defaultPolicy) {
      const { levels, repeat } = defaultPolicy;
      await admin.request('PUT', `/escalation-policies/${policy.id}`, { name: policy.name, operatorCode: policy.operatorCode, priority: 'P2', levels, repeat });
    }
    await worker?.close();
    await api?.close();
    await redis?.destroy();
  }, 60_000);

  it('loses no escalation: every level of hundreds of pending deadlines fires exactly once, within 60 s of due', async () => {
    const incidents = [];
    for (let batch = 0; batch < INCIDENTS / 10; batch += 1) {
      incidents.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, n) => reportIncident(duty, site, { severity: SEVERITY, description: `Trước FLUSHALL #${batch * 10 + n}` })),
        )),
      );
    }
    const ids = incidents.map((incident) => incident.id);
    const firstDue = Math.min(...incidents.map((incident) => Date.parse(incident.acknowledgeDeadline.dueAt)));
    const lastDue = Math.max(...incidents.map((incident) => Date.parse(incident.acknowledgeDeadline.dueAt)));

    // Every deadline is still pending in Redis when it loses everything.
    expect(Date.now()).toBeLessThan(firstDue);
    expect(await redis.client.dbsize()).toBeGreaterThan(INCIDENTS);
    await redis.client.flushall();
    expect(await redis.client.dbsize()).toBe(0);
    const [{ count: before }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM escalations WHERE incident_id = ANY($1)`, [ids]);
    expect(before).toBe(0);

    const expected = INCIDENTS * LEVELS;
    const lastLevelDue = lastDue + (LEVELS - 1) * ACK_SECONDS * 1000;
    let stored = 0;
    while (stored < expected && Date.now() < lastLevelDue + MAX_LATENESS_MS) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      [{ count: stored }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM escalations WHERE incident_id = ANY($1)`, [ids]);
    }

    const rows: { incident_id: string; level: number; fired_at: Date }[] = await api.dataSource.query(
      `SELECT incident_id, level, fired_at FROM escalations WHERE incident_id = ANY($1) AND kind = 'acknowledge'`,
      [ids],
    );
    // The unique constraint stores each (incident, kind, cycle, level) once; all of them are there.
    expect(rows).toHaveLength(expected);
    const byIncident = new Map(incidents.map((incident) => [incident.id, incident]));
    let worst = 0;
    for (const row of rows) {
      const incident = byIncident.get(row.incident_id);
      if (!incident) throw new Error(`unexpected escalation for ${row.incident_id}`);
      const step = chainSchedule(policy, new Date(incident.acknowledgeDeadline.dueAt))[row.level - 1];
      if (!step) throw new Error(`step ${row.level} is not in the chain`);
      const lateness = new Date(row.fired_at).getTime() - step.dueAt.getTime();
      expect(lateness).toBeGreaterThanOrEqual(0);
      worst = Math.max(worst, lateness);
    }
    expect(worst).toBeLessThanOrEqual(MAX_LATENESS_MS);
    // With a 3 s reconciliation interval the sweep re-enqueues within a few seconds, not the minute allowed.
    expect(worst).toBeLessThan(4 * RECONCILE_SECONDS * 1000 + 5000);
  }, 240_000);
});
