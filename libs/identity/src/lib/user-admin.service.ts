import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CreateUserRequest, UpdateUserRequest, UserDto } from '@netduty/contracts';
import { passwordProblems, ROLE_SCOPE_FIELDS } from '@netduty/domain';
import { ClusterEntity, OperatorEntity, ResponderEntity, UserEntity } from '@netduty/persistence';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { auditableUser, toUserDto } from './user-mapper';
import { AlreadyExistsError, InvalidInputError, NotFoundError, type FieldProblem } from '@netduty/platform-errors';
import { RealtimePublisher } from '@netduty/platform-realtime';

type ScopeFields = Pick<UserEntity, 'role' | 'operatorCode' | 'clusterId' | 'responderId'>;

/** Account administration. Any change to who someone is or may see ends their sessions at once. */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
  ) {}

  async list(): Promise<UserDto[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { role: 'ASC', username: 'ASC' } });
    return users.map(toUserDto);
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new NotFoundError('user', id);
    return toUserDto(user);
  }

  async create(request: CreateUserRequest, options: { mustChangePassword?: boolean } = {}, em?: EntityManager): Promise<UserDto> {
    const username = request.username.trim().toLowerCase();
    const problems: FieldProblem[] = [];
    const passwordIssues = passwordProblems(request.password, username);
    problems.push(...passwordIssues.map((problem) => ({ field: 'password', ...problem })));
    const run = async (manager: EntityManager) => {
      const scope: ScopeFields = {
        role: request.role,
        operatorCode: request.operatorCode ?? null,
        clusterId: request.clusterId ?? null,
        responderId: request.responderId ?? null,
      };
      problems.push(...(await this.scopeProblems(manager, scope)));
      if (problems.length) throw new InvalidInputError(problems);
      if (await manager.getRepository(UserEntity).existsBy({ username })) throw new AlreadyExistsError('username', 'is already taken');
      const saved = await manager.getRepository(UserEntity).save({
        username,
        displayName: request.displayName.trim(),
        phone: request.phone ?? null,
        email: request.email ?? null,
        language: request.language ?? 'vi',
        ...scope,
        passwordHash: await this.hasher.hash(request.password),
        mustChangePassword: options.mustChangePassword ?? true,
      });
      await this.audit.record({ action: 'user.create', entityType: 'user', entityId: saved.id, after: auditableUser(saved) }, manager);
      return toUserDto(saved);
    };
    return em ? run(em) : this.dataSource.transaction(run);
  }

  async update(id: string, change: UpdateUserRequest): Promise<UserDto> {
    const { dto, endSessions } = await this.dataSource.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).createQueryBuilder('user').setLock('pessimistic_write').where('user.id = :id', { id }).getOne();
      if (!user) throw new NotFoundError('user', id);
      const before = auditableUser(user);
      const next: ScopeFields = {
        role: change.role ?? user.role,
        operatorCode: change.operatorCode !== undefined ? change.operatorCode : user.operatorCode,
        clusterId: change.clusterId !== undefined ? change.clusterId : user.clusterId,
        responderId: change.responderId !== undefined ? change.responderId : user.responderId,
      };
      const problems = await this.scopeProblems(em, next);
      if (problems.length) throw new InvalidInputError(problems);
      const scopeChanged =
        next.role !== user.role || next.operatorCode !== user.operatorCode || next.clusterId !== user.clusterId || next.responderId !== user.responderId;
      const disabled = change.active === false && user.active;
      Object.assign(user, {
        ...next,
        displayName: change.displayName?.trim() ?? user.displayName,
        phone: change.phone !== undefined ? change.phone : user.phone,
        email: change.email !== undefined ? change.email : user.email,
        language: change.language ?? user.language,
        active: change.active ?? user.active,
      });
      await em.getRepository(UserEntity).save(user);
      const endSessions = scopeChanged || disabled;
      if (endSessions) await this.auth.logoutEverywhere(id, disabled ? 'account disabled' : 'role or scope changed', em);
      const after = auditableUser(await em.getRepository(UserEntity).findOneByOrFail({ id }));
      await this.audit.record({ action: disabled ? 'user.disable' : 'user.update', entityType: 'user', entityId: id, before, after }, em);
      return { dto: toUserDto(await em.getRepository(UserEntity).findOneByOrFail({ id })), endSessions };
    });
    // After the commit, so a reconnecting console already meets the new state.
    if (endSessions) this.publisher.disconnectUser(id);
    return dto;
  }

  async resetPassword(id: string, newPassword: string): Promise<UserDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new NotFoundError('user', id);
    const problems = passwordProblems(newPassword, user.username);
    if (problems.length) throw new InvalidInputError(problems.map((problem) => ({ field: 'newPassword', ...problem })));
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(UserEntity).update({ id }, { passwordHash, mustChangePassword: true });
      await this.auth.logoutEverywhere(id, 'password reset', em);
      await this.audit.record({ action: 'user.reset_password', entityType: 'user', entityId: id }, em);
    });
    this.publisher.disconnectUser(id);
    return this.get(id);
  }

  async logoutEverywhere(userId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.auth.logoutEverywhere(userId, 'log out everywhere', em);
      await this.audit.record({ action: 'auth.logout_everywhere', entityType: 'user', entityId: userId }, em);
    });
    this.publisher.disconnectUser(userId);
  }

  private async scopeProblems(em: EntityManager, scope: ScopeFields): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const need = ROLE_SCOPE_FIELDS[scope.role];
    if (need.operator && !scope.operatorCode) problems.push({ field: 'operatorCode', code: 'required_for_role', params: { role: scope.role } });
    if (!need.operator && scope.operatorCode) problems.push({ field: 'operatorCode', code: 'not_for_role', params: { role: scope.role } });
    if (!need.operator && scope.clusterId) problems.push({ field: 'clusterId', code: 'not_for_role', params: { role: scope.role } });
    if (need.responder && !scope.responderId) problems.push({ field: 'responderId', code: 'required_for_role', params: { role: scope.role } });
    if (!need.responder && scope.responderId) problems.push({ field: 'responderId', code: 'not_for_role', params: { role: scope.role } });
    if (scope.operatorCode && !(await em.getRepository(OperatorEntity).existsBy({ code: scope.operatorCode }))) {
      problems.push({ field: 'operatorCode', code: 'no_such_record' });
    }
    if (scope.clusterId) {
      const cluster = await em.getRepository(ClusterEntity).findOneBy({ id: scope.clusterId });
      if (!cluster) problems.push({ field: 'clusterId', code: 'no_such_record' });
      else if (cluster.operatorCode !== scope.operatorCode) problems.push({ field: 'clusterId', code: 'other_operator' });
    }
    if (scope.responderId && !(await em.getRepository(ResponderEntity).existsBy({ id: scope.responderId }))) {
      problems.push({ field: 'responderId', code: 'no_such_record' });
    }
    return problems;
  }
}
