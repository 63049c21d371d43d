import type { INestApplicationContext } from '@nestjs/common';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { EscalationService } from '@netduty/escalation';
import { SlaProcessor } from '../../apps/worker/src/app/sla.processor';
import { SLA_WORKER_SETTINGS } from '../../apps/worker/src/app/worker-settings';
import { deadlineJobId, SLA_QUEUE, type IncidentDto, type SiteSummaryDto } from '@netduty/contracts';
import {
  connectConsole,
  nextEvent,
  reportIncident,
  spawnWorkerProcess,
  startApi,
  startWorker,
  type ConsoleSocket,
  type RunningApi,
  type WorkerProcess,
  as,
  type ApiClient,
} from './support/stack';

/** Every test here uses 'warning' incidents on a P2 site, whose policy the suite shortens to 2 s. */
const ACK_SECONDS = 2;

async function escalationRows(api: RunningApi, incidentId: string) {
  return api.dataSource.query(
    `SELECT kind, cycle, level FROM escalations WHERE incident_id = $1 ORDER BY kind, cycle, level`,
    [incidentId],
  ) as Promise<{ kind: string; cycle: number; level: number }[]>;
}

/** The client port of the Postgres backend waiting for a lock that backend `holderPid` holds. */
async function portOfBackendBlockedBy(api: RunningApi, holderPid: number, timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const rows = (await api.dataSource.query(
      `SELECT client_port FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
      [holderPid],
    )) as { client_port: number }[];
    if (rows[0]) return rows[0].client_port;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no worker took the job within ${timeoutMs} ms`);
}

/** Whether process `pid` has a TCP socket bound locally to `port` (Linux /proc). */
function processOwnsLocalPort(pid: number | undefined, port: number): boolean {
  if (!pid) return false;
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const target = readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: 'utf8' });
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match?.[1]) inodes.add(match[1]);
  }
  return ['/proc/net/tcp', '/proc/net/tcp6'].some((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .some((line) => {
        const fields = line.trim().split(/\s+/);
        const localPort = Number.parseInt(fields[1]?.split(':')[1] ?? '', 16);
        return localPort === port && inodes.has(fields[9] ?? '');
      }),
  );
}

function firstEscalation(socket: ConsoleSocket, incident: IncidentDto, timeoutMs = 10_000) {
  return nextEvent(
    socket,
    'incident.escalated',
    ({ escalation }) => escalation.incidentId === incident.id && escalation.kind === 'acknowledge' && escalation.level === 1,
    timeoutMs,
  );
}

