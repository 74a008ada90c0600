import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiToken } from './api-token.entity.js';
import { TokenService } from './token.service.js';

/** Tokens for every module; the guards are registered globally by the HTTP app. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiToken])],
  providers: [TokenService],
  exports: [TokenService],
})
export class AuthModule {}
