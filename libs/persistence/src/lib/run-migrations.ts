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
