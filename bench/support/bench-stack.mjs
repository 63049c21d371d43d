// What every NetDuty benchmark needs: a fresh database migrated and seeded by the built commands, the
// api (and worker) running as their own database login with a random JWT secret, a Redis prefix of
// their own, and a cleanup that removes all of it. Percentiles and a free port besides.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Creates the run's database, migrates and seeds it; returns what the benchmark needs to start processes and clean up. */
export async function benchStack() {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const database = `netduty_bench_${runId}`;
  const prefix = `netduty-bench-${runId}`;
  const ownerUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
  // The api and the worker run as their own login, as in production (migrate creates it; dropped at the end).
  const appRole = `netduty_bench_app_${runId}`;
  const databaseUrl = Object.assign(new URL(ownerUrl), { username: appRole, password: randomBytes(18).toString('hex') }).toString();
  const port = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    MIGRATION_DATABASE_URL: ownerUrl,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    PORT: String(port),
    LOG_LEVEL: process.env.BENCH_LOG_DIR ? 'log' : 'error',
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    FORCE_PASSWORD_CHANGE: 'false',
    PUBLIC_CONSOLE_URL: 'http://127.0.0.1:4200',
  };
  const children = [];

  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const runScript = (script) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, script)], { env: { ...process.env, ...env }, stdio: 'ignore' });
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited ${code}`))));
    });
  await runScript('dist/apps/api/migrate.js');
  await runScript('dist/apps/api/seed.js');

  const base = `http://127.0.0.1:${port}`;
  return {
    database,
    prefix,
    ownerUrl,
    databaseUrl,
    base,
    /**
     * Starts a built process (dist/apps/…/main.js) with the run's environment; stopped by cleanup().
     * BENCH_NODE_ARGS adds node flags to it, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where its time goes.
     */
    start(script) {
      const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
      // BENCH_LOG_DIR keeps each process's log (its stdout) in a file there, e.g. to read the worker's batch timings.
      const logDir = process.env.BENCH_LOG_DIR;
      const stdout = logDir ? openSync(join(logDir, `${basename(dirname(script))}-${children.length}.log`), 'w') : 'ignore';
      const child = spawn(process.execPath, [...nodeArgs, join(ROOT, script)], { env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit'] });
      children.push(child);
      return child;
    },
    async waitHealthy() {
      for (let i = 0; i < 100; i++) {
        try {
          if ((await fetch(`${base}/api/v1/health`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('the api did not become healthy within 20 s');
    },
    async login(username = 'trucban') {
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'NetDuty@2026' }),
      });
      if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
      return (await response.json()).accessToken;
    },
    stop() {
      for (const child of children) child.kill('SIGTERM');
    },
    async cleanup() {
      this.stop();
      // BENCH_KEEP_DATABASE=1 leaves the run's database (and its login) for a look afterwards.
      if (process.env.BENCH_KEEP_DATABASE === '1') {
        console.error(`kept database ${database}`);
        return;
      }
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await new Promise((r) => setTimeout(r, 500));
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await cleanup.query(`DROP ROLE IF EXISTS "${appRole}"`);
      await cleanup.end();
      const redis = new Redis(REDIS_URL);
      for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
      redis.disconnect();
    },
  };
}

/** Times `fn` `samples` times, one after another, after `warmUp` untimed runs: p50 and p95 in ms. */
export async function measureSequential(fn, samples, warmUp = 10) {
  for (let i = 0; i < warmUp; i++) await fn();
  const times = [];
  for (let i = 0; i < samples; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
