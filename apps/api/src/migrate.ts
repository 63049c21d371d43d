import { ConfigError, loadAppConfig } from '@netduty/application';
import { runMigrations } from '@netduty/persistence';
import { explainStartupFailure } from './app/startup-failure';

/** One-shot: applies pending migrations and exits (the compose `migrate` service, the start script). */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const applied = await runMigrations(config.DATABASE_URL);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : explainStartupFailure(error));
  process.exit(1);
});
