import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeploymentModeDto } from '@netduty/contracts';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/access.decorators';
import { RedisHealthIndicator } from './redis-health.indicator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Read by the console before login too, so the drill banner is on the login screen as well. */
  @Get('mode')
  @Public()
  @ApiOperation({ summary: 'Whether this is a drill (diễn tập) copy of the province: every screen, report and message is then marked' })
  mode(): DeploymentModeDto {
    return { drill: this.config.NETDUTY_DRILL };
  }

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () => this.redis.check('redis'),
    ]);
  }
}
