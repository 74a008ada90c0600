import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors/domain-error.js';
import { pageOf, pageWindow, type Page, type PageQueryDto } from '../common/http/pagination.js';
import { Clock } from '../common/time/clock.js';
import { yearsBetween } from '../common/time/local-date.js';
import { isUniqueViolation } from '../infra/database/constraint-violation.js';
import { newId } from '../infra/database/new-id.js';
import { campaignAllocationTotal, syncCampaignBudget } from './campaign-budget.js';
import type { CreateAllocationDto, UpdateAllocationDto } from './dto/allocation.dto.js';
import { AllocationView } from './dto/fund.view.js';
import { FundAllocation } from './fund-allocation.entity.js';
import { FundLedger } from './fund-ledger.js';
import { lockRow } from '../infra/database/lock-row.js';
import { Fund } from './fund.entity.js';

/** Campaign states whose money is settled: their allocations no longer change. */
const CLOSED = ['completed', 'cancelled'];

export interface CampaignFunding {
  campaignId: string;
  budgetYuan: number;
  allocatedYuan: number;
  allocations: AllocationView[];
}

/**
 * Allocations of funds to campaigns. Every write runs in one transaction that locks the fund's
 * row and then the campaign's (PostgreSQL `FOR UPDATE`; SQLite serialises transactions), checks
 * that the fund is not over-allocated, writes the allocation and sets the campaign's budget to
 * the sum of its allocations. So concurrent allocations of one fund never exceed its amount.
 */
