import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { seesAllOrganizations, type AuthUser } from '../common/auth/auth-user.js';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors/domain-error.js';
import { assertIfMatch, NEXT_VERSION } from '../common/http/if-match.js';
import { rejectNulls } from '../common/http/reject-nulls.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { Event } from '../events/event.entity.js';
import { constraintViolation } from '../infra/database/constraint-violation.js';
import { lockRow } from '../infra/database/lock-row.js';
import { newId } from '../infra/database/new-id.js';
import { User } from '../users/user.entity.js';
import type { CreateOrganizationDto } from './dto/create-organization.dto.js';
import { ORGANIZATION_REQUIRED_FIELDS, type UpdateOrganizationDto } from './dto/update-organization.dto.js';
import { Organization } from './organization.entity.js';

/** What refers to an organization: every foreign key to `organizations` (see the e2e spec). */
export interface OrganizationReferences {
  users: number;
  events: number;
  /** Campaigns that name it as their responsible unit. */
  campaigns: number;
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(dto: CreateOrganizationDto): Promise<Organization> {
    const name = dto.name.trim();
    const organization = this.organizations.create({ id: newId(), name, kind: dto.kind });
    await this.saving(name, () => this.organizations.insert(organization));
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

  /**
   * Renames or re-kinds it. Names are joined wherever they are shown (event views, scoreboard,
   * weekly report, calendar), never copied, so the new name shows everywhere at once.
   */
  async update(id: string, dto: UpdateOrganizationDto): Promise<Organization> {
    rejectNulls(dto, ORGANIZATION_REQUIRED_FIELDS);
    if (dto.name === undefined && dto.kind === undefined) {
      throw new ValidationError(
        'Nothing to change: send name, kind or both',
        ORGANIZATION_REQUIRED_FIELDS.map((field) => ({ field, problems: ['name or kind must be given'] })),
      );
    }
    const name = dto.name?.trim();
    await this.saving(name ?? '', () =>
      this.dataSource.transaction(async (manager) => {
        const organization = await lockRow(manager, Organization, id);
        if (!organization) throw new NotFoundError('Organization', id);
        assertIfMatch('organizations', id, organization.version);
        const patch: Partial<Organization> = {};
        if (name !== undefined && name !== organization.name) patch.name = name;
        if (dto.kind !== undefined && dto.kind !== organization.kind) patch.kind = dto.kind;
        if (Object.keys(patch).length)
          await manager.update(Organization, { id }, { ...patch, version: NEXT_VERSION });
      }),
    );
    return this.get(id);
  }

  /**
   * Deletes an organization nothing refers to; otherwise a 409 with the counts. Campaigns refer to
   * their responsible unit with `ON DELETE SET NULL`, which would silently drop it: the row lock
   * (PostgreSQL; SQLite serialises transactions) makes a campaign or event naming it meanwhile
   * wait for the deletion (and then fail its own foreign key), so the counts cannot go stale. The
   * `RESTRICT` keys of users and events stay the backstop.
   */
  async remove(id: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const organization = await lockRow(manager, Organization, id);
        if (!organization) throw new NotFoundError('Organization', id);
        assertIfMatch('organizations', id, organization.version);
        const references = await this.references(manager, id);
        if (references.users || references.events || references.campaigns)
          throw inUse(organization, references);
        await manager.delete(Organization, { id });
      });
    } catch (error) {
      if (constraintViolation(error) !== 'foreign_key') throw error;
      const organization = await this.get(id);
      throw inUse(organization, await this.references(this.dataSource.manager, id));
    }
  }

  private async references(manager: EntityManager, id: string): Promise<OrganizationReferences> {
    return {
      users: await manager.countBy(User, { organizationId: id }),
      events: await manager.countBy(Event, { organizationId: id }),
      campaigns: await manager.countBy(Campaign, { responsibleOrganizationId: id }),
    };
  }

  /** A write refused by the unique index on names (a taken name, or one taken meanwhile) is a 409. */
  private async saving(name: string, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (constraintViolation(error) === 'unique') throw taken(name);
      throw error;
    }
  }
}

const taken = (name: string) =>
  new ConflictError('organization_exists', `An organization named "${name}" already exists`);

function inUse(organization: Organization, references: OrganizationReferences): ConflictError {
  const parts = [
    references.users && `${references.users} user(s)`,
    references.events && `${references.events} event(s)`,
    references.campaigns && `${references.campaigns} campaign(s) as their responsible unit`,
  ].filter(Boolean);
  return new ConflictError(
    'organization_in_use',
    `Organization "${organization.name}" is still referred to by ${parts.join(', ') || 'other records'}: reassign or delete them first`,
    { organizationId: organization.id, ...references },
  );
}
