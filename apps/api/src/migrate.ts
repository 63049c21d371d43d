import { ConfigError, loadAppConfig } from '@netduty/application';
import { createDatabaseIfMissing, runMigrations } from '@netduty/persistence';
import { explainStartupFailure } from './app/startup-failure';

/**
 * One-shot: applies pending migrations and exits (the compose `migrate` service, the start script).
 * `--create-database` first creates the database itself when missing (local start only).
 */
async function main(): Promise<void> {
  const config = loadAppConfig();
  if (process.argv.includes('--create-database') && (await createDatabaseIfMissing(config.DATABASE_URL))) {
    console.log(`Created database ${new URL(config.DATABASE_URL).pathname.slice(1)}`);
  }
  const applied = await runMigrations(config.DATABASE_URL);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : explainStartupFailure(error));
  process.exit(1);
});
