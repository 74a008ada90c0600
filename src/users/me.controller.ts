import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Allow, CurrentAccount } from '../common/auth/auth.decorators.js';
import { ApiController } from '../common/http/api-controller.js';
import { UserView } from './dto/user.view.js';
import type { User } from './user.entity.js';

/**
 * The signed-in user. Its own controller: the console polls it, and it is no admin's edit of a
 * user (no versioning interceptor on the way).
 */
@ApiController('users')
export class MeController {
  @Get('me')
  @Allow()
  @ApiOperation({ summary: 'The signed-in user (by session cookie or API token)' })
  @ApiOkResponse({ type: UserView })
  me(@CurrentAccount() account: User): UserView {
    return UserView.of(account);
  }
}
