import { Body, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow, CurrentAccount } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { InviteUserDto } from './dto/invite-user.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { CreatedUserView, InvitedUserView, UserView } from './dto/user.view.js';
import { UsersService } from './users.service.js';
import type { User } from './user.entity.js';
import { ApiController } from '../common/http/api-controller.js';

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

  @Post('users/invitations')
  @Allow('admin')
  @ApiOperation({
    summary: 'Invite a user: creates them and answers a single-use link to set a password',
    description: 'The link opens the console page /invite/<token>; it expires after INVITATION_HOURS.',
  })
  @ApiCreatedResponse({ type: InvitedUserView })
  @ApiNotFoundResponse({ description: 'organizationId names no organization', type: ErrorBody })
  @ApiConflictResponse({ description: 'The email is taken (`email_taken`)', type: ErrorBody })
  @ApiUnprocessableEntityResponse({ description: 'An organizer without an organization', type: ErrorBody })
  async invite(@Body() dto: InviteUserDto): Promise<InvitedUserView> {
    const { user, invitationUrl, expiresAt } = await this.users.invite(dto);
    return { user: UserView.of(user), invitationUrl, expiresAt: expiresAt.toISOString() };
  }

  @Post('users/:id/invitation')
  @Allow('admin')
  @ApiOperation({
    summary:
      'Issue a new invitation link for an existing user (sets or resets the password); the previous link stops working',
  })
  @ApiCreatedResponse({ type: InvitedUserView })
  @ApiNotFoundResponse({ description: 'No such user', type: ErrorBody })
  @ApiUnprocessableEntityResponse({
    description: 'The user has no email (`email_required`)',
    type: ErrorBody,
  })
  async reinvite(@Param('id', ParseUUIDPipe) id: string): Promise<InvitedUserView> {
    const { user, invitationUrl, expiresAt } = await this.users.reinvite(id);
    return { user: UserView.of(user), invitationUrl, expiresAt: expiresAt.toISOString() };
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

  @Get('users')
  @Allow('admin')
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: [UserView] })
  async list(): Promise<UserView[]> {
    return (await this.users.list()).map((u) => UserView.of(u));
  }

  @Get('me')
  @Allow()
  @ApiOperation({ summary: 'The signed-in user (by session cookie or API token)' })
  @ApiOkResponse({ type: UserView })
  me(@CurrentAccount() account: User): UserView {
    return UserView.of(account);
  }
}
