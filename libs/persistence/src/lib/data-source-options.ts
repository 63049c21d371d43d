import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The application's own login (a member of netduty_app), on this machine's PostgreSQL. */
export const DEFAULT_DATABASE_URL = 'postgres://netduty_app@127.0.0.1:5432/netduty';
/** The owner of the tables, which runs the migrations (outside production only). */
export const DEFAULT_MIGRATION_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/netduty';

/** The one description of the database, used by the api, the worker, the migration CLI and tests. */
export function dataSourceOptions(url: string, overrides: { poolSize?: number; applicationName?: string } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    poolSize: overrides.poolSize ?? 10,
    applicationName: overrides.applicationName ?? 'netduty',
    extra: { connectionTimeoutMillis: 5000 },
  };
}
