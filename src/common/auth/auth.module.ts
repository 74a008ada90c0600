import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TimeModule } from '../time/time.module.js';
import { ApiToken } from './api-token.entity.js';
import { RequestAuthenticator } from './request-authenticator.js';
import { Session } from './session.entity.js';
import { SessionService } from './session.service.js';
import { TokenService } from './token.service.js';

/** Tokens and sessions for every module; the guards are registered globally by the HTTP app. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiToken, Session]), TimeModule],
  providers: [TokenService, SessionService, RequestAuthenticator],
  exports: [TokenService, SessionService, RequestAuthenticator],
})
export class AuthModule {}
