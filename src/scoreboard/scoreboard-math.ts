/**
 * The accountability scoreboard: campaigns and events grouped by responsible unit,
 * organization or channel, with money, expected against measured increments, cost per
 * measured visitor, revenue per yuan, discipline and ranks. Pure.
 *
 * Rules:
 * - An item is *measured* when its effect (city scope) has the verdict `measured` or
 *   `no_effect_detectable` (a measurement whose interval includes zero: its estimate counts,
 *   whatever its sign). Completed items without such an effect (`not_measurable`, or not
 *   computed yet) are *unmeasured*: counted apart with the reason, never as zero. Items not yet
 *   completed are *open* and measured by nobody yet.
 * - yuan per measured visitor = actual spend of the measured campaigns ÷ their measured
 *   visitors; measured revenue per yuan = measured revenue of the measured campaigns ÷ their
 *   spend. Events bring measured visitors but carry no spend, so they are shown and not priced.
 *   A ratio with no measured campaign (or a measured total not above zero) is null, with why.
 * - Discipline: campaigns due (ended at least 14 days ago, or completed) that were completed
 *   with their actual spend within 14 days of their end, plus events due (ended) that were
 *   completed with actual attendance, over all those due. Null when nothing is due.
 * - Ranks are competition ranks ("1, 2, 2, 4"): equal values (to the unit shown) share a rank;
 *   rows without the figure get no rank.
 */
import { UNMEASURABLE_CODES, unmeasurableCodeOf } from '../effects/uplift-estimator.js';

export const SPEND_RECORDING_DAYS = 14;

export type Verdict = 'measured' | 'no_effect_detectable' | 'not_measurable';

export interface Measure {
  verdict: Verdict;
  estimate: number | null;
  reason: string | null;
}

export interface ScoreItem {
  kind: 'campaign' | 'event';
  id: string;
  name: string;
  /** Group keys and labels for each view. */
  unit: string;
  organizationKey: string;
  organizationLabel: string;
  channel: string;
  status: string;
  budgetYuan: number;
  allocatedYuan: number;
  /** Actual spend of a completed campaign. */
  actualSpendYuan: number | null;
  expectedVisitors: number | null;
  expectedRevenueYuan: number | null;
  /** Last day of the item (local date). */
  endDate: string;
  /** Day the item was completed (local date), null if not completed. */
  completedOn: string | null;
  visitors: Measure | null;
  revenue: Measure | null;
}

export type GroupBy = 'unit' | 'organization' | 'channel';

/** Why a completed item has no measurement: the effect's own code, or why there is none. */
export const UNMEASURED_CODES = [...UNMEASURABLE_CODES, 'not_measurable', 'not_computed_yet'] as const;
export type UnmeasuredCode = (typeof UNMEASURED_CODES)[number];

/** Why a row's yuan per measured visitor is null, as a stable code beside the English text. */
export const NOT_RANKED_CODES = [
  'no_campaigns',
  'no_campaign_completed',
  'no_measured_campaign',
  'measured_visitors_not_positive',
] as const;
export type NotRankedCode = (typeof NOT_RANKED_CODES)[number];

export interface UnmeasuredItem {
  kind: 'campaign' | 'event';
  id: string;
  name: string;
  verdict: Verdict | 'pending';
  reason: string;
  reasonCode: UnmeasuredCode;
}

export interface ScoreRow {
  key: string;
  label: string;
  campaigns: number;
  events: number;
  budgetYuan: number;
  allocatedYuan: number;
  spentYuan: number;
  /** spent ÷ allocated (null when nothing is allocated). */
  utilisation: number | null;
  expected: { visitors: number; revenueYuan: number };
  measured: {
    /** Items with a measurement (measured or no effect detectable). */
    items: number;
    /** Of those, with an interval that excludes zero. */
    significant: number;
    visitors: number | null;
    revenueYuan: number | null;
    /** Spend of the measured campaigns (the denominator of the ratios). */
    spendYuan: number;
  };
  unmeasured: { items: number; spendYuan: number; list: UnmeasuredItem[] };
  /** Items not completed yet. */
  open: number;
  yuanPerMeasuredVisitor: number | null;
  measuredRevenuePerYuan: number | null;
  /** Why a ratio is null. */
  notRankedBecause: string | null;
  notRankedCode: NotRankedCode | null;
  discipline: {
    rate: number | null;
    campaignsDue: number;
    campaignsOnTime: number;
    eventsDue: number;
    eventsCompleted: number;
  };
  ranks: {
    yuanPerMeasuredVisitor: number | null;
    measuredRevenuePerYuan: number | null;
    discipline: number | null;
  };
}

