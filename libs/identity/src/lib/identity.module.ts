import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { RealtimeModule } from '@netduty/platform-realtime';
import { AnonymousRefusalAudit } from './audit/anonymous-refusal-audit';
import { AuditModule } from './audit/audit.module';
import { AuthService } from './auth.service';
import { LoginLockout } from './login-lockout';
import { PasswordHasher } from './password-hasher';
import { UserAdminService } from './user-admin.service';

/**
 * Identity and access: accounts, sessions and tokens, the login lockout, user administration and the
 * aggregation of anonymous refusals. Only the api imports it; the worker needs the audit trail alone.
 */
@Module({
  imports: [
    AuditModule,
    RealtimeModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [AuthService, PasswordHasher, LoginLockout, UserAdminService, AnonymousRefusalAudit],
  exports: [AuditModule, JwtModule, AuthService, PasswordHasher, UserAdminService, AnonymousRefusalAudit],
})
export class IdentityModule {}
