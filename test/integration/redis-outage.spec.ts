import { startPrivateRedis, type PrivateRedis } from './support/private-redis';
import { freePort } from './support/free-port';
import { spawnApiProcess, spawnWorkerProcess, type WorkerProcess } from './support/stack';

const UNAVAILABLE = /"event":"redis\.unavailable"/g;
const RECOVERED = /"event":"redis\.recovered"/g;

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a Redis outage under a running api and worker', () => {
  let redis: PrivateRedis;
  let processes: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const env = { REDIS_URL: redis.url };
    processes = await Promise.all([spawnApiProcess(await freePort(), env), spawnWorkerProcess(env)]);
  }, 60_000);

  afterAll(async () => {
    // How they shut down is not what this suite is about (see the escalation suites); end them outright.
    for (const child of processes) child.process.kill('SIGKILL');
    await Promise.all(processes.map((child) => child.stop()));
    await redis.destroy();
  }, 30_000);

  it('logs one structured warning per process when Redis goes, one line when it is back, and no stack traces', async () => {
    const before = processes.map((child) => child.output().length);
    const since = (index: number) => processes[index]?.output().slice(before[index]) ?? '';

    await redis.stop();
    await waitFor(() => processes.every((_, index) => since(index).includes(`"event":"redis.unavailable"`)), 15_000, 'the outage warning');
    // Several reconnect attempts of every client (api: publisher, lockout, rate limiter, socket.io, queue; worker: queue, worker).
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await redis.start();
    await waitFor(() => processes.every((_, index) => since(index).includes(`"event":"redis.recovered"`)), 15_000, 'the recovery line');

    for (const [index, name] of ['api', 'worker'].entries()) {
      const log = since(index);
      expect({ name, warnings: log.match(UNAVAILABLE)?.length ?? 0, recoveries: log.match(RECOVERED)?.length ?? 0 }).toEqual({ name, warnings: 1, recoveries: 1 });
      expect(log).not.toMatch(/^\s+at /m);
      expect(log).not.toMatch(/Unhandled error event/);
    }
  }, 60_000);
});
