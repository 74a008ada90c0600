import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { InvitationsService, type IssuedInvitation } from '../auth/invitations.service.js';
import { hashPassword, passwordProblem } from '../common/auth/password.js';
import { SessionService } from '../common/auth/session.service.js';
import { TokenService } from '../common/auth/token.service.js';
import {
  ConflictError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from '../common/errors/domain-error.js';
import { assertIfMatch, NEXT_VERSION } from '../common/http/if-match.js';
import { rejectNulls } from '../common/http/reject-nulls.js';
import { forUpdate, lockRow } from '../infra/database/lock-row.js';
import { newId } from '../infra/database/new-id.js';
import { Organization } from '../organizations/organization.entity.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { InviteUserDto } from './dto/invite-user.dto.js';
import { USER_REQUIRED_FIELDS, type UpdateUserDto } from './dto/update-user.dto.js';
import type { Role } from './role.js';
import { User } from './user.entity.js';

const organizationRequired = () =>
  new UnprocessableError(
    'organization_required',
    'An organizer must belong to an organization: give organizationId',
  );

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly invitations: InvitationsService,
  ) {}

  /**
   * Creates the user and its first API token, in one transaction; with `password` the user can
   * also sign in to the console.
   */
  async create(
    dto: CreateUserDto,
    options: { password?: string } = {},
  ): Promise<{ user: User; token: string }> {
    const passwordHash = options.password === undefined ? null : await this.newPasswordHash(options.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insert(manager, dto, passwordHash);
      const { token } = await this.tokens.issue(user.id, 'api', manager, 'first token');
      return { user: await manager.findOneByOrFail(User, { id: user.id }), token };
    });
  }

  /** Creates a user without a password or token and an invitation link to set the password. */
  async invite(dto: InviteUserDto): Promise<{ user: User } & IssuedInvitation> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insert(manager, dto, null);
      const issued = await this.invitations.issue(user.id, manager);
      return { user: await manager.findOneByOrFail(User, { id: user.id }), ...issued };
    });
  }

  /** A new invitation link for an existing user (to set or reset the password); ends the previous link. */
  async reinvite(id: string): Promise<{ user: User } & IssuedInvitation> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id });
      if (!user) throw new NotFoundError('User', id);
      if (!user.email) {
        throw new UnprocessableError('email_required', 'The user has no email; set one before inviting them');
      }
      return { user, ...(await this.invitations.issue(user.id, manager)) };
    });
  }

  /** Changes name, role or organization under the rules of creation; keeps at least one admin. */
  async update(id: string, dto: UpdateUserDto): Promise<User> {
    rejectNulls(dto, USER_REQUIRED_FIELDS);
    const updated = await this.dataSource.transaction(async (manager) => {
      // Only a new non-admin role can demote an admin: such an edit locks every admin first.
      const admins = dto.role !== undefined && dto.role !== 'admin' ? await lockAdmins(manager) : null;
      const user = await lockRow(manager, User, id);
      if (!user) throw new NotFoundError('User', id);
      assertIfMatch('users', id, user.version);
      const role: Role = dto.role ?? user.role;
      const organizationId = dto.organizationId === undefined ? user.organizationId : dto.organizationId;
      if (role === 'organizer' && !organizationId) throw organizationRequired();
      if (dto.organizationId && !(await manager.existsBy(Organization, { id: dto.organizationId }))) {
        throw new NotFoundError('Organization', dto.organizationId);
      }
      if (user.role === 'admin' && role !== 'admin' && admins!.length <= 1) {
        throw new ConflictError('last_admin', 'This is the only admin; make another user admin first');
      }
      const name = dto.name === undefined ? user.name : dto.name.trim();
      if (name !== user.name || role !== user.role || organizationId !== user.organizationId)
        await manager.update(User, id, { name, role, organizationId, version: NEXT_VERSION });
      return manager.findOneByOrFail(User, { id });
    });
    // After the commit: a lookup cached meanwhile would otherwise keep the old role.
    this.tokens.forgetUser(id);
    this.sessions.forgetUser(id);
    return updated;
  }

  /** Sets the console password of the user with this email and ends their sessions. */
  async setPassword(emailGiven: string, password: string): Promise<User> {
    const email = emailGiven.trim().toLowerCase();
    const passwordHash = await this.newPasswordHash(password);
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { email });
      if (!user) throw new NotFoundError({ message: `No user has the email ${email}` });
      await manager.update(User, user.id, { passwordHash, passwordSetAt: new Date() });
      await this.sessions.closeAllFor(user.id, manager);
      return manager.findOneByOrFail(User, { id: user.id });
    });
    this.sessions.forgetUser(updated.id);
    return updated;
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  list(): Promise<User[]> {
    return this.users.find({ order: { createdAt: 'ASC', name: 'ASC' } });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  private async newPasswordHash(password: string): Promise<string> {
    const problem = passwordProblem(password);
    if (problem) throw new ValidationError(problem, [{ field: 'password', problems: [problem] }]);
    return hashPassword(password);
  }

  private async insert(
    manager: EntityManager,
    dto: { name: string; email?: string; role: Role; organizationId?: string },
    passwordHash: string | null,
  ): Promise<User> {
    if (dto.role === 'organizer' && !dto.organizationId) throw organizationRequired();
    const email = dto.email?.trim().toLowerCase() ?? null;
    if (dto.organizationId && !(await manager.existsBy(Organization, { id: dto.organizationId }))) {
      throw new NotFoundError('Organization', dto.organizationId);
    }
    if (email && (await manager.existsBy(User, { email }))) {
      throw new ConflictError('email_taken', `A user with email ${email} already exists`);
    }
    const user = manager.create(User, {
      id: newId(),
      name: dto.name.trim(),
      email,
      role: dto.role,
      organizationId: dto.organizationId ?? null,
      passwordHash,
      passwordSetAt: passwordHash ? new Date() : null,
      lastSignInAt: null,
    });
    await manager.insert(User, user);
    return user;
  }
}

/**
 * The admins, their rows locked (PostgreSQL, in id order; SQLite serialises transactions): two
 * admins demoting each other at the same moment take turns, and the second sees the first's
 * change, so the last admin cannot be demoted by a race. Taken before the edited user's own row,
 * in the same order by every demoting edit, so no two of them wait on each other.
 */
function lockAdmins(manager: EntityManager): Promise<User[]> {
  return forUpdate(
    manager
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.id')
      .where('u.role = :role', { role: 'admin' })
      .orderBy('u.id'),
  ).getMany();
}
