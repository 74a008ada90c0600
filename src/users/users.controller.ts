import { Body, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '../common/auth/auth.decorators.js';
import { Versioned } from '../common/http/versioned.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { CreatedUserView, UserView } from './dto/user.view.js';
import { UsersService } from './users.service.js';
import { User } from './user.entity.js';
import { ApiController } from '../common/http/api-controller.js';

/** Admins manage users; a user's edits are versioned (`ETag`, `If-Match`) like the other dialogs' records. */
@Versioned({ entity: User, what: 'User' })
@ApiController('users')
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

  @Patch('users/:id')
  @Allow('admin')
  @ApiOperation({
    summary: "Change a user's name, role or organization (an organizer needs an organization)",
  })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({
    description: 'No such user, or organizationId names no organization',
    type: ErrorBody,
  })
  @ApiConflictResponse({ description: 'It would leave no admin (`last_admin`)', type: ErrorBody })
  @ApiUnprocessableEntityResponse({ description: 'An organizer without an organization', type: ErrorBody })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return UserView.of(await this.users.update(id, dto));
  }

  @Get('users/:id')
  @Allow('admin')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'No such user', type: ErrorBody })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return UserView.of(await this.users.get(id));
  }

  @Get('users')
  @Allow('admin')
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: [UserView] })
  async list(): Promise<UserView[]> {
    return (await this.users.list()).map((u) => UserView.of(u));
  }
}
