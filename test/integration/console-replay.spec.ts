import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import { SOCKET_RECONNECTION, ServerEventLedger, type IncidentEscalatedPayload, type ServerEventMeta, type SiteSummaryDto, type SocketHandshakeAuth } from '@netduty/contracts';
import { freePort } from './support/free-port';
import { as, reportIncident, spawnApiProcess, startWorker, type ConsoleSocket, type WorkerProcess } from './support/stack';
import { currentTestEnvironment } from './support/test-environment';

/** 'critical' on a P2 site: a tier no other suite shortens, restored afterwards. */
const SEVERITY = 'critical';
const ACK_SECONDS = 3;
const INCIDENTS = 20;

describe('a console across an api kill -9', () => {
  let port: number;
  let api: WorkerProcess & { baseUrl: string };
  let worker: INestApplicationContext;
  let db: Client;

  beforeAll(async () => {
    port = await freePort();
    api = await spawnApiProcess(port);
    worker = await startWorker();
    db = new Client({ connectionString: currentTestEnvironment().databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    const admin = await as(api.baseUrl, 'admin');
    await admin.request('PUT', `/sla-policies/${SEVERITY}/P2`, { acknowledgeSeconds: 900, restoreSeconds: 28_800 });
    await api.stop();
    await worker.close();
    await db.end();
  }, 30_000);

  it('reconnects within 2 s of the api being back and receives every escalation raised meanwhile exactly once', async () => {
    const admin = await as(api.baseUrl, 'admin');
    expect((await admin.request('PUT', `/sla-policies/${SEVERITY}/P2`, { acknowledgeSeconds: ACK_SECONDS, restoreSeconds: 3600 })).status).toBe(200);
    const duty = await as(api.baseUrl, 'trucban');
    const { body: sites } = await duty.request<SiteSummaryDto[]>('GET', '/sites?q=xa&limit=50');
    const site = sites.find((candidate) => candidate.priority === 'P2');
    if (!site) throw new Error('no P2 site in the demo data');

    // A console as the browser's: reconnecting by itself, sending its last event id, deduplicating.
    const ledger = new ServerEventLedger();
    const applied = new Map<string, number>();
    const socket: ConsoleSocket = io(api.baseUrl, {
      transports: ['websocket'],
      forceNew: true,
      ...SOCKET_RECONNECTION,
      auth: (cb) => cb({ token: duty.session.token, lastEventId: ledger.lastEventId } satisfies SocketHandshakeAuth),
    });
    const connects: number[] = [];
    socket.on('connect', () => connects.push(Date.now()));
    let duplicates = 0;
    socket.on('incident.escalated', (payload: IncidentEscalatedPayload, meta: ServerEventMeta) => {
      if (!ledger.accept(meta)) return void (duplicates += 1);
      applied.set(payload.escalation.id, (applied.get(payload.escalation.id) ?? 0) + 1);
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));

    try {
      // A first escalation while connected gives the console an event id to resume from.
      const warmUp = await reportIncident(duty, site, { severity: SEVERITY, description: 'Trước khi api chết' });
      while (![...applied.keys()].length) await new Promise((resolve) => setTimeout(resolve, 100));
      const incidents = await Promise.all(
        Array.from({ length: INCIDENTS }, (_, n) => reportIncident(duty, site, { severity: SEVERITY, description: `Trong lúc api chết #${n}` })),
      );
      const ids = [warmUp.id, ...incidents.map((incident) => incident.id)];

      api.process.kill('SIGKILL');
      await api.stop();
      // Every deadline lapses and is stored (and announced) while no api is running.
      const stored = async () =>
        (await db.query<{ id: string }>(`SELECT id FROM escalations WHERE incident_id = ANY($1) AND kind = 'acknowledge' AND level = 1`, [ids])).rows;
      while ((await stored()).length < ids.length) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(socket.connected).toBe(false);

      api = await spawnApiProcess(port);
      const backAt = Date.now();
      while (connects.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
      const reconnectMs = (connects[1] ?? Infinity) - backAt;
      expect(reconnectMs).toBeLessThanOrEqual(2000);

      const level1 = (await stored()).map((row) => row.id);
      const until = Date.now() + 10_000;
      while (level1.some((id) => !applied.has(id)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      for (const id of level1) expect(applied.get(id)).toBe(1);
      // Everything this console applied was a stored escalation, each once (replay overlap is deduped).
      expect([...applied.values()].every((count) => count === 1)).toBe(true);
      process.stdout.write(`reconnected ${reconnectMs} ms after the api was back; ${level1.length} escalations replayed, ${duplicates} duplicates dropped\n`);
    } finally {
      socket.disconnect();
    }
  }, 90_000);
});
