import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { fundFigures, type AllocationFacts, type FundFigures } from './fund-figures.js';
import { FundAllocation } from './fund-allocation.entity.js';

/** Reads allocations with their campaigns' state, and computes the funds' figures from them. */
@Injectable()
export class FundLedger {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Allocations of the given funds and of every campaign that draws on them. */
  async facts(
    fundIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AllocationFacts[]> {
    if (!fundIds.length) return [];
    const campaignIds = (
      await manager
        .getRepository(FundAllocation)
        .createQueryBuilder('a')
        .select('DISTINCT a.campaignId', 'campaignId')
        .where('a.fundId IN (:...fundIds)', { fundIds })
        .getRawMany<{ campaignId: string }>()
    ).map((r) => r.campaignId);
    return this.factsOfCampaigns(campaignIds, manager);
  }

  async factsOfCampaigns(
    campaignIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AllocationFacts[]> {
    if (!campaignIds.length) return [];
    const facts: AllocationFacts[] = [];
    for (let i = 0; i < campaignIds.length; i += 500) {
      const chunk = campaignIds.slice(i, i + 500);
      // One query after the other: `manager` may be a transaction's, whose one PostgreSQL
      // connection cannot run two queries at once.
      const allocations = await manager
        .getRepository(FundAllocation)
        .find({ where: { campaignId: In(chunk) }, order: { id: 'ASC' } });
      const campaigns = await manager.getRepository(Campaign).find({
        select: { id: true, status: true, actualSpendYuan: true },
        where: { id: In(chunk) },
      });
      const byId = new Map(campaigns.map((c) => [c.id, c]));
      for (const a of allocations) {
        const c = byId.get(a.campaignId);
        if (!c) continue;
        facts.push({
          fundId: a.fundId,
          campaignId: a.campaignId,
          amountYuan: a.amountYuan,
          campaignStatus: c.status,
          actualSpendYuan: c.actualSpendYuan,
        });
      }
    }
    return facts;
  }

  async figures(funds: { id: string; amountYuan: number }[]): Promise<Map<string, FundFigures>> {
    return fundFigures(funds, await this.facts(funds.map((f) => f.id)));
  }

  /** Yuan of the fund allocated to campaigns that are not cancelled (optionally leaving one allocation out). */
  async allocatedOf(manager: EntityManager, fundId: string, exceptAllocationId?: string): Promise<number> {
    const query = manager
      .getRepository(FundAllocation)
      .createQueryBuilder('a')
      .innerJoin(Campaign, 'c', 'c.id = a.campaignId')
      .select('COALESCE(SUM(a.amountYuan), 0)', 'total')
      .where('a.fundId = :fundId', { fundId })
      .andWhere("c.status <> 'cancelled'");
    if (exceptAllocationId) query.andWhere('a.id <> :except', { except: exceptAllocationId });
    const row = await query.getRawOne<{ total: string | number }>();
    return Number(row?.total ?? 0);
  }
}