const NOT_RANKED_TEXT: Record<NotRankedCode, string> = {
  no_campaigns: 'no campaigns (events carry no spend)',
  no_campaign_completed: 'no campaign completed yet',
  no_measured_campaign: 'no completed campaign has a measured effect on visitors',
  measured_visitors_not_positive: 'the measured visitors of its campaigns add up to zero or less',
};

const DAY_MS = 86_400_000;
const dayNumber = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAY_MS;

function groupOf(item: ScoreItem, by: GroupBy): { key: string; label: string } {
  if (by === 'unit') return { key: item.unit, label: item.unit };
  if (by === 'organization') return { key: item.organizationKey, label: item.organizationLabel };
  return { key: item.channel, label: item.channel };
}

const isMeasurement = (m: Measure | null): m is Measure & { estimate: number } =>
  m !== null && m.verdict !== 'not_measurable' && m.estimate !== null;

export function scoreboard(items: readonly ScoreItem[], by: GroupBy, today: string): ScoreRow[] {
  const groups = new Map<string, { label: string; items: ScoreItem[] }>();
  for (const item of items) {
    const g = groupOf(item, by);
    const entry = groups.get(g.key) ?? { label: g.label, items: [] };
    entry.items.push(item);
    groups.set(g.key, entry);
  }
  const rows = [...groups.entries()].map(([key, g]) => row(key, g.label, g.items, today));
  assignRanks(rows, (r) => r.yuanPerMeasuredVisitor, 'asc', 2, 'yuanPerMeasuredVisitor');
  assignRanks(rows, (r) => r.measuredRevenuePerYuan, 'desc', 2, 'measuredRevenuePerYuan');
  assignRanks(rows, (r) => r.discipline.rate, 'desc', 4, 'discipline');
  return rows.sort(
    (a, b) =>
      (a.ranks.yuanPerMeasuredVisitor ?? Infinity) - (b.ranks.yuanPerMeasuredVisitor ?? Infinity) ||
      (a.ranks.discipline ?? Infinity) - (b.ranks.discipline ?? Infinity) ||
      a.label.localeCompare(b.label),
  );
}

