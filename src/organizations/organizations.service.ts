import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { seesAllOrganizations, type AuthUser } from '../common/auth/auth-user.js';
import { ConflictError, NotFoundError } from '../common/errors/domain-error.js';
import { newId } from '../infra/database/new-id.js';
import type { CreateOrganizationDto } from './dto/create-organization.dto.js';
import { Organization } from './organization.entity.js';

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  async create(dto: CreateOrganizationDto): Promise<Organization> {
    const name = dto.name.trim();
    if (await this.organizations.existsBy({ name })) {
      throw new ConflictError('organization_exists', `An organization named "${name}" already exists`);
    }
    const organization = this.organizations.create({ id: newId(), name, kind: dto.kind });
    await this.organizations.insert(organization);
    return this.get(organization.id);
  }

  /** Organizers list only their own organization. */
  list(user: AuthUser): Promise<Organization[]> {
    if (seesAllOrganizations(user)) return this.organizations.find({ order: { name: 'ASC' } });
    return this.organizations.find({ where: { id: user.organizationId ?? '' } });
  }

  async get(id: string): Promise<Organization> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw new NotFoundError('Organization', id);
    return organization;
  }
}
