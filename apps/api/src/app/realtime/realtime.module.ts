import { Module } from '@nestjs/common';
import { IdentityModule } from '@netduty/identity';
import { RealtimeModule } from '@netduty/platform-realtime';
import { IncidentsGateway } from './incidents.gateway';

/** The console's socket: authenticated by the identity area, fed by the realtime publisher through Redis. */
@Module({ imports: [IdentityModule, RealtimeModule], providers: [IncidentsGateway] })
export class RealtimeHttpModule {}
