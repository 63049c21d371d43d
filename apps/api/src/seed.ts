import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DemoDataModule, DemoSeeder } from '@netduty/demo-data';
import { PlatformModule } from '@netduty/platform';
import { ConfigError, loadAppConfig } from '@netduty/platform-config';
import { explainStartupFailure } from './app/startup-failure';

/** The seed command's own context: the platform plus the demo data, which only it builds. */
@Module({})
class SeedCommandModule {}

/** One-shot: loads the Lạng Sơn demo province into an empty database, then exits. */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await NestFactory.createApplicationContext(
    {
      module: SeedCommandModule,
      imports: [
        PlatformModule.forRoot(config, 'api'),
        DemoDataModule.forRoot({ forcePasswordChange: config.FORCE_PASSWORD_CHANGE }),
      ],
    },
    { logger: ['error', 'warn'] },
  );
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
