import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../users/role.js';
import { DomainError } from '../errors/domain-error.js';
import type { AuthUser } from './auth-user.js';
import { IS_PUBLIC, ROLES } from './auth.decorators.js';
import { TokenService } from './token.service.js';

/** Reads `Authorization: Bearer <token>`, or null when the header is absent or not Bearer. */
export function bearerToken(request: Pick<FastifyRequest, 'headers'>): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * Global guard: every route needs a valid API token unless marked `@Public()`, and the caller's
 * role must be one of the route's `@Allow(...)` roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const token = bearerToken(request);
    if (!token)
      throw new DomainError(401, 'unauthorized', 'Send an API token as "Authorization: Bearer <token>"');
    const user = await this.tokens.resolve(token, 'api');
    if (!user) throw new DomainError(401, 'unauthorized', 'The API token is unknown or revoked');
    request.user = { id: user.id, name: user.name, role: user.role, organizationId: user.organizationId };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles?.length && !roles.includes(user.role)) {
      throw new DomainError(
        403,
        'forbidden',
        `This action needs one of the roles ${roles.join(', ')}; you are ${user.role}`,
      );
    }
    return true;
  }
}
