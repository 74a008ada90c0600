import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { CreatedUserView, UserView } from './dto/user.view.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('api/v1')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post('users')
  @Allow('admin')
  @ApiOperation({ summary: 'Create a user with one role; answers its API token once' })
  @ApiCreatedResponse({ type: CreatedUserView })
  @ApiNotFoundResponse({ description: 'organizationId names no organization', type: ErrorBody })
  @ApiConflictResponse({ description: 'The email is taken', type: ErrorBody })
  @ApiUnprocessableEntityResponse({ description: 'An organizer without an organization', type: ErrorBody })
  async create(@Body() dto: CreateUserDto): Promise<CreatedUserView> {
    const { user, token } = await this.users.create(dto);
    return { user: UserView.of(user), token };
  }

  @Get('users')
  @Allow('admin')
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: [UserView] })
  async list(): Promise<UserView[]> {
    return (await this.users.list()).map((u) => UserView.of(u));
  }

  @Get('me')
  @Allow()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserView })
  async me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return UserView.of(await this.users.get(user.id));
  }
}
