import '../../integration/support/register-paths';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../integration/support/free-port';
import { createTestEnvironment, destroyTestEnvironment } from '../../integration/support/test-database';
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

export interface StartedBrowserStack extends BrowserStack {
  consoleUrl: string;
  apiUrl: string;
}

/**
 * The whole stack for the browser suite, as a newcomer runs it: the built api and worker as their own
 * processes against a fresh database, and the built console served by Vite's preview server. `drill`:
 * a drill copy (NETDUTY_DRILL=true on a …_drill database and prefix), as `npm run drill` starts one;
 * a suite may start one of its own beside the shared stack (drill.e2e.ts) and stop it with stopBrowserStack.
 */
export async function startBrowserStack(options: { drill?: boolean } = {}): Promise<StartedBrowserStack> {
  for (const built of ['dist/apps/api/main.js', 'dist/apps/worker/main.js', 'dist/apps/console/index.html']) {
    if (!existsSync(join(WORKSPACE, built))) throw new Error(`${built} is missing: run the build first`);
  }
  const environment = await createTestEnvironment(options);
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
    NETDUTY_DRILL: options.drill ? 'true' : 'false',
  };
  // --bypass-lock: Vite allows one preview server per project unless told; a drill stack runs a second one.
  const processes = [
    start('api', process.execPath, ['dist/apps/api/main.js'], env),
    start('worker', process.execPath, ['dist/apps/worker/main.js'], env),
    start(
      'console',
      process.execPath,
      [join(WORKSPACE, 'node_modules/vite/bin/vite.js'), 'preview', '--config', 'apps/console/vite.config.mts', '--port', String(consolePort), '--strictPort', '--host', '127.0.0.1', '--bypass-lock'],
      { ...env, NETDUTY_API_URL: `http://127.0.0.1:${apiPort}` },
    ),
  ];
  const stack = { environment, processes, consoleUrl: `http://127.0.0.1:${consolePort}`, apiUrl: `http://127.0.0.1:${apiPort}` };
  try {
    await waitFor(`${stack.apiUrl}/api/v1/health`, 30_000);
    await waitFor(`${stack.consoleUrl}/`, 30_000);
  } catch (error) {
    await stopBrowserStack(stack);
    throw error;
  }
  return stack;
}

/** Stops the processes, then drops the database and the Redis keys. */
export async function stopBrowserStack(stack: BrowserStack): Promise<void> {
  await Promise.all(
    stack.processes.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  await destroyTestEnvironment(stack.environment);
}

export default async function globalSetup(): Promise<void> {
  const stack = await startBrowserStack();
  globalThis.netdutyBrowserStack = { environment: stack.environment, processes: stack.processes };
  process.env['CONSOLE_URL'] = stack.consoleUrl;
}
