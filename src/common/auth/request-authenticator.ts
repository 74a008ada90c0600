import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../errors/domain-error.js';
import type { User } from '../../users/user.entity.js';
import { CSRF_HEADER, SAFE_METHODS, sessionCookieOf } from './session-cookie.js';
import { csrfMatches, SessionService } from './session.service.js';
import { TokenService } from './token.service.js';

/** Reads `Authorization: Bearer <token>`, or null when the header is absent or not Bearer. */
export function bearerToken(request: Pick<FastifyRequest, 'headers'>): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

export interface Authenticated {
  user: User;
  via: 'token' | 'session';
}

/**
 * Who sent a request: an API token in `Authorization: Bearer` (scripts; no CSRF token needed,
 * since a browser never adds that header by itself) or the console's session cookie, in which
 * case any method but GET/HEAD/OPTIONS must echo the session's CSRF token in `X-CSRF-Token`.
 * Throws the 401 or 403 to answer.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
  ) {}

  async authenticate(
    request: FastifyRequest,
    options: { csrf?: 'header' | ((request: FastifyRequest) => boolean) } = {},
  ): Promise<Authenticated> {
    const token = bearerToken(request);
    if (token) {
      const user = await this.tokens.resolve(token, 'api');
      if (!user) throw new UnauthorizedError('The API token is unknown or revoked');
      return { user, via: 'token' };
    }
    const cookie = sessionCookieOf(request);
    if (!cookie) {
      throw new UnauthorizedError(
        'Sign in to the console, or send an API token as "Authorization: Bearer <token>"',
      );
    }
    const found = await this.sessions.resolve(cookie);
    if (found.status === 'expired') {
      throw new UnauthorizedError('Your session has expired; sign in again', 'session_expired');
    }
    if (found.status === 'unknown') {
      throw new UnauthorizedError('You are signed out; sign in again');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const passes =
        csrfMatches(found.session.csrfToken, header) ||
        (typeof options.csrf === 'function' && options.csrf(request));
      if (!passes) {
        throw new ForbiddenError(
          'A signed-in change needs the X-CSRF-Token header from /api/v1/auth/session',
          'csrf_failed',
        );
      }
    }
    return { user: found.user, via: 'session' };
  }
}
