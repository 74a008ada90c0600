import type { EntityManager } from 'typeorm';
import { DEMO_ALLOCATIONS, DEMO_FUNDS, FUND_NOTE } from '../../seeds/funds.seed.js';
import { DEMO_CAMPAIGNS } from '../../seeds/planning.seed.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { newId } from '../infra/database/new-id.js';
import { syncCampaignBudget } from './campaign-budget.js';
import { FundAllocation } from './fund-allocation.entity.js';
import { Fund } from './fund.entity.js';

/**
 * Demo seed step: the illustrative 2022 funds and their allocations to the seeded campaigns
 * (run after the planning step; campaigns are found by their seeded names, missing ones are
 * skipped). Each campaign's budget is then the sum of its allocations, as the API keeps it.
 */
export async function seedFunds(manager: EntityManager): Promise<void> {
  const now = new Date();
  const fundIds = new Map<string, string>();
  for (const f of DEMO_FUNDS) {
    const id = newId();
    fundIds.set(f.key, id);
    await manager.insert(Fund, {
      id,
      name: f.name,
      kind: f.kind,
      year: 2022,
      amountYuan: f.amountYuan,
      responsibleUnit: f.responsibleUnit,
      note: FUND_NOTE,
      createdById: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  const campaignIds = new Map<string, string>();
  for (const c of DEMO_CAMPAIGNS) {
    const row = await manager.findOne(Campaign, { select: { id: true }, where: { name: c.name } });
    if (row) campaignIds.set(c.key, row.id);
  }
  for (const [fundKey, campaignKey, amountYuan] of DEMO_ALLOCATIONS) {
    const campaignId = campaignIds.get(campaignKey);
    if (!campaignId) continue;
    await manager.insert(FundAllocation, {
      id: newId(),
      fundId: fundIds.get(fundKey)!,
      campaignId,
      amountYuan,
      note: FUND_NOTE,
      createdAt: now,
      updatedAt: now,
    });
  }
  for (const campaignId of campaignIds.values()) await syncCampaignBudget(manager, campaignId, now);
}
