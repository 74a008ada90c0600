import { describe, expect, it } from '@jest/globals';
import { revenuePerVisitor } from './revenue-per-visitor.js';

describe('revenuePerVisitor', () => {
  it('compares projected, to-date and target revenue per visitor with the baseline', () => {
    const r = revenuePerVisitor({
      visitorsTargetId: 'v',
      projectedRevenue: 1_100_000,
      projectedVisitors: 1_000,
      revenueDaily: [100, 200, null],
      visitorsDaily: [1, 1, 5],
      baselineYear: 2021,
      baselineRevenue: 1_000_000,
      baselineVisitors: 1_000,
      revenueTarget: 1_340_000,
      visitorsTarget: 1_300,
    });
    expect(r).toEqual({
      visitorsTargetId: 'v',
      projected: { revenue: 1_100_000, visitors: 1_000, perVisitor: 1100 },
      toDate: { revenue: 300, visitors: 2, perVisitor: 150 },
      baseline: { year: 2021, revenue: 1_000_000, visitors: 1_000, perVisitor: 1000 },
      targets: { revenue: 1_340_000, visitors: 1_300, perVisitor: 1030.77 },
      projectedChange: 0.1,
      neededChange: 0.0308,
    });
  });

  it('leaves out what it has no visitors for', () => {
    const r = revenuePerVisitor({
      visitorsTargetId: null,
      projectedRevenue: 5,
      projectedVisitors: null,
      revenueDaily: [5],
      visitorsDaily: [null],
      baselineYear: 2021,
      baselineRevenue: null,
      baselineVisitors: 10,
      revenueTarget: 7,
      visitorsTarget: null,
    });
    expect(r).toMatchObject({
      projected: null,
      toDate: null,
      baseline: null,
      targets: null,
      neededChange: null,
    });
  });
});
