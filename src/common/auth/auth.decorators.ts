import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import {
  ApiExtension,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiSecurity,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Role } from '../../users/role.js';
import type { User } from '../../users/user.entity.js';
import { ErrorBody } from '../errors/error-body.js';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';
export const OWNED = 'auth:owned';

/**
 * No token or session needed (health, public listings and feeds, signing in). The anonymous
 * security requirement `{}` becomes `security: []` in the OpenAPI document (openapi-document.ts).
 */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}), ApiExtension('x-roles', ['public']));

/**
 * Who may call this route, in one line: `@Allow('admin', 'planner')`. `@Allow()` with no roles
 * means any signed-in user. Also documents the roles in OpenAPI (the accepted credentials are set
 * on every non-public operation by openapi-document.ts).
 */
export const Allow = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiExtension('x-roles', roles.length ? roles : ['any signed-in user']),
    ApiUnauthorizedResponse({
      description:
        'No valid API token or session (`unauthorized`), or the session expired (`session_expired`)',
      type: ErrorBody,
    }),
    ApiForbiddenResponse({
      description: [
        ...(roles.length ? [`Only for: ${roles.join(', ')} (\`forbidden\`).`] : []),
        'A cookie-authenticated write without the right X-CSRF-Token (`csrf_failed`).',
      ].join(' '),
      type: ErrorBody,
    }),
  );

export interface OwnedOptions<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  /** Word used in the 404 message ("Event 123 was not found"). */
  what: string;
  /** Route parameter holding the id (default `id`). */
  param?: string;
  /** Column holding the owning organization (default `organizationId`). */
  organizationField?: keyof T & string;
}

/**
 * The resource in `:id` belongs to an organization: organizers reach only their own, and
 * another organization's resource answers 404 exactly like a missing one.
 */
export const Owned = <T extends ObjectLiteral>(options: OwnedOptions<T>) =>
  applyDecorators(
    SetMetadata(OWNED, { param: 'id', organizationField: 'organizationId', ...options }),
    ApiNotFoundResponse({
      description: `${options.what} not found (or not visible to you)`,
      type: ErrorBody,
    }),
  );

/** The signed-in user of this request. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/**
 * The signed-in user's whole record, as the auth guard found it: this process's lookup of the
 * API token or session, read at most LOOKUP_TRUST_MS ago (the same record the guard judged the
 * role by).
 */
export const CurrentAccount = createParamDecorator((_data: unknown, ctx: ExecutionContext): User => {
  return ctx.switchToHttp().getRequest<{ account: User }>().account;
});
