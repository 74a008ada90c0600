/**
 * What a fund has given and what was spent of it. Pure.
 *
 * - allocated: the sum of its allocations to campaigns that are not cancelled (a cancelled
 *   campaign releases its money);
 * - spent: each completed campaign's actual spend shared among the funds it drew on in
 *   proportion to their allocations (largest remainder, so the shares add up to the spend);
 * - remaining: amount − allocated (what can still be allocated; negative never happens because
 *   over-allocating is refused).
 */
export interface AllocationFacts {
  fundId: string;
  campaignId: string;
  amountYuan: number;
  campaignStatus: string;
  actualSpendYuan: number | null;
}

export interface FundFigures {
  allocatedYuan: number;
  spentYuan: number;
  remainingYuan: number;
  /** spent / allocated, null when nothing is allocated. */
  utilisation: number | null;
  campaigns: number;
}

/** Whole shares of `total` proportional to `weights` that add up to `total` exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!weights.length) return [];
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) shares[order[k].i]++;
  return shares;
}

/** The spend of completed campaigns shared over their allocations: spent yuan per fund id. */
export function spentByFund(allocations: readonly AllocationFacts[]): Map<string, number> {
  const byCampaign = new Map<string, AllocationFacts[]>();
  for (const a of allocations) {
    if (a.campaignStatus !== 'completed' || a.actualSpendYuan === null) continue;
    const list = byCampaign.get(a.campaignId) ?? [];
    list.push(a);
    byCampaign.set(a.campaignId, list);
  }
  const spent = new Map<string, number>();
  for (const list of byCampaign.values()) {
    const shares = apportion(
      list[0].actualSpendYuan ?? 0,
      list.map((a) => a.amountYuan),
    );
    list.forEach((a, i) => spent.set(a.fundId, (spent.get(a.fundId) ?? 0) + shares[i]));
  }
  return spent;
}

/**
 * Figures of each fund from its amount and the allocations of every campaign that draws on it
 * (pass ALL allocations of those campaigns, so that spend is shared over all their funds).
 */
export function fundFigures(
  funds: readonly { id: string; amountYuan: number }[],
  allocations: readonly AllocationFacts[],
): Map<string, FundFigures> {
  const spent = spentByFund(allocations);
  const out = new Map<string, FundFigures>();
  for (const f of funds) {
    const mine = allocations.filter((a) => a.fundId === f.id && a.campaignStatus !== 'cancelled');
    const allocatedYuan = mine.reduce((s, a) => s + a.amountYuan, 0);
    const spentYuan = spent.get(f.id) ?? 0;
    out.set(f.id, {
      allocatedYuan,
      spentYuan,
      remainingYuan: f.amountYuan - allocatedYuan,
      utilisation: allocatedYuan > 0 ? spentYuan / allocatedYuan : null,
      campaigns: mine.length,
    });
  }
  return out;
}
