/**
 * Revenue per visitor for a revenue target: what the projections imply, what the year shows so
 * far, what the baseline year had, and what the two targets together ask (for +34 % revenue and
 * +30 % visitors: the baseline's × 1.34 / 1.30, i.e. +3.08 %). Pure.
 */
export interface PerVisitorFigure {
  revenue: number;
  visitors: number;
  /** Yuan per visitor, two decimals (null without visitors). */
  perVisitor: number | null;
}

export interface RevenuePerVisitor {
  /** The visitors target of the same year and scope, when there is one. */
  visitorsTargetId: string | null;
  /** Projected revenue ÷ projected visitors (medians); null without a visitors target. */
  projected: PerVisitorFigure | null;
  /** Actuals of the year so far, over the days that have both figures. */
  toDate: PerVisitorFigure | null;
  /** The baseline year's totals (null unless both are complete). */
  baseline: (PerVisitorFigure & { year: number }) | null;
  /** Revenue target ÷ visitors target. */
  targets: PerVisitorFigure | null;
  /** projected ÷ baseline − 1. */
  projectedChange: number | null;
  /** targets ÷ baseline − 1: how much spend per visitor must grow. */
  neededChange: number | null;
}

export interface RevenuePerVisitorInput {
  visitorsTargetId: string | null;
  projectedRevenue: number;
  projectedVisitors: number | null;
  /** Daily actuals of the year up to the revenue projection's `asOf` (null = none). */
  revenueDaily: readonly (number | null)[];
  visitorsDaily: readonly (number | null)[];
  baselineYear: number;
  baselineRevenue: number | null;
  baselineVisitors: number | null;
  revenueTarget: number;
  visitorsTarget: number | null;
}

export function revenuePerVisitor(input: RevenuePerVisitorInput): RevenuePerVisitor {
  let revenueToDate = 0;
  let visitorsToDate = 0;
  input.revenueDaily.forEach((revenue, i) => {
    const visitors = input.visitorsDaily[i];
    if (revenue === null || visitors === null || visitors === undefined) return;
    revenueToDate += revenue;
    visitorsToDate += visitors;
  });
  const projected =
    input.projectedVisitors === null ? null : figure(input.projectedRevenue, input.projectedVisitors);
  const baseline =
    input.baselineRevenue === null || input.baselineVisitors === null
      ? null
      : { year: input.baselineYear, ...figure(input.baselineRevenue, input.baselineVisitors) };
  const targets = input.visitorsTarget === null ? null : figure(input.revenueTarget, input.visitorsTarget);
  const change = (a: PerVisitorFigure | null) =>
    a?.perVisitor != null && baseline?.perVisitor ? round(a.perVisitor / baseline.perVisitor - 1, 4) : null;
  return {
    visitorsTargetId: input.visitorsTargetId,
    projected,
    toDate: visitorsToDate > 0 ? figure(revenueToDate, visitorsToDate) : null,
    baseline,
    targets,
    projectedChange: change(projected),
    neededChange: change(targets),
  };
}

function figure(revenue: number, visitors: number): PerVisitorFigure {
  return {
    revenue: Math.round(revenue),
    visitors: Math.round(visitors),
    perVisitor: visitors > 0 ? round(revenue / visitors, 2) : null,
  };
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
