import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import createClient from 'openapi-fetch';
import type { ApiPaths } from '@netduty/contracts';
import { DEMO_PASSWORD, startApi, type RunningApi } from './support/stack';

/**
 * The OpenAPI document is part of the wire: committed as apps/api/openapi.json, with types generated
 * from it into libs/contracts (openapi-typescript). `npm run openapi` runs this file with
 * OPENAPI_WRITE=1, which rewrites both from the served document before checking them.
 */
const WORKSPACE = join(__dirname, '../..');
const DOCUMENT_FILE = join(WORKSPACE, 'apps/api/openapi.json');
const TYPES_FILE = join(WORKSPACE, 'libs/contracts/src/lib/openapi.ts');
const REGENERATE = 'run `npm run openapi` to regenerate apps/api/openapi.json and libs/contracts/src/lib/openapi.ts, then commit both';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
}
type OpenApiDocument = { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> } & Record<string, unknown>;

function generatedTypes(documentFile: string): string {
  const cli = join(WORKSPACE, 'node_modules/openapi-typescript/bin/cli.js');
  const header = '// Generated from apps/api/openapi.json by openapi-typescript (`npm run openapi`); do not edit.\n';
  return header + execFileSync(process.execPath, [cli, documentFile], { cwd: WORKSPACE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function operations(document: OpenApiDocument): { method: string; path: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ method, path, operation: item[method] }] : [])),
  );
}

describe('the OpenAPI document', () => {
  let api: RunningApi;
  let served: OpenApiDocument;

  beforeAll(async () => {
    api = await startApi();
    // Parsed here (not with response.json(), whose objects come from another realm than jest's).
    served = JSON.parse(await (await fetch(`${api.baseUrl}/api/docs-json`)).text()) as OpenApiDocument;
    if (process.env['OPENAPI_WRITE'] === '1') {
      writeFileSync(DOCUMENT_FILE, `${JSON.stringify(served, null, 2)}\n`);
      writeFileSync(TYPES_FILE, generatedTypes(DOCUMENT_FILE));
    }
  });

  afterAll(async () => {
    await api.close();
  });

  it('is served exactly as committed in apps/api/openapi.json', () => {
    const committed = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8')) as OpenApiDocument;
    if (!isDeepStrictEqual(served, committed)) {
      const describe = (document: OpenApiDocument) => new Map(operations(document).map(({ method, path, operation }) => [`${method.toUpperCase()} ${path}`, JSON.stringify(operation)]));
      const [now, before] = [describe(served), describe(committed)];
      const changed = [...new Set([...now.keys(), ...before.keys()])].filter((key) => now.get(key) !== before.get(key));
      throw new Error(`The served document drifted from apps/api/openapi.json (operations: ${changed.join(', ') || 'none; schemas or info changed'}): ${REGENERATE}`);
    }
  });

  it('has the generated types of the committed document in libs/contracts', () => {
    const committedTypes = readFileSync(TYPES_FILE, 'utf8');
    if (committedTypes !== generatedTypes(DOCUMENT_FILE)) throw new Error(`libs/contracts/src/lib/openapi.ts is stale: ${REGENERATE}`);
  });

  it('declares bearer security on exactly the operations the guard refuses without a token', async () => {
    const all = operations(served);
    expect(all.length).toBeGreaterThan(30);
    const mismatches: string[] = [];
    for (const { method, path, operation } of all) {
      const declared = (operation.security ?? []).some((requirement) => 'bearer' in requirement);
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const response = await fetch(`${api.baseUrl}${url}`, { method: method.toUpperCase(), headers: { 'content-type': 'application/json' }, body: method === 'get' ? undefined : '{}' });
      const body = (await response.text()).toLowerCase();
      // The guard's own refusal names the header it wants; a public route may still say 401 for its own reasons.
      const refusedByGuard = response.status === 401 && body.includes('authorization: bearer');
      if (declared !== refusedByGuard) mismatches.push(`${method.toUpperCase()} ${path}: security ${declared ? 'declared' : 'absent'}, guard ${refusedByGuard ? 'refuses' : 'lets it through'}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('types a client that logs in and reads the board (openapi-fetch over the generated paths)', async () => {
    const client = createClient<ApiPaths>({ baseUrl: api.baseUrl });
    const login = await client.POST('/api/v1/auth/login', { body: { username: 'trucban', password: DEMO_PASSWORD } });
    expect(login.response.status).toBe(200);
    const token = (login.data as { accessToken?: string } | undefined)?.accessToken;
    expect(typeof token).toBe('string');

    const sla = await client.GET('/api/v1/sla-policies', { headers: { authorization: `Bearer ${token}` } });
    expect(sla.response.status).toBe(200);
    expect(Array.isArray(sla.data)).toBe(true);

    const refused = await client.GET('/api/v1/sla-policies');
    expect(refused.response.status).toBe(401);
  });
});