function row(key: string, label: string, items: ScoreItem[], today: string): ScoreRow {
  const live = items.filter((i) => i.status !== 'cancelled');
  const campaigns = live.filter((i) => i.kind === 'campaign');
  const events = live.filter((i) => i.kind === 'event');
  const completed = live.filter((i) => i.status === 'completed');
  const spentYuan = sum(campaigns.map((c) => (c.status === 'completed' ? (c.actualSpendYuan ?? 0) : 0)));
  const allocatedYuan = sum(campaigns.map((c) => c.allocatedYuan));

  const measuredItems = completed.filter((i) => isMeasurement(i.visitors) || isMeasurement(i.revenue));
  const unmeasured = completed.filter((i) => !isMeasurement(i.visitors) && !isMeasurement(i.revenue));
  const visitorsMeasured = completed.filter((i) => isMeasurement(i.visitors));
  const revenueMeasured = completed.filter((i) => isMeasurement(i.revenue));
  const pricedVisitors = visitorsMeasured.filter((i) => i.kind === 'campaign');
  const pricedRevenue = revenueMeasured.filter((i) => i.kind === 'campaign');
  const visitorSpend = sum(pricedVisitors.map((c) => c.actualSpendYuan ?? 0));
  const visitorUnits = sum(pricedVisitors.map((c) => c.visitors!.estimate!));
  const revenueSpend = sum(pricedRevenue.map((c) => c.actualSpendYuan ?? 0));
  const revenueUnits = sum(pricedRevenue.map((c) => c.revenue!.estimate!));

  let notRankedCode: NotRankedCode | null = null;
  let yuanPerMeasuredVisitor: number | null = null;
  if (!pricedVisitors.length)
    notRankedCode = campaigns.length
      ? completed.some((i) => i.kind === 'campaign')
        ? 'no_measured_campaign'
        : 'no_campaign_completed'
      : 'no_campaigns';
  else if (visitorUnits <= 0) notRankedCode = 'measured_visitors_not_positive';
  else yuanPerMeasuredVisitor = visitorSpend / visitorUnits;
  const notRankedBecause = notRankedCode && NOT_RANKED_TEXT[notRankedCode];
  const measuredRevenuePerYuan =
    pricedRevenue.length && revenueSpend > 0 ? revenueUnits / revenueSpend : null;

  const campaignsDue = campaigns.filter(
    (c) => c.status === 'completed' || dayNumber(today) - dayNumber(c.endDate) >= SPEND_RECORDING_DAYS,
  );
  const campaignsOnTime = campaignsDue.filter(
    (c) =>
      c.status === 'completed' &&
      c.actualSpendYuan !== null &&
      c.completedOn !== null &&
      dayNumber(c.completedOn) - dayNumber(c.endDate) <= SPEND_RECORDING_DAYS,
  );
  const eventsDue = events.filter(
    (e) => e.status === 'completed' || (e.status === 'approved' && e.endDate < today),
  );
  const eventsCompleted = eventsDue.filter((e) => e.status === 'completed');
  const due = campaignsDue.length + eventsDue.length;

  return {
    key,
    label,
    campaigns: campaigns.length,
    events: events.length,
    budgetYuan: sum(campaigns.map((c) => c.budgetYuan)),
    allocatedYuan,
    spentYuan,
    utilisation: allocatedYuan > 0 ? spentYuan / allocatedYuan : null,
    expected: {
      visitors: sum(live.map((i) => i.expectedVisitors ?? 0)),
      revenueYuan: sum(live.map((i) => i.expectedRevenueYuan ?? 0)),
    },
    measured: {
      items: measuredItems.length,
      significant: measuredItems.filter(
        (i) => i.visitors?.verdict === 'measured' || i.revenue?.verdict === 'measured',
      ).length,
      visitors: visitorsMeasured.length ? sum(visitorsMeasured.map((i) => i.visitors!.estimate!)) : null,
      revenueYuan: revenueMeasured.length ? sum(revenueMeasured.map((i) => i.revenue!.estimate!)) : null,
      spendYuan: sum(measuredItems.map((i) => (i.kind === 'campaign' ? (i.actualSpendYuan ?? 0) : 0))),
    },
    unmeasured: {
      items: unmeasured.length,
      spendYuan: sum(unmeasured.map((i) => (i.kind === 'campaign' ? (i.actualSpendYuan ?? 0) : 0))),
      list: unmeasured.map((i) => ({
        kind: i.kind,
        id: i.id,
        name: i.name,
        verdict: i.visitors?.verdict ?? 'pending',
        reason:
          i.visitors?.reason ?? (i.visitors ? 'not measurable' : 'its effect has not been computed yet'),
        reasonCode: i.visitors
          ? (unmeasurableCodeOf(i.visitors.reason) ?? 'not_measurable')
          : 'not_computed_yet',
      })),
    },
    open: live.length - completed.length,
    yuanPerMeasuredVisitor,
    measuredRevenuePerYuan,
    notRankedBecause,
    notRankedCode,
    discipline: {
      rate: due ? (campaignsOnTime.length + eventsCompleted.length) / due : null,
      campaignsDue: campaignsDue.length,
      campaignsOnTime: campaignsOnTime.length,
      eventsDue: eventsDue.length,
      eventsCompleted: eventsCompleted.length,
    },
    ranks: { yuanPerMeasuredVisitor: null, measuredRevenuePerYuan: null, discipline: null },
  };
}

/**
 * Competition ranks ("1, 2, 2, 4") by a figure, best first; values equal once rounded to
 * `digits` decimals share a rank; rows without the figure get none.
 */
export function competitionRanks(
  values: readonly (number | null)[],
  order: 'asc' | 'desc',
  digits: number,
): (number | null)[] {
  const factor = 10 ** digits;
  const keyed = values
    .map((v, i) => ({ i, v: v === null ? null : Math.round(v * factor) / factor }))
    .filter((x): x is { i: number; v: number } => x.v !== null)
    .sort((a, b) => (order === 'asc' ? a.v - b.v : b.v - a.v));
  const ranks: (number | null)[] = values.map(() => null);
  keyed.forEach((x, k) => {
    ranks[x.i] = k > 0 && keyed[k - 1].v === x.v ? ranks[keyed[k - 1].i] : k + 1;
  });
  return ranks;
}

function assignRanks(
  rows: ScoreRow[],
  value: (r: ScoreRow) => number | null,
  order: 'asc' | 'desc',
  digits: number,
  name: keyof ScoreRow['ranks'],
): void {
  const ranks = competitionRanks(rows.map(value), order, digits);
  rows.forEach((r, i) => (r.ranks[name] = ranks[i]));
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
