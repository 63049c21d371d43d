import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { redisOptionsFromUrl, type AppConfig } from '@netduty/platform-config';
import { socketIoRedisKey } from '@netduty/platform-realtime';
import { watchRedisClient } from '@netduty/platform-redis';

/**
 * socket.io over the Redis adapter: a broadcast from any api instance, or from the worker's emitter,
 * reaches the consoles connected to every api instance.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(app: INestApplicationContext, private readonly config: AppConfig) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.CORS_ORIGINS, credentials: true },
      // Consoles reconnect on their own; a short ping notices a dead network within ~45 s.
      pingInterval: 20_000,
      pingTimeout: 25_000,
    }) as Server;
    const pub = new Redis(redisOptionsFromUrl(this.config.REDIS_URL));
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      watchRedisClient(client, 'socket.io adapter');
      this.clients.push(client);
    }
    server.adapter(createAdapter(pub, sub, { key: socketIoRedisKey(this.config.REDIS_PREFIX) }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map((client) => client.quit().catch(() => undefined)));
  }
}
