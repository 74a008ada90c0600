import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SignInModule } from '../auth/sign-in.module.js';
import { MeController } from './me.controller.js';
import { MeTokensController } from './me-tokens.controller.js';
import { UserInvitationsController } from './user-invitations.controller.js';
import { User } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([User]), SignInModule],
  controllers: [UsersController, UserInvitationsController, MeController, MeTokensController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
