import { freePort } from './support/free-port';
import { connectConsole, http, login, spawnApiProcess, type ConsoleSocket, type WorkerProcess } from './support/stack';

const FLOODERS = 5;
const EVENTS_PER_FLOODER = 40_000;

/** Sends `count` clock.sync events in chunks, yielding between them so the test can watch /health meanwhile. */
async function flood(socket: ConsoleSocket, count: number): Promise<void> {
  for (let sent = 0; sent < count && socket.connected; sent += 500) {
    for (let index = 0; index < 500; index++) socket.emit('clock.sync', () => undefined);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('socket event rate limit', () => {
  // Its own process, as in production: the flood must not share an event loop with the test's clients.
  let api: WorkerProcess & { baseUrl: string };

  beforeAll(async () => {
    api = await spawnApiProcess(await freePort());
  });

  afterAll(() => api.stop());

  it('disconnects sockets flooding clock.sync, while /health stays 200 and a normal console keeps working', async () => {
    const { token } = await login(api.baseUrl, 'trucban');
    const normal = await connectConsole(api.baseUrl, token);
    const flooders = await Promise.all(Array.from({ length: FLOODERS }, () => connectConsole(api.baseUrl, token)));
    try {
      const closedByServer = flooders.map(
        (socket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason))),
      );
      const health: number[] = [];
      let flooding = true;
      const watchHealth = (async () => {
        while (flooding) {
          const response = await fetch(`${api.baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
          health.push(response.status);
          await response.arrayBuffer();
        }
      })();
      const floods = Promise.all(flooders.map((socket) => flood(socket, EVENTS_PER_FLOODER)));
      const reasons = await Promise.race([
        Promise.all(closedByServer),
        new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('the flooding sockets were never disconnected')), 15_000)),
      ]);
      await floods;
      flooding = false;
      await watchHealth;

      expect(reasons).toEqual(Array.from({ length: FLOODERS }, () => 'io server disconnect'));
      expect(health.length).toBeGreaterThan(0);
      expect(health.every((status) => status === 200)).toBe(true);
      // The well-behaved console on the same api is untouched.
      expect(normal.connected).toBe(true);
      await expect(normal.timeout(5000).emitWithAck('clock.sync')).resolves.toEqual(expect.any(String));
      expect((await http(api.baseUrl, 'GET', '/health')).status).toBe(200);
      expect((await http(api.baseUrl, 'GET', '/incidents', undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
    } finally {
      for (const socket of [normal, ...flooders]) socket.disconnect();
    }
  }, 60_000);
});
