import type { EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { ConflictError } from '../common/errors/domain-error.js';
import { NEXT_VERSION } from '../common/http/if-match.js';
import { FundAllocation } from './fund-allocation.entity.js';
import { lockRow } from '../infra/database/lock-row.js';

/** Sum and count of a campaign's allocations. */
export async function campaignAllocationTotal(
  manager: EntityManager,
  campaignId: string,
): Promise<{ total: number; count: number }> {
  const row = await manager
    .getRepository(FundAllocation)
    .createQueryBuilder('a')
    .select('COALESCE(SUM(a.amountYuan), 0)', 'total')
    .addSelect('COUNT(*)', 'count')
    .where('a.campaignId = :campaignId', { campaignId })
    .getRawOne<{ total: string | number; count: string | number }>();
  return { total: Number(row?.total ?? 0), count: Number(row?.count ?? 0) };
}

/**
 * The budget rule, for a direct edit of a campaign's budget inside the edit's transaction: once
 * a campaign draws on funds its budget is the sum of its allocations, so a budget that disagrees
 * is refused (409 `budget_from_allocations`, naming both amounts). Locks the campaign row first
 * on PostgreSQL, as allocations do, so an allocation and an edit cannot interleave.
 */
export async function assertBudgetMatchesAllocations(
  manager: EntityManager,
  campaignId: string,
  budgetYuan: number,
): Promise<void> {
  await lockRow(manager, Campaign, campaignId);
  const { total, count } = await campaignAllocationTotal(manager, campaignId);
  if (count > 0 && total !== budgetYuan) {
    throw new ConflictError(
      'budget_from_allocations',
      `Campaign ${campaignId} draws on ${count} fund allocation(s) totalling ${total} yuan: its budget is their sum and cannot be set to ${budgetYuan}; change the allocations instead`,
      { campaignId, allocatedYuan: total, requestedBudgetYuan: budgetYuan, allocations: count },
    );
  }
}

/** Sets a campaign's budget to the sum of its allocations (when it has any), in the caller's transaction. */
export async function syncCampaignBudget(
  manager: EntityManager,
  campaignId: string,
  now: Date,
): Promise<void> {
  const { total, count } = await campaignAllocationTotal(manager, campaignId);
  if (!count) return;
  await manager
    .createQueryBuilder()
    .update(Campaign)
    .set({ budgetYuan: total, version: NEXT_VERSION, updatedAt: now })
    .where('id = :id AND "budgetYuan" <> :total', { id: campaignId, total })
    .execute();
}
