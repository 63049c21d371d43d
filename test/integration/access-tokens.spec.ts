import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { http, login, startApi, testEnv, type RunningApi } from './support/stack';
import { currentTestEnvironment } from './support/test-environment';

/** The constant non-production starts used to sign with before: readable by anyone in the source history. */
const FORMER_CONSTANT_SECRET = 'netduty-development-secret-never-use-in-production';

const API_MAIN = join(__dirname, '../../dist/apps/api/main.js');

/** Runs the built api with the given environment; resolves with its exit code (or 'running') and its output. */
function bootBuiltApi(env: NodeJS.ProcessEnv): Promise<{ outcome: number | 'running'; output: string }> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the api first`);
  const child = spawn(process.execPath, [API_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('NetDuty api listening')) {
        child.kill('SIGKILL');
        resolve({ outcome: 'running', output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => resolve({ outcome: code ?? -1, output }));
  });
}

describe('access tokens', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(() => api.close());

  it('refuses a token signed with the former constant secret, even with genuine claims', async () => {
    const admin = await login(api.baseUrl, 'admin');
    const genuine = new JwtService().decode<{ sub: string; sid: string; ver: number; role: string }>(admin.token);
    const forged = await new JwtService({ secret: FORMER_CONSTANT_SECRET }).signAsync(
      { sub: genuine.sub, sid: genuine.sid, ver: genuine.ver, role: 'admin' },
      { algorithm: 'HS256', expiresIn: 600 },
    );
    const result = await http<{ code: string }>(api.baseUrl, 'GET', '/users', undefined, { authorization: `Bearer ${forged}` });
    expect(result.status).toBe(401);
    expect(result.body.code).toBe('not_authenticated');
    // The genuine token of the same session still works: only the signature differs.
    expect((await http(api.baseUrl, 'GET', '/users', undefined, { authorization: `Bearer ${admin.token}` })).status).toBe(200);
  });

  it('refuses a correctly signed token that lacks exp or any claim the session check relies on', async () => {
    const admin = await login(api.baseUrl, 'admin');
    const jwt = new JwtService({ secret: currentTestEnvironment().jwtSecret });
    const genuine = jwt.decode<{ sub: string; sid: string; ver: number; role: string }>(admin.token);
    const claims = { sub: genuine.sub, sid: genuine.sid, ver: genuine.ver, role: genuine.role };
    const variants: Record<string, object> = {
      'no exp': claims,
      'no sub': { ...claims, sub: undefined },
      'no sid': { ...claims, sid: undefined },
      'no ver': { ...claims, ver: undefined },
      'ver not a number': { ...claims, ver: String(claims.ver) },
    };
    for (const [name, payload] of Object.entries(variants)) {
      const token = await jwt.signAsync(JSON.parse(JSON.stringify(payload)) as object, {
        algorithm: 'HS256',
        ...(name === 'no exp' ? {} : { expiresIn: 600 }),
      });
      const result = await http(api.baseUrl, 'GET', '/auth/me', undefined, { authorization: `Bearer ${token}` });
      expect({ name, status: result.status }).toEqual({ name, status: 401 });
    }
    // The same claims with exp are accepted: the refusals above are about the missing claim alone.
    const complete = await jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: 600 });
    expect((await http(api.baseUrl, 'GET', '/auth/me', undefined, { authorization: `Bearer ${complete}` })).status).toBe(200);
  });

  it.each([
    ['missing', undefined],
    ['shorter than 32 characters', 'x'.repeat(31)],
  ])('refuses to boot when JWT_SECRET is %s, whatever NODE_ENV', async (_case, secret) => {
    for (const nodeEnv of ['development', 'test']) {
      const env = testEnv({ NODE_ENV: nodeEnv, PORT: '0', LOG_LEVEL: 'log' });
      delete env['JWT_SECRET'];
      if (secret !== undefined) env['JWT_SECRET'] = secret;
      const { outcome, output } = await bootBuiltApi(env);
      expect(outcome).toBe(1);
      expect(output).toMatch(/JWT_SECRET: .*at least 32/);
    }
  });
});
