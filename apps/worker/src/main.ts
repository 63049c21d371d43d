import { Logger } from '@nestjs/common';
import { ConfigError, loadAppConfig } from '@netduty/platform-config';
import { createWorker } from './app/bootstrap';

async function main(): Promise<void> {
  const config = loadAppConfig();
  await createWorker(config);
  Logger.log(`NetDuty worker running (queue prefix ${config.REDIS_PREFIX}:bull, concurrency ${config.WORKER_CONCURRENCY})`, 'Bootstrap');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Worker startup failed: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
