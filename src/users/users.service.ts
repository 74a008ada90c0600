import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { TokenService } from '../common/auth/token.service.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors/domain-error.js';
import { newId } from '../infra/database/new-id.js';
import { Organization } from '../organizations/organization.entity.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {}

  /** Creates the user and its first API token, in one transaction. */
  async create(dto: CreateUserDto): Promise<{ user: User; token: string }> {
    if (dto.role === 'organizer' && !dto.organizationId) {
      throw new UnprocessableError(
        'organization_required',
        'An organizer must belong to an organization: give organizationId',
      );
    }
    const email = dto.email?.trim().toLowerCase() ?? null;
    return this.dataSource.transaction(async (manager) => {
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
      });
      await manager.insert(User, user);
      const { token } = await this.tokens.issue(user.id, 'api', manager);
      return { user: await manager.findOneByOrFail(User, { id: user.id }), token };
    });
  }

  list(): Promise<User[]> {
    return this.users.find({ order: { createdAt: 'ASC', name: 'ASC' } });
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  count(): Promise<number> {
    return this.users.count();
  }
}
