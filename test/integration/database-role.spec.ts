import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { startApi, testEnv, type RunningApi } from './support/stack';
import { queryAsOwner } from './support/test-database';
import { currentTestEnvironment } from './support/test-environment';

describe('the application database role', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(() => api.close());

  async function count(table: string): Promise<number> {
    const [row] = await api.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  }

  it('is a login of its own: not a superuser, owning no table, unable to create one', async () => {
    const [role] = await api.dataSource.query(`
      SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls,
        (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned
      FROM pg_roles WHERE rolname = current_user`);
    expect(role).toEqual({ name: currentTestEnvironment().appRole, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, owned: 0 });
    await expect(api.dataSource.query(`CREATE TABLE intruder (id int)`)).rejects.toThrow(/permission denied for schema public/);
  });

  it('cannot switch off the triggers that keep the audit trail and the timeline append-only', async () => {
    const before = { audit: await count('audit_log'), timeline: await count('incident_events') };
    expect(before.audit).toBeGreaterThan(0);
    expect(before.timeline).toBeGreaterThan(0);

    await expect(api.dataSource.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied to set parameter/);
    for (const trigger of ['audit_log_append_only', 'audit_log_no_truncate', 'ALL', 'USER']) {
      await expect(api.dataSource.query(`ALTER TABLE audit_log DISABLE TRIGGER ${trigger}`)).rejects.toThrow(/must be owner/);
    }
    for (const trigger of ['incident_events_append_only', 'ALL']) {
      await expect(api.dataSource.query(`ALTER TABLE incident_events DISABLE TRIGGER ${trigger}`)).rejects.toThrow(/must be owner/);
    }
    for (const [table, column] of [['audit_log', 'action'], ['incident_events', 'actor']]) {
      await expect(api.dataSource.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
      await expect(api.dataSource.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
      await expect(api.dataSource.query(`UPDATE ${table} SET ${column} = 'rewritten'`)).rejects.toThrow(/permission denied/);
      await expect(api.dataSource.query(`ALTER TABLE ${table} OWNER TO CURRENT_USER`)).rejects.toThrow(/must be owner/);
      await expect(api.dataSource.query(`DROP TABLE ${table}`)).rejects.toThrow(/must be owner/);
    }
    // Nor can it raise itself to the owner's rights.
    await expect(api.dataSource.query(`SET ROLE postgres`)).rejects.toThrow(/permission denied to set role/);

    expect({ audit: await count('audit_log'), timeline: await count('incident_events') }).toEqual(before);
  });

  it('may write nothing but new rows to the audit trail and the timeline, and may not truncate any table', async () => {
    const privileges = await api.dataSource.query(`
      SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) AS granted
      FROM information_schema.table_privileges
      WHERE table_schema = 'public' AND table_name IN ('audit_log', 'incident_events') AND grantee = 'netduty_app'
      GROUP BY table_name ORDER BY table_name`);
    expect(privileges).toEqual([
      { table_name: 'audit_log', granted: 'INSERT,SELECT' },
      { table_name: 'incident_events', granted: 'INSERT,SELECT' },
    ]);
    const truncatable = await api.dataSource.query(`
      SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND has_table_privilege(current_user, c.oid, 'TRUNCATE')`);
    expect(truncatable).toEqual([]);
    await expect(api.dataSource.query(`SELECT * FROM typeorm_migrations`)).rejects.toThrow(/permission denied/);
  });

  it('gets the ordinary privileges on a table a later migration creates, and still no TRUNCATE', async () => {
    await queryAsOwner(`CREATE TABLE later_feature (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)`);
    try {
      await api.dataSource.query(`INSERT INTO later_feature (note) VALUES ('a'), ('b')`);
      await api.dataSource.query(`UPDATE later_feature SET note = 'c' WHERE note = 'a'`);
      await api.dataSource.query(`DELETE FROM later_feature WHERE note = 'b'`);
      expect(await api.dataSource.query(`SELECT note FROM later_feature`)).toEqual([{ note: 'c' }]);
      await expect(api.dataSource.query(`TRUNCATE later_feature`)).rejects.toThrow(/permission denied/);
    } finally {
      await queryAsOwner(`DROP TABLE later_feature`);
    }
  });

  it('is what the api and the worker insist on: as a superuser they refuse to start, saying why', async () => {
    const owner = { DATABASE_URL: currentTestEnvironment().ownerDatabaseUrl };
    for (const main of ['dist/apps/api/main.js', 'dist/apps/worker/main.js']) {
      const { code, output } = await runToExit(main, testEnv(owner));
      expect({ main, code }).toEqual({ main, code: 1 });
      expect(output).toMatch(/DATABASE_URL's user is postgres, a superuser/);
    }
  });
});

/** Runs a built entry point and collects what it printed until it exits. */
async function runToExit(main: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(__dirname, '../..', main)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}
