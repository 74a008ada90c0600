import { Body, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/auth/auth.decorators.js';
import {
  clearSessionCookie,
  CSRF_HEADER,
  SAFE_METHODS,
  SESSION_COOKIE,
  sessionCookieOf,
  setSessionCookie,
} from '../common/auth/session-cookie.js';
import { csrfMatches, SessionService } from '../common/auth/session.service.js';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { ForbiddenError, UnauthorizedError } from '../common/errors/domain-error.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { UserView } from '../users/dto/user.view.js';
import { AcceptInvitationDto } from './dto/accept-invitation.dto.js';
import { InvitationView } from './dto/invitation.view.js';
import { SessionView } from './dto/session.view.js';
import { SignInDto } from './dto/sign-in.dto.js';
import { InvitationsService } from './invitations.service.js';
import { JsonBodyOnly } from './json-body-only.guard.js';
import { SignInService, type SignedIn } from './sign-in.service.js';
import { ApiController } from '../common/http/api-controller.js';

const COOKIE_HEADER = {
  'Set-Cookie': {
    description: `${SESSION_COOKIE}=<opaque id>; Path=/; HttpOnly; SameSite=Lax (and Secure in production)`,
    schema: { type: 'string' },
  },
};

/** Console sign-in: sessions behind an HttpOnly cookie, and invitation links. */
@ApiController('auth', 'auth')
export class AuthController {
  constructor(
    private readonly signInService: SignInService,
    private readonly sessions: SessionService,
    private readonly invitations: InvitationsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @UseGuards(JsonBodyOnly)
  @ApiOperation({
    summary: 'Sign in with email and password; sets the session cookie',
    description:
      'Answers the same 401 for a wrong password, an unknown email and a user without a password. ' +
      'After too many failures for the account or the client address within the window, 429 with Retry-After.',
  })
  @ApiConsumes('application/json')
  @ApiOkResponse({ type: SessionView, headers: COOKIE_HEADER })
  @ApiUnauthorizedResponse({ description: '`invalid_credentials`: wrong email or password', type: ErrorBody })
  @ApiTooManyRequestsResponse({ description: '`rate_limited`, with a Retry-After header', type: ErrorBody })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a JSON body', type: ErrorBody })
  async signIn(
    @Body() dto: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    const signedIn = await this.signInService.signIn(dto.email, dto.password, request.ip);
    // A previous session in this browser ends: one cookie, one session.
    const previous = sessionCookieOf(request);
    if (previous) await this.sessions.close(previous);
    return this.started(signedIn, reply);
  }

  @Post('sign-out')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out: ends the session and clears the cookie',
    description:
      'Needs X-CSRF-Token while the session is live; with no live session it only clears the cookie.',
  })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiForbiddenResponse({ description: '`csrf_failed`', type: ErrorBody })
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const cookie = sessionCookieOf(request);
    if (cookie) {
      const found = await this.sessions.resolve(cookie);
      if (
        found.status === 'live' &&
        !SAFE_METHODS.has(request.method) &&
        !csrfMatches(found.session.csrfToken, request.headers[CSRF_HEADER])
      ) {
        throw new ForbiddenError('Signing out needs the X-CSRF-Token header', 'csrf_failed');
      }
      await this.sessions.close(cookie);
    }
    clearSessionCookie(reply, this.config);
  }

  @Get('session')
  @Public()
  @ApiOperation({ summary: 'The current console session: user, CSRF token and expiry' })
  @ApiOkResponse({ type: SessionView })
  @ApiUnauthorizedResponse({
    description: '`unauthorized` (no session) or `session_expired`',
    type: ErrorBody,
  })
  async session(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    const cookie = sessionCookieOf(request);
    if (!cookie) throw new UnauthorizedError('You are not signed in');
    const found = await this.sessions.resolve(cookie);
    if (found.status !== 'live') {
      clearSessionCookie(reply, this.config);
      throw found.status === 'expired'
        ? new UnauthorizedError('Your session has expired; sign in again', 'session_expired')
        : new UnauthorizedError('You are signed out; sign in again');
    }
    return {
      user: UserView.of(found.user),
      csrfToken: found.session.csrfToken,
      expiresAt: found.expiresAt.toISOString(),
    };
  }

  @Get('invitations/:token')
  @Public()
  @ApiOperation({ summary: 'Who an invitation link is for, before setting a password' })
  @ApiOkResponse({ type: InvitationView })
  @ApiNotFoundResponse({ description: 'No such invitation', type: ErrorBody })
  @ApiGoneResponse({ description: '`invitation_expired` or `invitation_used`', type: ErrorBody })
  async invitation(@Param('token') token: string): Promise<InvitationView> {
    const { invitation, user } = await this.invitations.open(token);
    return { email: user.email ?? '', name: user.name, expiresAt: invitation.expiresAt.toISOString() };
  }

  @Post('invitations/:token/accept')
  @Public()
  @HttpCode(200)
  @UseGuards(JsonBodyOnly)
  @ApiOperation({ summary: 'Set the password of an invitation, use it up, and sign in (sets the cookie)' })
  @ApiBody({ type: AcceptInvitationDto })
  @ApiOkResponse({ type: SessionView, headers: COOKIE_HEADER })
  @ApiNotFoundResponse({ description: 'No such invitation', type: ErrorBody })
  @ApiGoneResponse({ description: '`invitation_expired` or `invitation_used`', type: ErrorBody })
  async accept(
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    return this.started(await this.invitations.accept(token, dto.password), reply);
  }

  private started(signedIn: SignedIn, reply: FastifyReply): SessionView {
    setSessionCookie(reply, signedIn.cookie, this.config);
    return {
      user: UserView.of(signedIn.user),
      csrfToken: signedIn.csrfToken,
      expiresAt: signedIn.expiresAt.toISOString(),
    };
  }
}
