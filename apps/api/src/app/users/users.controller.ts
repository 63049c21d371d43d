import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UserAdminService } from '@netduty/identity';
import type { UserDto } from '@netduty/contracts';
import { RequirePermission } from '../auth/access.decorators';
import { uuidParam } from '../http/uuid-param.pipe';
import { CreateUserBody } from './dto/create-user.body';
import { ResetPasswordBody } from './dto/reset-password.body';
import { UpdateUserBody } from './dto/update-user.body';

const uuid = uuidParam('id');

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserAdminService) {}

  @Get()
  @RequirePermission('user.manage')
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Post()
  @RequirePermission('user.manage')
  create(@Body() body: CreateUserBody): Promise<UserDto> {
    return this.users.create(body);
  }

  @Get(':id')
  @RequirePermission('user.manage')
  get(@Param('id', uuid) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @RequirePermission('user.manage')
  update(@Param('id', uuid) id: string, @Body() body: UpdateUserBody): Promise<UserDto> {
    return this.users.update(id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @RequirePermission('user.manage')
  resetPassword(@Param('id', uuid) id: string, @Body() body: ResetPasswordBody): Promise<UserDto> {
    return this.users.resetPassword(id, body.newPassword);
  }

  @Post(':id/logout-everywhere')
  @HttpCode(204)
  @RequirePermission('user.manage')
  async logoutEverywhere(@Param('id', uuid) id: string): Promise<void> {
    await this.users.get(id);
    await this.users.logoutEverywhere(id);
  }
}
