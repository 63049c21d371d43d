import '../../integration/support/register-paths';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../integration/support/free-port';
import { createTestEnvironment } from '../../integration/support/test-database';
import type { TestEnvironment } from '../../integration/support/test-environment';

const WORKSPACE = join(__dirname, '../../..');

export interface BrowserStack {
  environment: TestEnvironment;
  processes: ChildProcess[];
}

declare global {
  var netdutyBrowserStack: BrowserStack | undefined;
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: WORKSPACE, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', (code, signal) => {
    // 143 = 128 + SIGTERM: how Vite's preview server reports the teardown's SIGTERM.
    if (signal !== 'SIGTERM' && code !== 0 && code !== 143) console.error(`[browser stack] ${name} exited (${code ?? signal}):\n${output}`);
  });
  return child;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${lastError})`);
}

/**
 * The whole stack for the browser suite, as a newcomer runs it: the built api and worker as their own
 * processes against this run's database, and the built console served by Vite's preview server.
 */
export default async function globalSetup(): Promise<void> {
  for (const built of ['dist/apps/api/main.js', 'dist/apps/worker/main.js', 'dist/apps/console/index.html']) {
    if (!existsSync(join(WORKSPACE, built))) throw new Error(`${built} is missing: run the build first`);
  }
  const environment = await createTestEnvironment();
  const [apiPort, consolePort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: environment.redisUrl,
    REDIS_PREFIX: environment.redisPrefix,
    JWT_SECRET: environment.jwtSecret,
    PORT: String(apiPort),
    CORS_ORIGINS: `http://127.0.0.1:${consolePort}`,
    LOG_LEVEL: 'warn',
  };
  const processes = [
    start('api', process.execPath, ['dist/apps/api/main.js'], env),
    start('worker', process.execPath, ['dist/apps/worker/main.js'], env),
    start(
      'console',
      process.execPath,
      [join(WORKSPACE, 'node_modules/vite/bin/vite.js'), 'preview', '--config', 'apps/console/vite.config.mts', '--port', String(consolePort), '--strictPort', '--host', '127.0.0.1'],
      { ...env, NETDUTY_API_URL: `http://127.0.0.1:${apiPort}` },
    ),
  ];
  globalThis.netdutyBrowserStack = { environment, processes };
  await waitFor(`http://127.0.0.1:${apiPort}/api/v1/health`, 30_000);
  await waitFor(`http://127.0.0.1:${consolePort}/`, 30_000);
  process.env['CONSOLE_URL'] = `http://127.0.0.1:${consolePort}`;
}
