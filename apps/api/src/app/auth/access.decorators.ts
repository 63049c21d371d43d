import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@netduty/contracts';

/** Every route and socket event declares exactly one access rule; undeclared ones are refused. */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated'; allowPendingPasswordChange: boolean }
  | { kind: 'permission'; permission: Permission }
  /** A network management system with its API key (TMF642 routes): see NmsKeyAuthenticated. */
  | { kind: 'nms_key' };

export const ACCESS_RULE = 'netduty:access-rule';

/** No login needed (login itself, health, docs). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any logged-in user; `allowPendingPasswordChange` for the few routes usable before a forced change. */
export const Authenticated = (options: { allowPendingPasswordChange?: boolean } = {}) =>
  SetMetadata(ACCESS_RULE, { kind: 'authenticated', allowPendingPasswordChange: options.allowPendingPasswordChange ?? false } satisfies AccessRule);

export const RequirePermission = (permission: Permission) =>
  SetMetadata(ACCESS_RULE, { kind: 'permission', permission } satisfies AccessRule);
