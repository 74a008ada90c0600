import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { NotFoundError } from '../errors/domain-error.js';
import { seesAllOrganizations, type AuthUser } from './auth-user.js';
import { OWNED, type OwnedOptions } from './auth.decorators.js';
import { RouteMetadata } from '../http/route-metadata.js';

/**
 * Enforces `@Owned(...)`: the resource in the route must exist and, for organizers, belong to
 * their organization; otherwise 404, so an organizer cannot even learn that it exists.
 */
@Injectable()
export class OwnershipGuard implements CanActivate {
  private readonly owned: RouteMetadata<Required<OwnedOptions<ObjectLiteral>>>;

  constructor(
    reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.owned = new RouteMetadata(reflector, OWNED);
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const owned = context.getType() === 'http' ? this.owned.of(context) : undefined;
    return owned ? this.check(context, owned) : true;
  }

  private async check(
    context: ExecutionContext,
    owned: Required<OwnedOptions<ObjectLiteral>>,
  ): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ user?: AuthUser; params: Record<string, string> }>();
    const id = request.params[owned.param];
    const user = request.user;
    const row = await this.dataSource.getRepository(owned.entity).findOne({
      where: { id },
      select: { id: true, [owned.organizationField]: true },
    });
    const visible =
      row && user && (seesAllOrganizations(user) || row[owned.organizationField] === user.organizationId);
    if (!visible) throw new NotFoundError(owned.what, id);
    return true;
  }
}
