import { Module } from '@nestjs/common';
import { IdentityModule } from '@netduty/identity';
import { AuthController } from './auth.controller';

@Module({ imports: [IdentityModule], controllers: [AuthController] })
export class AuthHttpModule {}
