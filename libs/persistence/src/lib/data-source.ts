import { DataSource } from 'typeorm';
import { DEFAULT_MIGRATION_DATABASE_URL, dataSourceOptions } from './data-source-options';

/**
 * For the TypeORM CLI, as the owner: `npx typeorm-ts-node-commonjs -d libs/persistence/src/lib/data-source.ts migration:run`
 * (then `node dist/apps/api/migrate.js` sets up the application's login; the migrate command does both).
 */
export default new DataSource(
  dataSourceOptions(process.env['MIGRATION_DATABASE_URL'] ?? DEFAULT_MIGRATION_DATABASE_URL, { applicationName: 'netduty-cli' }),
);
