import { Logger } from '@nestjs/common';
import { ConfigError, loadAppConfig } from '@netduty/platform-config';
import { createApiApp } from './app/bootstrap';
import { explainStartupFailure } from './app/startup-failure';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApiApp(config);
  await app.listen(config.PORT);
  Logger.log(`NetDuty api listening on http://localhost:${config.PORT}/api/v1 (docs: /api/docs)`, 'Bootstrap');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : explainStartupFailure(error));
  process.exit(1);
});
