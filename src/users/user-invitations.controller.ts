import { Body, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { ApiController } from '../common/http/api-controller.js';
import { InviteUserDto } from './dto/invite-user.dto.js';
import { InvitedUserView, UserView } from './dto/user.view.js';
import { UsersService } from './users.service.js';

/**
 * Invitations: a new user with a link to set a password, or a new link for an existing user. A
 * link is not an edit of the user's record, so these writes take no `If-Match`.
 */
@ApiController('users')
export class UserInvitationsController {
  constructor(private readonly users: UsersService) {}

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
}
