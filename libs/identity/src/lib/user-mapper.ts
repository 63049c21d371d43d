import type { UserDto } from '@netduty/contracts';
import { permissionsOf } from '@netduty/domain';
import type { UserEntity } from '@netduty/persistence';

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    phone: user.phone,
    email: user.email,
    language: user.language,
    role: user.role,
    operatorCode: user.operatorCode,
    clusterId: user.clusterId,
    responderId: user.responderId,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    permissions: permissionsOf(user.role),
  };
}

/** What the audit trail keeps of a user: never the password hash. */
export function auditableUser(user: UserEntity): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...user };
  delete copy['passwordHash'];
  return copy;
}
