import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * Runs pending migrations under a Postgres advisory lock, so several processes starting at once
 * (N api replicas, a test run) apply each migration exactly once.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, { poolSize: 1, applicationName: 'netduty-migrate' }));
  await dataSource.initialize();
  try {
    await dataSource.query(`SELECT pg_advisory_lock(hashtext('netduty-migrations'))`);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.query(`SELECT pg_advisory_unlock(hashtext('netduty-migrations'))`);
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Creates the database named in `url` when it does not exist yet (local start on a fresh machine),
 * connecting to the server's `postgres` maintenance database with the same credentials.
 */
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) throw new Error(`refusing to create database with unusual name "${name}"`);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const dataSource = new DataSource({ type: 'postgres', url: maintenance.toString(), poolSize: 1 });
  await dataSource.initialize();
  try {
    const rows: unknown[] = await dataSource.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (rows.length > 0) return false;
    await dataSource.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await dataSource.destroy();
  }
}
