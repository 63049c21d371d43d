import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { AuditService, AuthService, NotAuthenticatedError, UserAdminService, type Actor, type IssuedSession } from '@netduty/identity';
import { REFRESH_COOKIE, type SessionDto, type UserDto } from '@netduty/contracts';
import { API_PREFIX } from '../api-prefix';
import { Authenticated, Public } from './access.decorators';
import { CurrentActor } from './current-actor.decorator';
import { ChangePasswordBody } from './dto/change-password.body';
import { LoginBody } from './dto/login.body';

const COOKIE_PATH = `/${API_PREFIX}/auth`;

@ApiTags('auth')
@Controller('auth')
// Every /auth route counts against AUTH_RATE_LIMIT_PER_MINUTE per client address, in Redis.
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserAdminService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Log in; sets the rotating refresh cookie and returns a short-lived access token' })
  async login(@Body() body: LoginBody, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const issued = await this.auth.login(body.username, body.password, { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null });
    return this.deliver(issued, response);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Exchange the refresh cookie for a new access token (and a new refresh cookie)' })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const token = (request.cookies as Record<string, string | undefined>)[REFRESH_COOKIE];
    if (!token) {
      // Every console start without a session probes here; that is not an attempt worth a trail line.
      this.audit.skipCurrentRequest();
      throw new NotAuthenticatedError('no refresh cookie');
    }
    try {
      return this.deliver(await this.auth.refresh(token), response);
    } catch (error) {
      response.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated({ allowPendingPasswordChange: true })
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(actor);
    response.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Post('logout-everywhere')
  @HttpCode(204)
  @Authenticated({ allowPendingPasswordChange: true })
  @ApiOperation({ summary: 'End every session of the current user, on every device' })
  async logoutEverywhere(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.users.logoutEverywhere(actor.userId);
    response.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Get('me')
  @Authenticated({ allowPendingPasswordChange: true })
  me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return this.auth.me(actor);
  }

  @Post('change-password')
  @HttpCode(200)
  @Authenticated({ allowPendingPasswordChange: true })
  changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordBody): Promise<UserDto> {
    return this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }

  private deliver(issued: IssuedSession, response: Response): SessionDto {
    response.cookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.COOKIE_SECURE,
      path: COOKIE_PATH,
      expires: issued.refreshTokenExpiresAt,
    });
    return issued.session;
  }
}
