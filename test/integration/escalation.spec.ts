import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, Worker } from 'bullmq';
import { EscalationService, redisOptionsFromUrl } from '@netduty/application';
import { SlaProcessor } from '../../apps/worker/src/app/sla.processor';
import { SLA_WORKER_SETTINGS } from '../../apps/worker/src/app/worker-settings';
import { deadlineJobId, SLA_QUEUE, type DeadlineDueJob, type IncidentDto, type SiteSummaryDto } from '@netduty/contracts';
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
import { currentTestEnvironment } from './support/test-environment';

/** Every test here uses 'warning' incidents on a P2 site, whose policy the suite shortens to 2 s. */
const ACK_SECONDS = 2;

async function escalationRows(api: RunningApi, incidentId: string) {
  return api.dataSource.query(
    `SELECT kind, cycle, level FROM escalations WHERE incident_id = $1 ORDER BY kind, cycle, level`,
    [incidentId],
  ) as Promise<{ kind: string; cycle: number; level: number }[]>;
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

  describe('when a worker dies holding a job', () => {
    it('runs the job again elsewhere within seconds, not the 30 s default', async () => {
      // A worker that takes the job and then goes silent: no lock renewal, never finishes — exactly
      // what a SIGKILLed or frozen worker leaves behind in Redis.
      const environment = currentTestEnvironment();
      let release: () => void = () => undefined;
      let tookJob: (taken: { at: number; incidentId: string }) => void = () => undefined;
      const taken = new Promise<{ at: number; incidentId: string }>((resolve) => (tookJob = resolve));
      // Start from an empty queue so the silent worker's one slot goes to this test's deadline.
      const queue = new Queue(SLA_QUEUE, { connection: redisOptionsFromUrl(environment.redisUrl), prefix: `${environment.redisPrefix}:bull` });
      await queue.obliterate({ force: true });
      await queue.close();
      const dead = new Worker<DeadlineDueJob>(
        SLA_QUEUE,
        async (job) => {
          tookJob({ at: Date.now(), incidentId: job.data.incidentId });
          await new Promise<void>((resolve) => (release = resolve));
        },
        {
          connection: redisOptionsFromUrl(environment.redisUrl),
          prefix: `${environment.redisPrefix}:bull`,
          ...SLA_WORKER_SETTINGS,
          skipLockRenewal: true,
          skipStalledCheck: true,
        },
      );
      try {
        const incident = await reportIncident(duty, site, { severity: 'warning', description: 'Worker chết giữa chừng' });
        const { at: takenAt, incidentId } = await taken;
        expect(incidentId).toBe(incident.id);

        const survivor = await spawnWorkerProcess();
        try {
          const { receivedAt } = await firstEscalation(socket, incident, 20_000);
          const recovery = receivedAt - takenAt;
          // Lock expiry plus at most two stalled-check rounds; BullMQ's defaults would take 30–60 s.
          expect(recovery).toBeGreaterThan(SLA_WORKER_SETTINGS.lockDuration - 1000);
          expect(recovery).toBeLessThan(SLA_WORKER_SETTINGS.lockDuration + 2 * SLA_WORKER_SETTINGS.stalledInterval + 1500);
          expect((await escalationRows(api, incident.id)).filter((row) => row.kind === 'acknowledge' && row.level === 1)).toHaveLength(1);
        } finally {
          await survivor.stop();
        }
      } finally {
        release();
        await dead.close(true);
      }
    });
  });
});
