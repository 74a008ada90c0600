import { normalQuantile, zForLevel } from '../forecasting/normal.js';
import { reachProbability, type Interval } from '../projections/math/projection-math.js';

/**
 * "What would it take": the extra amount (visitors or yuan) to add to the rest of the year so
 * that the probability of reaching the target rises to a level, and what it costs by channel.
 * Pure.
 *
 * The projection's year-end total is read as the normal distribution the projection itself
 * uses for its probability (median, and the spread of its 80 % interval). An extra amount X
 * added to what is still to come shifts that distribution by X, so
 *   P(total + X ≥ target) = p   ⇔   X = target − median + sd · Φ⁻¹(p),
 * and nothing is needed when the probability is already at least p.
 */
export interface GapSolution {
  probability: number;
  /** Extra amount needed over the rest of the year (0: already there). */
  extraTotal: number;
  /** The same per remaining week (remaining days / 7). */
  extraPerWeek: number;
  /** The probability after adding `extraTotal` (checks the solve). */
  reached: number;
}

export function solveGap(
  projected: Interval,
  targetTotal: number,
  daysRemaining: number,
  probability: number,
): GapSolution {
  if (!(probability > 0 && probability < 1))
    throw new RangeError('probability must lie strictly between 0 and 1');
  const sd = (projected.hi80 - projected.lo80) / (2 * zForLevel(80));
  const current = reachProbability(projected, targetTotal);
  let extra = 0;
  if (current < probability) {
    extra =
      sd > 0
        ? targetTotal - projected.median + sd * normalQuantile(probability)
        : targetTotal - projected.median;
    extra = Math.max(0, Math.ceil(extra));
  }
  const shifted = shift(projected, extra);
  const weeks = daysRemaining / 7;
  return {
    probability,
    extraTotal: extra,
    extraPerWeek: weeks > 0 ? Math.ceil(extra / weeks) : extra,
    reached: reachProbability(shifted, targetTotal),
  };
}

function shift(p: Interval, x: number): Interval {
  return { median: p.median + x, lo80: p.lo80 + x, hi80: p.hi80 + x, lo95: p.lo95 + x, hi95: p.hi95 + x };
}

/** A channel's cost of one extra visitor (or yuan of revenue), and where that figure comes from. */
export interface ChannelCost {
  channel: string;
  /** Yuan per extra unit. */
  costPerUnit: number;
  basis: 'measured' | 'expected';
  /** Campaigns the figure rests on. */
  campaigns: number;
  spendYuan: number;
  units: number;
}

export interface ChannelCampaign {
  channel: string;
  budgetYuan: number;
  actualSpendYuan: number | null;
  /** Expected increment for the metric (null: none given). */
  expected: number | null;
  /** Measured increment with verdict `measured` (null: not measured or nothing detectable). */
  measured: number | null;
}

/**
 * Cost per extra unit by channel, cheapest first: measured (actual spend ÷ measured increment
 * of the channel's campaigns whose effect was measured) where any was measured, else expected
 * (budget ÷ expected increment of the channel's campaigns). Channels with nothing to go on
 * are left out.
 */
export function channelCosts(campaigns: readonly ChannelCampaign[]): ChannelCost[] {
  const byChannel = new Map<string, ChannelCampaign[]>();
  for (const c of campaigns) byChannel.set(c.channel, [...(byChannel.get(c.channel) ?? []), c]);
  const out: ChannelCost[] = [];
  for (const [channel, list] of byChannel) {
    const measured = list.filter((c) => c.measured !== null && c.measured > 0 && c.actualSpendYuan !== null);
    if (measured.length) {
      const spend = measured.reduce((s, c) => s + (c.actualSpendYuan ?? 0), 0);
      const units = measured.reduce((s, c) => s + (c.measured ?? 0), 0);
      out.push({
        channel,
        costPerUnit: spend / units,
        basis: 'measured',
        campaigns: measured.length,
        spendYuan: spend,
        units,
      });
      continue;
    }
    const expected = list.filter((c) => c.expected !== null && c.expected > 0);
    if (!expected.length) continue;
    const spend = expected.reduce((s, c) => s + c.budgetYuan, 0);
    const units = expected.reduce((s, c) => s + (c.expected ?? 0), 0);
    out.push({
      channel,
      costPerUnit: spend / units,
      basis: 'expected',
      campaigns: expected.length,
      spendYuan: spend,
      units,
    });
  }
  return out.sort((a, b) => a.costPerUnit - b.costPerUnit || a.channel.localeCompare(b.channel));
}
