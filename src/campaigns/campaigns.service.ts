import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors/domain-error.js';
import { assertIfMatch, changedMeanwhile, NEXT_VERSION } from '../common/http/if-match.js';
import { pageOf, pageWindow, type Page } from '../common/http/pagination.js';
import { rejectNulls } from '../common/http/reject-nulls.js';
import { Clock } from '../common/time/clock.js';
import { yearsBetween } from '../common/time/local-date.js';
import { newId } from '../infra/database/new-id.js';
import { assertBudgetMatchesAllocations } from '../funds/campaign-budget.js';
import { Organization } from '../organizations/organization.entity.js';
import { ProjectionInputs } from '../projections/rebuild/projection-inputs.js';
import { CampaignLinksService } from './campaign-links.service.js';
import { applyCampaignFilters } from './campaign-query.js';
import { EDITABLE_CAMPAIGN_STATUSES } from './campaign-status.js';
import { Campaign } from './campaign.entity.js';
import type { CreateCampaignDto } from './dto/create-campaign.dto.js';
import type { ListCampaignsQuery } from './dto/list-campaigns.query.js';
import { CAMPAIGN_REQUIRED_FIELDS, type UpdateCampaignDto } from './dto/update-campaign.dto.js';

/** A campaign with the ids of the linked events the reader may see. */
export interface LoadedCampaign {
  campaign: Campaign;
  linkedEventIds: string[];
}

/** Fields whose change can move a projection. */
const PROJECTED_FIELDS = [
  'startDate',
  'endDate',
  'expectedIncrementalVisitors',
  'expectedIncrementalRevenueYuan',
  'channel',
] as const;