@Injectable()
export class FundAllocationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: FundLedger,
    private readonly clock: Clock,
  ) {}

  async allocate(fundId: string, dto: CreateAllocationDto): Promise<AllocationView> {
    const id = newId();
    try {
      await this.dataSource.transaction(async (manager) => {
        const { fund, campaign } = await this.lockPair(manager, fundId, dto.campaignId);
        const existing = await manager.findOneBy(FundAllocation, { fundId, campaignId: dto.campaignId });
        if (existing) throw exists(fund, campaign, existing.id);
        await this.assertRoom(manager, fund, dto.amountYuan);
        const now = this.clock.now();
        await manager.insert(FundAllocation, {
          id,
          fundId,
          campaignId: dto.campaignId,
          amountYuan: dto.amountYuan,
          note: dto.note ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await syncCampaignBudget(manager, dto.campaignId, now);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(
          'allocation_exists',
          `Fund ${fundId} already has an allocation to campaign ${dto.campaignId}`,
        );
      throw error;
    }
    return this.get(fundId, id);
  }

  async update(fundId: string, allocationId: string, dto: UpdateAllocationDto): Promise<AllocationView> {
    await this.dataSource.transaction(async (manager) => {
      const allocation = await this.findIn(manager, fundId, allocationId);
      const { fund } = await this.lockPair(manager, fundId, allocation.campaignId);
      const current = await this.findIn(manager, fundId, allocationId); // as of the lock
      const now = this.clock.now();
      if (dto.amountYuan !== undefined && dto.amountYuan > current.amountYuan)
        await this.assertRoom(manager, fund, dto.amountYuan, allocationId);
      const patch: Partial<FundAllocation> = { updatedAt: now };
      if (dto.amountYuan !== undefined) patch.amountYuan = dto.amountYuan;
      if (dto.note !== undefined) patch.note = dto.note;
      await manager.update(FundAllocation, { id: allocationId }, patch);
      await syncCampaignBudget(manager, allocation.campaignId, now);
    });
    return this.get(fundId, allocationId);
  }

  /** Removes an allocation; the last one leaves the campaign's budget as it was (and editable again). */
  async remove(fundId: string, allocationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const allocation = await this.findIn(manager, fundId, allocationId);
      await this.lockPair(manager, fundId, allocation.campaignId);
      await manager.delete(FundAllocation, { id: allocationId });
      await syncCampaignBudget(manager, allocation.campaignId, this.clock.now());
    });
  }

  async get(fundId: string, allocationId: string): Promise<AllocationView> {
    const allocation = await this.findIn(this.dataSource.manager, fundId, allocationId);
    return (await this.views([allocation]))[0];
  }

  async list(fundId: string, query: PageQueryDto): Promise<Page<AllocationView>> {
    if (!(await this.dataSource.manager.existsBy(Fund, { id: fundId })))
      throw new NotFoundError('Fund', fundId);
    const { limit, offset } = pageWindow(query);
    const [rows, total] = await this.dataSource.manager.findAndCount(FundAllocation, {
      where: { fundId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return pageOf(await this.views(rows), total, query);
  }

  async campaignFunding(campaignId: string): Promise<CampaignFunding> {
    const campaign = await this.dataSource.manager.findOneBy(Campaign, { id: campaignId });
    if (!campaign) throw new NotFoundError('Campaign', campaignId);
    const rows = await this.dataSource.manager.find(FundAllocation, {
      where: { campaignId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const { total } = await campaignAllocationTotal(this.dataSource.manager, campaignId);
    return {
      campaignId,
      budgetYuan: campaign.budgetYuan,
      allocatedYuan: total,
      allocations: await this.views(rows),
    };
  }

  /** The allocations with the names of their campaigns and funds (two queries, whatever the count). */
  private async views(rows: FundAllocation[]): Promise<AllocationView[]> {
    if (!rows.length) return [];
    const [campaigns, funds] = await Promise.all([
      this.dataSource.manager
        .getRepository(Campaign)
        .createQueryBuilder('c')
        .select(['c.id', 'c.name', 'c.status'])
        .whereInIds([...new Set(rows.map((r) => r.campaignId))])
        .getMany(),
      this.dataSource.manager
        .getRepository(Fund)
        .createQueryBuilder('f')
        .select(['f.id', 'f.name'])
        .whereInIds([...new Set(rows.map((r) => r.fundId))])
        .getMany(),
    ]);
    const campaignById = new Map(campaigns.map((c) => [c.id, c]));
    const fundById = new Map(funds.map((f) => [f.id, f]));
    return rows.map((r) =>
      AllocationView.of(
        r,
        campaignById.get(r.campaignId) ?? { name: '', status: 'unknown' },
        fundById.get(r.fundId) ?? { name: '' },
      ),
    );
  }

  private async findIn(
    manager: EntityManager,
    fundId: string,
    allocationId: string,
  ): Promise<FundAllocation> {
    const allocation = await manager.findOneBy(FundAllocation, { id: allocationId, fundId });
    if (!allocation) throw new NotFoundError('Allocation', allocationId);
    return allocation;
  }

  /** Locks the fund, then the campaign (always in this order); refuses closed campaigns and other years. */
  private async lockPair(
    manager: EntityManager,
    fundId: string,
    campaignId: string,
  ): Promise<{ fund: Fund; campaign: Campaign }> {
    const fund = await lockRow(manager, Fund, fundId);
    if (!fund) throw new NotFoundError('Fund', fundId);
    const campaign = await lockRow(manager, Campaign, campaignId);
    if (!campaign) throw new NotFoundError('Campaign', campaignId);
    if (CLOSED.includes(campaign.status)) {
      throw new ConflictError(
        'campaign_closed',
        `Campaign ${campaignId} is ${campaign.status}: its funding can no longer change`,
        { campaignId, status: campaign.status },
      );
    }
    if (!yearsBetween(campaign.startDate, campaign.endDate).includes(fund.year)) {
      throw new UnprocessableError(
        'fund_year_mismatch',
        `Fund "${fund.name}" is for ${fund.year} but campaign ${campaignId} runs ${campaign.startDate} to ${campaign.endDate}`,
        { fundId, fundYear: fund.year, campaignId, startDate: campaign.startDate, endDate: campaign.endDate },
      );
    }
    return { fund, campaign };
  }

  private async assertRoom(
    manager: EntityManager,
    fund: Fund,
    amountYuan: number,
    exceptAllocationId?: string,
  ): Promise<void> {
    const allocated = await this.ledger.allocatedOf(manager, fund.id, exceptAllocationId);
    if (allocated + amountYuan > fund.amountYuan) {
      const remaining = fund.amountYuan - allocated;
      throw new ConflictError(
        'fund_over_allocated',
        `Fund "${fund.name}" (${fund.id}) has ${fund.amountYuan} yuan, of which ${allocated} are allocated: ${amountYuan} more would exceed it by ${allocated + amountYuan - fund.amountYuan} yuan (${remaining} remain)`,
        {
          fundId: fund.id,
          fundName: fund.name,
          amountYuan: fund.amountYuan,
          allocatedYuan: allocated,
          requestedYuan: amountYuan,
          remainingYuan: remaining,
        },
      );
    }
  }
}

function exists(fund: Fund, campaign: Campaign, allocationId: string): ConflictError {
  return new ConflictError(
    'allocation_exists',
    `Fund "${fund.name}" already has an allocation (${allocationId}) to campaign "${campaign.name}": change its amount instead`,
    { fundId: fund.id, campaignId: campaign.id, allocationId },
  );
}
