import { Inject, Logger, OnModuleDestroy, UseGuards } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { AuthService, PasswordChangeRequiredError, type Actor } from '@netduty/identity';
import { RealtimePublisher } from '@netduty/platform-realtime';
import type { ClientToServerEvents, ServerToClientEvents } from '@netduty/contracts';
import { ANALYTICS_PULSE_MS, isServerEventId, SOCKET_ROOMS } from '@netduty/contracts';
import { roomsOfScope, scopeFilterOf } from '@netduty/domain';
import { Authenticated } from '../auth/access.decorators';
import { AccessGuard, bearerToken } from '../auth/access.guard';
import { limitInboundEvents } from './socket-event-rate-limit';

interface SocketData {
  actor?: Actor & { mustChangePassword?: boolean };
  expiryTimer?: NodeJS.Timeout;
}
type ConsoleSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * The live channel to consoles. The handshake must carry a valid access token (auth.token) and, from a
 * browser, an allowed Origin; the socket then joins exactly the rooms of its user's scope, plus the
 * user's own room through which a disable or role change closes it. It closes when the token expires;
 * the console reconnects with a refreshed one.
 */
@WebSocketGateway()
@UseGuards(AccessGuard)
export class IncidentsGateway implements OnGatewayInit<Server>, OnGatewayConnection<ConsoleSocket>, OnGatewayDisconnect<ConsoleSocket>, OnModuleDestroy {
  private readonly logger = new Logger(IncidentsGateway.name);
  private pulseTimer: NodeJS.Timeout | undefined;
  private pulseReading = false;
  private lastChanges: number | null = null;

  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly publisher: RealtimePublisher,
  ) {}

  afterInit(server: Server): void {
    this.startAnalyticsPulse(server);
    server.use((socket, next) => {
      const origin = socket.handshake.headers.origin;
      if (origin && !this.config.CORS_ORIGINS.includes(origin)) return next(new Error('origin not allowed'));
      const handshakeAuth = socket.handshake.auth as { token?: unknown };
      const token =
        typeof handshakeAuth.token === 'string' ? handshakeAuth.token : bearerToken(socket.handshake.headers.authorization);
      if (!token) return next(new Error('not authenticated: send auth.token'));
      this.auth
        .authenticate(token)
        .then((actor) => {
          // The same rule as REST: nothing but the password change until it is done, live events included.
          if (actor.mustChangePassword) {
            const refusal = new PasswordChangeRequiredError();
            return next(new Error(`${refusal.code}: ${refusal.message}`));
          }
          const data = socket.data as SocketData;
          data.actor = actor;
          limitInboundEvents(socket, {
            ratePerSecond: this.config.SOCKET_EVENTS_PER_SECOND,
            burst: this.config.SOCKET_EVENT_BURST,
            onAbuse: () => this.logger.warn(`console ${socket.id} (${actor.username}) flooded events past the rate limit: disconnected`),
          });
          const expiresAt = this.auth.expiryOf(token);
          if (expiresAt) {
            data.expiryTimer = setTimeout(() => socket.disconnect(true), Math.max(0, expiresAt.getTime() - Date.now()));
          }
          next();
        })
        .catch((error: Error) => next(new Error(error.message)));
    });
  }

  async handleConnection(socket: ConsoleSocket): Promise<void> {
    const actor = socket.data.actor;
    if (!actor) {
      socket.disconnect(true);
      return;
    }
    const analytics = actor.permissions.includes('analytics.read') ? [SOCKET_ROOMS.analytics] : [];
    const personal = [SOCKET_ROOMS.user(actor.userId), SOCKET_ROOMS.session(actor.sessionId)];
    if ((socket.handshake.auth as { channel?: unknown }).channel === 'analytics') {
      // A wall screen: the batched pulse only, never the per-incident stream.
      if (analytics.length === 0) {
        socket.disconnect(true);
        return;
      }
      await socket.join([...personal, ...analytics]);
      return;
    }
    // The scope's rooms come from its filter, as the publisher's targeting does: nothing else can be joined.
    const scopeRooms = roomsOfScope(scopeFilterOf(actor.scope));
    await socket.join([...personal, ...scopeRooms, ...analytics]);
    await this.replayMissedEvents(socket, scopeRooms);
    this.logger.debug(`console ${socket.id} connected as ${actor.username}`);
  }

  /**
   * A reconnecting console names the last event it saw; what its rooms (as of now) missed since is
   * sent again. Joined first, read second: anything raised meanwhile arrives live or in the replay,
   * possibly both, and the console applies each event id once.
   */
  private async replayMissedEvents(socket: ConsoleSocket, rooms: string[]): Promise<void> {
    const { lastEventId } = socket.handshake.auth as { lastEventId?: unknown };
    if (!isServerEventId(lastEventId)) return;
    try {
      for (const { event, payload, meta } of await this.publisher.missedSince(lastEventId, rooms)) {
        (socket.emit as (event: string, payload: unknown, meta: unknown) => boolean)(event, payload, meta);
      }
    } catch (error) {
      // The console refetches its board on every connect; a replay that fails loses nothing lasting.
      this.logger.warn(`event replay for ${socket.id} failed: ${(error as Error).message}`);
    }
  }

  /**
   * The analytics pulse: every `ANALYTICS_PULSE_MS`, if any process published an incident change since
   * the last look, one `analytics.changed` to this instance's own analytics sockets (each instance
   * serves its own; none relays through Redis). A storm of changes is one frame per period.
   */
  private startAnalyticsPulse(server: Server): void {
    this.pulseTimer = setInterval(() => {
      if (this.pulseReading) return;
      this.pulseReading = true;
      this.publisher
        .incidentChanges()
        .then((changes) => {
          const previous = this.lastChanges;
          this.lastChanges = changes;
          if (previous === null || changes === previous) return;
          server.local.to(SOCKET_ROOMS.analytics).emit('analytics.changed', { at: new Date().toISOString(), changes: Math.max(1, changes - previous) });
        })
        .catch((error: Error) => this.logger.debug(`analytics pulse: ${error.message}`))
        .finally(() => (this.pulseReading = false));
    }, ANALYTICS_PULSE_MS);
    this.pulseTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.pulseTimer) clearInterval(this.pulseTimer);
  }

  handleDisconnect(socket: ConsoleSocket): void {
    if (socket.data.expiryTimer) clearTimeout(socket.data.expiryTimer);
  }

  @SubscribeMessage('clock.sync')
  @Authenticated()
  clockSync(): string {
    return new Date().toISOString();
  }
}
