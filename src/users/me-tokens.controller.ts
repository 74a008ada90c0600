import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../common/auth/auth.decorators.js';
import { TokenService } from '../common/auth/token.service.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { ApiTokenView, CreateApiTokenDto, CreatedApiTokenView } from './dto/api-token.view.js';
import { ApiController } from '../common/http/api-controller.js';

/** The signed-in user's API tokens for scripts and integrations. */
@ApiController('users', 'me/tokens')
export class MeTokensController {
  constructor(private readonly tokens: TokenService) {}

  @Get()
  @Allow()
  @ApiOperation({ summary: 'My API tokens, newest first (revoked ones too; never the tokens themselves)' })
  @ApiOkResponse({ type: [ApiTokenView] })
  async list(@CurrentUser() user: AuthUser): Promise<ApiTokenView[]> {
    return (await this.tokens.list(user.id, 'api')).map((t) => ApiTokenView.of(t));
  }

  @Post()
  @Allow()
  @ApiOperation({ summary: 'Create an API token; the answer shows it this once' })
  @ApiCreatedResponse({ type: CreatedApiTokenView })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateApiTokenDto): Promise<CreatedApiTokenView> {
    const { token, record } = await this.tokens.issue(user.id, 'api', undefined, dto.name.trim());
    return { ...ApiTokenView.of(record), token };
  }

  @Delete(':id')
  @Allow()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of my API tokens; it stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was)' })
  @ApiNotFoundResponse({ description: 'I have no token with that id', type: ErrorBody })
  async revoke(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    if (!(await this.tokens.revoke(user.id, id, 'api'))) throw new NotFoundError('API token', id);
  }
}
