import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './free-port';

const run = promisify(execFile);

/** A Redis server of the test's own, for faults (FLUSHALL, a stop) that must not touch the shared one. */
export interface PrivateRedis {
  url: string;
  port: number;
  /** A plain client for the test's own commands (FLUSHALL, DBSIZE). */
  client: Redis;
  /** Stops the server (SIGTERM) and waits until its port refuses connections. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (no persistence). */
  start(): Promise<void>;
  /** Stops it for good and removes its directory. */
  destroy(): Promise<void>;
}

async function waitForPing(port: number, up: boolean): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const answered = await run('redis-cli', ['-p', String(port), 'ping']).then(
      ({ stdout }) => stdout.trim() === 'PONG',
      () => false,
    );
    if (answered === up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis on port ${port} did not come ${up ? 'up' : 'down'}`);
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'netduty-redis-'));
  const port = await freePort();
  const pidfile = join(dir, 'redis.pid');
  const start = async () => {
    await run('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
      '--dir', dir, '--daemonize', 'yes', '--pidfile', pidfile,
    ]);
    await waitForPing(port, true);
  };
  const stop = async () => {
    const pid = Number((await readFile(pidfile, 'utf8').catch(() => '')).trim());
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await waitForPing(port, false);
  };
  await start();
  const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: null });
  client.on('error', () => undefined);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    client,
    start,
    stop,
    destroy: async () => {
      client.disconnect();
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
