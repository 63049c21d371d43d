import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@netduty/platform-config';
import { WorkerModule } from './worker.module';

/** The worker: a Nest application context with no HTTP server, running the BullMQ processors. */
export async function createWorker(config: AppConfig, options: { logger?: false } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: options.logger ?? [config.LOG_LEVEL, 'error', 'warn'],
  });
  // SIGTERM closes the BullMQ worker gracefully: the running job finishes, nothing is left locked.
  app.enableShutdownHooks();
  await app.init();
  return app;
}
