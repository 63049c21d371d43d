import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { writeFile } from 'node:fs/promises';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';

/** Touches a file every 5 s so a container healthcheck can tell a live worker from a hung one. */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HeartbeatService.name);
  private timer?: NodeJS.Timeout;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    const file = this.config.WORKER_HEARTBEAT_FILE;
    if (!file) return;
    const beat = () =>
      writeFile(file, new Date().toISOString()).catch((error: Error) => this.logger.warn(`heartbeat: ${error.message}`));
    void beat();
    this.timer = setInterval(() => void beat(), 5_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
