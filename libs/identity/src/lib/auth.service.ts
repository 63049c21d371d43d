import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import type { SessionDto, UserDto } from '@netduty/contracts';
import { passwordProblems, permissionsOf, scopeOf } from '@netduty/domain';
import { ClusterEntity, RefreshTokenEntity, SessionFamilyEntity, UserEntity } from '@netduty/persistence';
import { AuditService } from './audit/audit.service';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { InvalidInputError } from '@netduty/platform-errors';
import type { Actor } from './actor';
import { AccountLockedError, NotAuthenticatedError } from './auth-errors';
import { LoginLockout } from './login-lockout';
import { RealtimePublisher } from '@netduty/platform-realtime';
import { PasswordHasher } from './password-hasher';
import { toUserDto } from './user-mapper';

interface AccessTokenClaims {
  sub: string;
  sid: string;
  ver: number;
  role: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every claim the session check relies on, exp included: a token lacking one is not ours. */
function hasRequiredClaims(claims: unknown): claims is AccessTokenClaims & { exp: number } {
  if (typeof claims !== 'object' || claims === null) return false;
  const { sub, sid, ver, exp } = claims as Record<string, unknown>;
  return (
    typeof sub === 'string' && UUID.test(sub) &&
    typeof sid === 'string' && UUID.test(sid) &&
    typeof ver === 'number' && Number.isInteger(ver) &&
    typeof exp === 'number' && Number.isFinite(exp)
  );
}

export interface IssuedSession {
  session: SessionDto;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Logins, sessions and token checks. Access tokens are short-lived JWTs; refresh tokens are opaque,
 * stored hashed, single-use and rotated; a rotated token presented again revokes its whole family.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly lockout: LoginLockout,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
  ) {}

