import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../users/role.js';
import type { User } from '../../users/user.entity.js';
import { ForbiddenError } from '../errors/domain-error.js';
import type { AuthUser } from './auth-user.js';
import { IS_PUBLIC, ROLES } from './auth.decorators.js';
import { RequestAuthenticator } from './request-authenticator.js';
import { RouteMetadata } from '../http/route-metadata.js';

export { bearerToken } from './request-authenticator.js';

/**
 * Global guard: every route needs an API token or a console session (with its CSRF token on
 * writes) unless marked `@Public()`, and the caller's role must be one of the route's
 * `@Allow(...)` roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly isPublic: RouteMetadata<boolean>;
  private readonly roles: RouteMetadata<Role[]>;

  constructor(
    reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {
    this.isPublic = new RouteMetadata(reflector, IS_PUBLIC);
    this.roles = new RouteMetadata(reflector, ROLES);
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http' || this.isPublic.of(context)) return true;
    return this.authenticate(context);
  }

  private async authenticate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser; account?: User }>();
    const { user, via } = await this.authenticator.authenticate(request);
    request.account = user;
    request.user = {
      id: user.id,
      name: user.name,
      role: user.role,
      organizationId: user.organizationId,
      via,
    };

    const roles = this.roles.of(context);
    if (roles?.length && !roles.includes(user.role)) {
      throw new ForbiddenError(
        `This action needs one of the roles ${roles.join(', ')}; you are ${user.role}`,
      );
    }
    return true;
  }
}
