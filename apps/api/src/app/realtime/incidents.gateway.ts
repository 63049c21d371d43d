import { Logger } from '@nestjs/common';
import { OnGatewayConnection, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@netduty/contracts';
import { SOCKET_ROOMS } from '@netduty/contracts';

type ConsoleSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * The live channel to consoles. Events are emitted by RealtimePublisher through Redis; this gateway
 * only places each connection in the rooms its scope allows.
 */
@WebSocketGateway()
export class IncidentsGateway implements OnGatewayConnection<ConsoleSocket> {
  private readonly logger = new Logger(IncidentsGateway.name);

  async handleConnection(socket: ConsoleSocket): Promise<void> {
    await socket.join(SOCKET_ROOMS.all);
    this.logger.debug(`console ${socket.id} connected`);
  }

  @SubscribeMessage('clock.sync')
  clockSync(): string {
    return new Date().toISOString();
  }
}