@Injectable()
export class CampaignsService {
  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: CampaignLinksService,
    private readonly projections: ProjectionInputs,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateCampaignDto, user: AuthUser): Promise<LoadedCampaign> {
    assertDates(dto.startDate, dto.endDate);
    const now = this.clock.now();
    const id = newId();
    await this.projections.transaction(async (manager, changed) => {
      await assertOrganization(manager, dto.responsibleOrganizationId);
      await manager.insert(Campaign, {
        id,
        name: dto.name.trim(),
        description: dto.description ?? null,
        channel: dto.channel,
        status: 'draft',
        budgetYuan: dto.budgetYuan,
        startDate: dto.startDate,
        endDate: dto.endDate,
        targetMarkets: cleanMarkets(dto.targetMarkets ?? []),
        responsibleUnit: dto.responsibleUnit.trim(),
        responsibleOrganizationId: dto.responsibleOrganizationId ?? null,
        expectedIncrementalVisitors: dto.expectedIncrementalVisitors ?? null,
        expectedIncrementalRevenueYuan: dto.expectedIncrementalRevenueYuan ?? null,
        note: dto.note ?? null,
        version: 1,
        createdById: user.id,
        createdAt: now,
        updatedAt: now,
      });
      if (dto.eventIds?.length) await this.links.setLinks(manager, user, id, dto.eventIds, changed);
      await changed({ source: 'campaign', years: yearsBetween(dto.startDate, dto.endDate), venueIds: [] });
    });
    return this.get(id, user);
  }

  async list(query: ListCampaignsQuery, user: AuthUser): Promise<Page<LoadedCampaign>> {
    const { limit, offset } = pageWindow(query);
    const [rows, total] = await applyCampaignFilters(this.campaigns.createQueryBuilder('c'), query)
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    const linked = await this.links.linkedIds(
      rows.map((c) => c.id),
      user,
    );
    return pageOf(
      rows.map((campaign) => ({ campaign, linkedEventIds: linked.get(campaign.id) ?? [] })),
      total,
      query,
    );
  }

  async get(id: string, user: AuthUser): Promise<LoadedCampaign> {
    const campaign = await this.find(id);
    const linked = await this.links.linkedIds([id], user);
    return { campaign, linkedEventIds: linked.get(id) ?? [] };
  }

  async find(id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findOneBy({ id });
    if (!campaign) throw new NotFoundError('Campaign', id);
    assertIfMatch('campaigns', id, campaign.version);
    return campaign;
  }

  async update(id: string, dto: UpdateCampaignDto, user: AuthUser): Promise<LoadedCampaign> {
    rejectNulls(dto, CAMPAIGN_REQUIRED_FIELDS);
    const before = await this.find(id);
    if (!EDITABLE_CAMPAIGN_STATUSES.includes(before.status)) {
      throw new ConflictError(
        'campaign_closed',
        `Campaign ${id} is ${before.status} and can no longer be changed`,
        { status: before.status },
      );
    }
    const startDate = dto.startDate ?? before.startDate;
    const endDate = dto.endDate ?? before.endDate;
    assertDates(startDate, endDate);
    const patch: Partial<Campaign> = {};
    if (dto.name !== undefined) patch.name = dto.name.trim();
    if (dto.description !== undefined) patch.description = dto.description;
    if (dto.channel !== undefined) patch.channel = dto.channel;
    if (dto.budgetYuan !== undefined) patch.budgetYuan = dto.budgetYuan;
    if (dto.startDate !== undefined) patch.startDate = dto.startDate;
    if (dto.endDate !== undefined) patch.endDate = dto.endDate;
    if (dto.targetMarkets !== undefined) patch.targetMarkets = cleanMarkets(dto.targetMarkets);
    if (dto.responsibleUnit !== undefined) patch.responsibleUnit = dto.responsibleUnit.trim();
    if (dto.responsibleOrganizationId !== undefined)
      patch.responsibleOrganizationId = dto.responsibleOrganizationId;
    if (dto.expectedIncrementalVisitors !== undefined)
      patch.expectedIncrementalVisitors = dto.expectedIncrementalVisitors;
    if (dto.expectedIncrementalRevenueYuan !== undefined)
      patch.expectedIncrementalRevenueYuan = dto.expectedIncrementalRevenueYuan;
    if (dto.note !== undefined) patch.note = dto.note;

    const moved = PROJECTED_FIELDS.some((f) => patch[f] !== undefined && patch[f] !== before[f]);
    await this.projections.transaction(async (manager, changed) => {
      await assertOrganization(manager, dto.responsibleOrganizationId);
      // Once a campaign draws on funds its budget is the sum of its allocations (issue 9).
      if (dto.budgetYuan !== undefined) await assertBudgetMatchesAllocations(manager, id, dto.budgetYuan);
      if (dto.eventIds !== undefined) await this.links.setLinks(manager, user, id, dto.eventIds, changed);
      const result = await manager
        .createQueryBuilder()
        .update(Campaign)
        .set({ ...patch, version: NEXT_VERSION, updatedAt: this.clock.now() })
        .where({ id, status: before.status, version: before.version })
        .execute();
      if (result.affected !== 1) {
        throw changedMeanwhile('Campaign', id);
      }
      if (moved) {
        await changed({
          source: 'campaign',
          years: [
            ...new Set([
              ...yearsBetween(before.startDate, before.endDate),
              ...yearsBetween(startDate, endDate),
            ]),
          ],
          venueIds: [],
        });
      }
    });
    return this.get(id, user);
  }

  /** Only a draft can be deleted; anything further is cancelled instead, to keep its record. */
  async remove(id: string): Promise<void> {
    const campaign = await this.find(id);
    if (campaign.status !== 'draft') {
      throw new ConflictError(
        'campaign_not_draft',
        `Campaign ${id} is ${campaign.status}: only drafts can be deleted; cancel it instead`,
      );
    }
    const deleted = await this.projections.transaction(async (manager, changed) => {
      const result = await manager.delete(Campaign, { id, status: 'draft', version: campaign.version });
      if (result.affected !== 1) return false;
      await changed({
        source: 'campaign',
        years: yearsBetween(campaign.startDate, campaign.endDate),
        venueIds: [],
      });
      return true;
    });
    if (!deleted) {
      throw changedMeanwhile('Campaign', id);
    }
  }
}

function assertDates(startDate: string, endDate: string): void {
  if (endDate < startDate) {
    throw new ValidationError(`endDate (${endDate}) must not be before startDate (${startDate})`, [
      { field: 'endDate', problems: ['endDate must not be before startDate'] },
    ]);
  }
}

async function assertOrganization(manager: EntityManager, id: string | null | undefined): Promise<void> {
  if (id && !(await manager.existsBy(Organization, { id }))) throw new NotFoundError('Organization', id);
}

function cleanMarkets(markets: string[]): string[] {
  return [...new Set(markets.map((m) => m.trim()).filter(Boolean))];
}
