import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Socket } from 'socket.io';
import { AuthService, ForbiddenError, NotAuthenticatedError, PasswordChangeRequiredError, requestContext, type Actor } from '@netduty/identity';
import { can } from '@netduty/domain';
import { ACCESS_RULE, type AccessRule } from './access.decorators';
import type { AuthenticatedRequest } from './current-actor.decorator';

type PendingActor = Actor & { mustChangePassword?: boolean };

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * The one gate for every route and socket event: finds its declared rule (refusing undeclared ones),
 * authenticates the caller against the database and checks the role's permission.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw new ForbiddenError(`undeclared access rule for ${context.getClass().name}.${context.getHandler().name}`);
    if (rule.kind === 'public') return true;
    // Not a person: the route's own NmsKeyGuard, declared with the rule (NmsKeyAuthenticated), checks the key.
    if (rule.kind === 'nms_key') return true;

    const actor = context.getType() === 'ws' ? this.socketActor(context) : await this.httpActor(context);
    if (actor.mustChangePassword && !(rule.kind === 'authenticated' && rule.allowPendingPasswordChange)) {
      throw new PasswordChangeRequiredError();
    }
    if (rule.kind === 'permission' && !can(actor.role, rule.permission)) throw new ForbiddenError(rule.permission);
    return true;
  }

  private async httpActor(context: ExecutionContext): Promise<PendingActor> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new NotAuthenticatedError('log in first: send Authorization: Bearer <access token>');
    const actor = await this.auth.authenticate(token);
    request.actor = actor;
    const store = requestContext.current();
    if (store) store.actor = actor;
    return actor;
  }

  private socketActor(context: ExecutionContext): PendingActor {
    const socket = context.switchToWs().getClient<Socket>();
    const actor = (socket.data as { actor?: PendingActor }).actor;
    if (!actor) throw new NotAuthenticatedError('socket is not authenticated');
    return actor;
  }
}
