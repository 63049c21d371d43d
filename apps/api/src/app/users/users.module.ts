import { Module } from '@nestjs/common';
import { IdentityModule } from '@netduty/identity';
import { UsersController } from './users.controller';

@Module({ imports: [IdentityModule], controllers: [UsersController] })
export class UsersHttpModule {}
