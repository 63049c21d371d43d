import { Module } from '@nestjs/common';
import { RealtimePublisher } from './realtime-publisher';

/** Publishes server events to every api instance's sockets through Redis. */
@Module({
  providers: [RealtimePublisher],
  exports: [RealtimePublisher],
})
export class RealtimeModule {}