  async login(username: string, password: string, meta: ClientMeta): Promise<IssuedSession> {
    const name = username.trim().toLowerCase();
    // Counted before the hash is checked, so parallel attempts cannot all slip in under the limit.
    const verdict = await this.lockout.begin(name, meta.ip);
    if (!verdict.allowed) {
      await this.audit.record({ action: 'auth.login', outcome: 'denied', statusCode: 429, actorUsername: name, after: { reason: 'locked' } });
      throw new AccountLockedError(verdict.retryAfterSeconds);
    }
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.username = :name', { name })
      .getOne();
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.active) {
      await this.audit.record({
        action: 'auth.login',
        outcome: 'failed',
        statusCode: 401,
        actorUsername: name,
        actorUserId: user?.id ?? null,
        actorRole: user?.role ?? null,
        after: { reason: !user ? 'unknown_user' : !valid ? 'bad_password' : 'disabled' },
      });
      throw new NotAuthenticatedError('wrong username or password, or the account is disabled');
    }
    await this.lockout.succeeded(name, meta.ip);
    return this.dataSource.transaction(async (em) => {
      const family = await em.getRepository(SessionFamilyEntity).save({ userId: user.id, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 400) ?? null });
      await em.getRepository(UserEntity).update({ id: user.id }, { lastLoginAt: new Date() });
      await this.audit.record(
        { action: 'auth.login', entityType: 'user', entityId: user.id, actorUsername: user.username, actorUserId: user.id, actorRole: user.role, after: { sessionId: family.id } },
        em,
      );
      return this.issue(em, user, family.id);
    });
  }

  /**
   * Exchanges a refresh token for a new pair. Presenting an already-used token revokes the family,
   * unless it was rotated less than REFRESH_REUSE_GRACE_SECONDS ago (two tabs racing).
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const stored = await em
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.tokenHash = :hash', { hash: sha256(refreshToken) })
        .getOne();
      if (!stored) return { error: 'unknown refresh token' } as const;
      const family = await em.getRepository(SessionFamilyEntity).findOneByOrFail({ id: stored.familyId });
      if (family.revokedAt) return { error: 'session revoked' } as const;
      // Two tabs of one browser refresh with the same cookie at the same instant: the one that loses the
      // race presents a token rotated a moment ago. Within the grace it gets a pair of its own in the same
      // family (so logging out or a later reuse still ends both); after it, reuse is a theft signal.
      const rotatedWithinGrace =
        stored.usedAt !== null && Date.now() - stored.usedAt.getTime() < this.config.REFRESH_REUSE_GRACE_SECONDS * 1000;
      if (stored.usedAt && !rotatedWithinGrace) {
        await this.revokeFamily(em, family.id, 'refresh token reuse');
        await this.audit.record(
          { action: 'auth.refresh_reuse', outcome: 'denied', statusCode: 401, entityType: 'session', entityId: family.id, actorUserId: family.userId, actorUsername: null },
          em,
        );
        return { error: 'refresh token reuse detected; every session of this login is revoked' } as const;
      }
      if (stored.expiresAt.getTime() <= Date.now()) return { error: 'refresh token expired' } as const;
      const user = await em.getRepository(UserEntity).findOneBy({ id: family.userId });
      if (!user?.active) return { error: 'account disabled' } as const;
      // The first rotation's time stays: presenting the token again never extends its grace.
      if (!stored.usedAt) await em.getRepository(RefreshTokenEntity).update({ id: stored.id }, { usedAt: new Date() });
      return { issued: await this.issue(em, user, family.id) } as const;
    });
    if ('error' in outcome) throw new NotAuthenticatedError(outcome.error ?? 'not authenticated');
    return outcome.issued;
  }

  async logout(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.revokeFamily(em, actor.sessionId, 'logout');
      await this.audit.record({ action: 'auth.logout', entityType: 'session', entityId: actor.sessionId }, em);
    });
  }

  /** Ends every session of the user: families revoked and token version bumped (open sockets close). */
  async logoutEverywhere(userId: string, reason: string, em?: EntityManager): Promise<void> {
    const run = async (manager: EntityManager) => {
      await manager
        .getRepository(SessionFamilyEntity)
        .update({ userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
      await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({ tokenVersion: () => 'token_version + 1' })
        .where('id = :userId', { userId })
        .execute();
    };
    if (em) await run(em);
    else await this.dataSource.transaction(run);
  }

  /** Checks an access token against the database: the user is active and the session still stands. */
  async authenticate(accessToken: string): Promise<Actor & { mustChangePassword: boolean }> {
    let verified: unknown;
    try {
      verified = await this.jwt.verifyAsync<object>(accessToken, { algorithms: ['HS256'] });
    } catch (error) {
      throw new NotAuthenticatedError((error as Error).name === 'TokenExpiredError' ? 'access token expired' : 'invalid access token');
    }
    // jsonwebtoken checks exp only when present; a token without it would never expire.
    if (!hasRequiredClaims(verified)) throw new NotAuthenticatedError('invalid access token');
    const claims = verified;
    const rows: (UserEntity & { revoked_at: Date | null })[] = await this.dataSource.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.phone, u.role, u.operator_code AS "operatorCode",
              u.cluster_id AS "clusterId", u.responder_id AS "responderId", u.active,
              u.token_version AS "tokenVersion", u.must_change_password AS "mustChangePassword", f.revoked_at
         FROM users u JOIN session_families f ON f.user_id = u.id
        WHERE u.id = $1 AND f.id = $2`,
      [claims.sub, claims.sid],
    );
    const user = rows[0];
    if (!user || !user.active || user.tokenVersion !== claims.ver || user.revoked_at) {
      throw new NotAuthenticatedError('session ended');
    }
    return this.actorFor(user, claims.sid);
  }

  /** Expiry of a verified access token (sockets close when it passes). */
  expiryOf(accessToken: string): Date | null {
    const decoded = this.jwt.decode<{ exp?: number } | null>(accessToken);
    return decoded?.exp ? new Date(decoded.exp * 1000) : null;
  }

  async actorFor(user: Pick<UserEntity, 'id' | 'username' | 'displayName' | 'role' | 'operatorCode' | 'clusterId' | 'responderId' | 'mustChangePassword'>, sessionId: string): Promise<Actor & { mustChangePassword: boolean }> {
    let communes: string[] | null = null;
    if (user.role === 'cluster_staff' && user.clusterId) {
      const cluster = await this.dataSource.getRepository(ClusterEntity).findOne({ where: { id: user.clusterId }, relations: { communes: true } });
      communes = cluster?.communes.map((commune) => commune.code) ?? [];
    }
    const scope = scopeOf(user, communes);
    if (!scope) throw new NotAuthenticatedError('this account has no scope: ask an administrator to set its operator or responder');
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      phone: (user as Partial<Pick<UserEntity, 'phone'>>).phone ?? null,
      role: user.role,
      permissions: permissionsOf(user.role),
      scope,
      sessionId,
      mustChangePassword: user.mustChangePassword,
    };
  }

  async me(actor: Actor): Promise<UserDto> {
    return toUserDto(await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: actor.userId }));
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<UserDto> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id: actor.userId })
      .getOneOrFail();
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new InvalidInputError([{ field: 'currentPassword', code: 'not_current_password' }]);
    }
    const problems = passwordProblems(newPassword, user.username, currentPassword);
    if (problems.length > 0) throw new InvalidInputError(problems.map((problem) => ({ field: 'newPassword', ...problem })));
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(UserEntity).update({ id: user.id }, { passwordHash, mustChangePassword: false });
      // Whoever else holds a session of this account (perhaps the reason for the change) is out at once:
      // every request checks its family, so its access and refresh tokens stop with this commit.
      await em
        .getRepository(SessionFamilyEntity)
        .update({ userId: user.id, id: Not(actor.sessionId), revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: 'password changed' });
      await this.audit.record({ action: 'auth.change_password', entityType: 'user', entityId: user.id }, em);
    });
    this.publisher.disconnectOtherSessions(user.id, actor.sessionId);
    return this.me(actor);
  }

  private async revokeFamily(em: EntityManager, familyId: string, reason: string): Promise<void> {
    await em
      .getRepository(SessionFamilyEntity)
      .update({ id: familyId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  private async issue(em: EntityManager, user: UserEntity, familyId: string): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_HOURS * 3600_000);
    await em.getRepository(RefreshTokenEntity).insert({ familyId, tokenHash: sha256(refreshToken), expiresAt: refreshTokenExpiresAt });
    const claims: AccessTokenClaims = { sub: user.id, sid: familyId, ver: user.tokenVersion, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS });
    return {
      session: {
        accessToken,
        accessTokenExpiresAt: new Date(Date.now() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString(),
        user: toUserDto(user),
      },
      refreshToken,
      refreshTokenExpiresAt,
    };
  }
}
