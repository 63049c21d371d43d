import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@netduty/identity';

export type AuthenticatedRequest = { actor?: Actor & { mustChangePassword?: boolean } };

/** The authenticated caller, put on the request by AccessGuard. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CurrentActor used on a route without an authenticated rule');
  return request.actor;
});