describe('SLA escalation through the real queue', () => {
  let api: RunningApi;
  let duty: ApiClient;
  let socket: ConsoleSocket;
  let site: SiteSummaryDto;

  beforeAll(async () => {
    api = await startApi();
    duty = await as(api.baseUrl, 'trucban');
    socket = await connectConsole(api.baseUrl, duty.session.token);
    const { body: sites } = await duty.request<SiteSummaryDto[]>('GET', '/sites?q=xa&limit=50');
    const p2 = sites.find((candidate) => candidate.priority === 'P2');
    if (!p2) throw new Error('no P2 site in the demo data');
    site = p2;
    const admin = await as(api.baseUrl, 'admin');
    const policy = await admin.request('PUT', '/sla-policies/warning/P2', {
      acknowledgeSeconds: ACK_SECONDS,
      restoreSeconds: 3600,
    });
    expect(policy.status).toBe(200);
  });

  afterAll(async () => {
    socket.disconnect();
    await api.close();
  });

  describe('with one in-process worker', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      worker = await startWorker();
    });

    afterAll(() => worker.close());

    it('runs as many jobs at once as WORKER_CONCURRENCY says', () => {
      expect(worker.get(SlaProcessor).worker.concurrency).toBe(20);
    });

    it('escalates a lapsed acknowledge deadline once and tells consoles within 3 s of the deadline', async () => {
      const incident = await reportIncident(duty, site, { severity: 'warning' });
      const dueAt = Date.parse(incident.acknowledgeDeadline.dueAt);
      expect(dueAt - Date.parse(incident.reportedAt)).toBe(ACK_SECONDS * 1000);

      const { payload, receivedAt } = await firstEscalation(socket, incident);
      expect(receivedAt).toBeGreaterThanOrEqual(dueAt);
      expect(receivedAt - dueAt).toBeLessThan(3000);
      expect(payload.incident.escalationLevel).toBeGreaterThanOrEqual(1);
      expect(payload.escalation).toMatchObject({ kind: 'acknowledge', cycle: 1, level: 1 });

      const rows = await escalationRows(api, incident.id);
      expect(rows.filter((row) => row.kind === 'acknowledge' && row.level === 1)).toHaveLength(1);
      const timeline = await api.dataSource.query(
        `SELECT actor, data FROM incident_events WHERE incident_id = $1 AND type = 'escalated' ORDER BY id`,
        [incident.id],
      );
      expect(timeline[0]).toMatchObject({ actor: 'system', data: expect.objectContaining({ kind: 'acknowledge', level: 1 }) });
    });

    it('never escalates an incident acknowledged before its deadline', async () => {
      const acknowledgedInTime = await reportIncident(duty, site, { severity: 'warning' });
      const control = await reportIncident(duty, site, { severity: 'warning' });
      expect((await duty.request('POST', `/incidents/${acknowledgedInTime.id}/acknowledge`, {})).status).toBe(200);

      // The control was reported after, so once it escalates the other's deadline has passed too.
      await firstEscalation(socket, control);
      expect(await escalationRows(api, acknowledgedInTime.id)).toEqual([]);
      const queue = worker.get<Queue>(getQueueToken(SLA_QUEUE));
      const job = await queue.getJob(deadlineJobId({ incidentId: acknowledgedInTime.id, kind: 'acknowledge', cycle: 1, level: 1 }));
      expect(job).toBeUndefined();

      // A job that could not be removed (already running) finds the condition gone and does nothing.
      const outcome = await worker
        .get(EscalationService)
        .handleDeadlineDue({ incidentId: acknowledgedInTime.id, kind: 'acknowledge', cycle: 1, level: 1 });
      expect(outcome.outcome).toBe('condition_cleared');
      expect(await escalationRows(api, acknowledgedInTime.id)).toEqual([]);
    });

    it('stores one escalation when the same deadline is handled twice at the same moment', async () => {
      const incident = await reportIncident(duty, site, { severity: 'warning' });
      await firstEscalation(socket, incident);
      const service = worker.get(EscalationService);
      const job = { incidentId: incident.id, kind: 'acknowledge' as const, cycle: 1, level: 1 };
      const outcomes = await Promise.all([service.handleDeadlineDue(job), service.handleDeadlineDue(job)]);
      expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['already_escalated', 'already_escalated']);
      expect((await escalationRows(api, incident.id)).filter((row) => row.kind === 'acknowledge' && row.level === 1)).toHaveLength(1);
    });

    it('re-enqueues deadlines whose jobs were lost, without doubling the ones that exist', async () => {
      const incident = await reportIncident(duty, site, { severity: 'warning' });
      const queue = worker.get<Queue>(getQueueToken(SLA_QUEUE));
      const jobId = deadlineJobId({ incidentId: incident.id, kind: 'acknowledge', cycle: 1, level: 1 });
      await queue.remove(jobId);
      expect(await queue.getJob(jobId)).toBeUndefined();

      await worker.get(EscalationService).reconcile();
      expect(await queue.getJob(jobId)).toBeDefined();
      await firstEscalation(socket, incident);
      expect((await escalationRows(api, incident.id)).filter((row) => row.kind === 'acknowledge' && row.level === 1)).toHaveLength(1);
    });
  });

  describe('with two worker processes', () => {
    let workers: WorkerProcess[] = [];

    beforeAll(async () => {
      workers = await Promise.all([spawnWorkerProcess(), spawnWorkerProcess()]);
    });

    afterAll(async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
    });

    it('produces exactly one escalation per deadline', async () => {
      const incidents = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((n) => reportIncident(duty, site, { severity: 'warning', description: `Bão #${n}` })),
      );
      const events = await Promise.all(incidents.map((incident) => firstEscalation(socket, incident)));
      expect(events).toHaveLength(incidents.length);
      for (const incident of incidents) {
        const rows = await escalationRows(api, incident.id);
        expect(rows.filter((row) => row.kind === 'acknowledge' && row.level === 1)).toHaveLength(1);
      }
    });
  });

  describe('when a worker process is killed (SIGKILL) holding a job', () => {
    let workers: WorkerProcess[] = [];

    beforeAll(async () => {
      workers = await Promise.all([spawnWorkerProcess(), spawnWorkerProcess()]);
    });

    afterAll(async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
    });

    it('runs the job again in the surviving worker at most 5 s after it was due', async () => {
      const incident = await reportIncident(duty, site, { severity: 'warning', description: 'Worker chết giữa chừng' });
      const dueAt = Date.parse(incident.acknowledgeDeadline.dueAt);
      // Holding the incident's row makes whichever worker takes the job wait inside it — alive,
      // renewing its lock — until the test kills that process exactly as a crash would.
      const holder = api.dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        await holder.rollbackTransaction();
        await holder.release();
      };
      try {
        await holder.query(`SELECT id FROM incidents WHERE id = $1 FOR UPDATE`, [incident.id]);
        const [{ pid: holderPid }] = (await holder.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[];
        const clientPort = await portOfBackendBlockedBy(api, holderPid, 10_000);
        const taker = workers.find((worker) => processOwnsLocalPort(worker.process.pid, clientPort));
        const survivor = workers.find((worker) => worker !== taker);
        if (!taker || !survivor) throw new Error(`no worker process owns the blocked connection (port ${clientPort})`);

        const exited = new Promise((resolve) => taker.process.once('exit', (_code, signal) => resolve(signal)));
        taker.process.kill('SIGKILL');
        const killedAt = Date.now();
        expect(await exited).toBe('SIGKILL');
        await release();

        const { receivedAt } = await firstEscalation(socket, incident, 20_000);
        // Back once the dead worker's lock lapses (it was last renewed at most lockDuration/2 before
        // the kill) and one stalled check sees it: the goal is at most 5 s after the deadline.
        expect(receivedAt - killedAt).toBeGreaterThan(SLA_WORKER_SETTINGS.lockDuration / 2 - 500);
        expect(receivedAt - dueAt).toBeLessThanOrEqual(5000);
        process.stdout.write(`killed holder: back ${receivedAt - dueAt} ms after due (${receivedAt - killedAt} ms after the kill)\n`);
        expect((await escalationRows(api, incident.id)).filter((row) => row.kind === 'acknowledge' && row.level === 1)).toHaveLength(1);
      } finally {
        await release();
      }
    });
  });
});
