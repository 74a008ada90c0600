import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TimeModule } from '../common/time/time.module.js';
import { User } from '../users/user.entity.js';
import { AuthController } from './auth.controller.js';
import { Invitation } from './invitation.entity.js';
import { InvitationsService } from './invitations.service.js';
import { SignInFailure } from './sign-in-failure.entity.js';
import { SignInLimiter } from './sign-in-limiter.js';
import { SignInService } from './sign-in.service.js';

/** Console sign-in, sign-out, the session and invitation links (imported by the users feature). */
@Module({
  imports: [TypeOrmModule.forFeature([User, Invitation, SignInFailure]), TimeModule],
  controllers: [AuthController],
  providers: [SignInService, SignInLimiter, InvitationsService],
  exports: [InvitationsService],
})
export class SignInModule {}
