import { NestFactory } from '@nestjs/core';
import { ApplicationCoreModule, ConfigError, DemoSeeder, loadAppConfig } from '@netduty/application';
import { explainStartupFailure } from './app/startup-failure';

/** One-shot: loads the Lạng Sơn demo province into an empty database, then exits. */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await NestFactory.createApplicationContext(ApplicationCoreModule.forRoot(config, 'api'), {
    logger: ['error', 'warn'],
  });
  try {
    const summary = await app.get(DemoSeeder).seed();
    console.log(
      summary.skipped
        ? 'Demo data already present; nothing seeded'
        : `Seeded Lạng Sơn: ${summary.communes} communes/wards, ${summary.sites} sites, ${summary.clusters} clusters, ${summary.responders} responders, ${summary.incidents} incidents, ${summary.users} demo accounts`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : explainStartupFailure(error));
  process.exit(1);
});
