import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role, OperatorCode } from '@netduty/contracts';
import { AuthService, ForbiddenError, requestContext, type Actor } from '@netduty/identity';
import { NotFoundError } from '@netduty/platform-errors';

interface RecipientRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  operatorCode: OperatorCode | null;
  clusterId: string | null;
  responderId: string | null;
  mustChangePassword: boolean;
}

/**
 * The person a message was sent to, as an actor: a link or an SMS reply acknowledges as them, with their
 * own role and scope (no session; `sessionId` names the message that carried it). The request's audit
 * context takes them as its actor, so every audit line of the acknowledgement names them.
 */
@Injectable()
export class ActingRecipient {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {}

  async actorFor(userId: string, via: string): Promise<Actor> {
    const [user] = (await this.dataSource.query(
      `SELECT id, username, display_name AS "displayName", role, operator_code AS "operatorCode", cluster_id AS "clusterId",
              responder_id AS "responderId", must_change_password AS "mustChangePassword"
         FROM users WHERE id = $1 AND active`,
      [userId],
    )) as RecipientRow[];
    if (!user) throw new NotFoundError('user', userId);
    const actor = await this.auth.actorFor(user, via);
    return { userId: actor.userId, username: actor.username, displayName: actor.displayName, role: actor.role, permissions: actor.permissions, scope: actor.scope, sessionId: actor.sessionId };
  }

  /** As actorFor, refused when their role may not acknowledge; the request context then names them. */
  async acknowledger(userId: string, via: string): Promise<Actor> {
    const actor = await this.actorFor(userId, via);
    if (!actor.permissions.includes('incident.acknowledge')) throw new ForbiddenError('incident.acknowledge');
    const context = requestContext.current();
    if (context) context.actor = actor;
    return actor;
  }
}
