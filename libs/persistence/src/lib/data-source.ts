import { DataSource } from 'typeorm';
import { DEFAULT_DATABASE_URL, dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI: `npx typeorm-ts-node-commonjs -d libs/persistence/src/lib/data-source.ts migration:run`. */
export default new DataSource(dataSourceOptions(process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL, { applicationName: 'netduty-cli' }));
