import { ConfigError, loadAppConfig } from '@netduty/platform-config';
import { createDatabaseIfMissing, DEFAULT_MIGRATION_DATABASE_URL, provisionApplicationLogin, runMigrations } from '@netduty/platform';
import { explainStartupFailure } from './app/startup-failure';

/**
 * One-shot (the compose `migrate` service, the start script): as the owner (MIGRATION_DATABASE_URL),
 * applies pending migrations, then makes DATABASE_URL's user a login in the netduty_app role with the
 * password that URL carries — re-run on every deploy, so a changed password takes effect.
 * `--create-database` first creates the database itself when missing (local start only).
 */
async function main(): Promise<void> {
  const config = loadAppConfig();
  if (!config.MIGRATION_DATABASE_URL && config.NODE_ENV === 'production') {
    throw new ConfigError(['MIGRATION_DATABASE_URL: is required in production (the owner of the tables; DATABASE_URL is the application\'s own user)']);
  }
  const ownerUrl = config.MIGRATION_DATABASE_URL ?? DEFAULT_MIGRATION_DATABASE_URL;
  if (new URL(ownerUrl).pathname !== new URL(config.DATABASE_URL).pathname) {
    throw new ConfigError(['MIGRATION_DATABASE_URL and DATABASE_URL must name the same database']);
  }
  if (process.argv.includes('--create-database') && (await createDatabaseIfMissing(ownerUrl))) {
    console.log(`Created database ${new URL(ownerUrl).pathname.slice(1)}`);
  }
  const applied = await runMigrations(ownerUrl);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
  const login = await provisionApplicationLogin(ownerUrl, config.DATABASE_URL);
  console.log(`The api and the worker connect as ${login} (privileges of netduty_app)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : explainStartupFailure(error));
  process.exit(1);
});
