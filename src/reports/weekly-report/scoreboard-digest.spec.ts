import { describe, expect, it } from '@jest/globals';
import { scoreboard, type Measure, type ScoreItem } from '../../scoreboard/scoreboard-math.js';
import { scoreboardDigest } from './scoreboard-digest.js';

const measured = (estimate: number): Measure => ({ verdict: 'measured', estimate, reason: null });
const notMeasurable = (reason: string): Measure => ({ verdict: 'not_measurable', estimate: null, reason });

/** A completed 2022 campaign of `unit`, spending `spend` for `visitors` measured visitors. */
function campaign(unit: string, spend: number, visitors: Measure | null): ScoreItem {
  return {
    kind: 'campaign',
    id: `${unit}-${spend}`,
    name: `${unit} campaign`,
    unit,
    organizationKey: 'none',
    organizationLabel: 'none',
    channel: 'media',
    status: 'completed',
    budgetYuan: spend,
    allocatedYuan: spend,
    actualSpendYuan: spend,
    expectedVisitors: 1000,
    expectedRevenueYuan: null,
    endDate: '2022-05-01',
    completedOn: '2022-05-02',
    visitors,
    revenue: null,
  };
}

describe('scoreboardDigest', () => {
  it('takes the scoreboard’s own ranks: three best, the weakest three apart, the unranked listed with why', () => {
    const rows = scoreboard(
      [
        campaign('A', 100_000, measured(10_000)), // 10 / visitor
        campaign('B', 200_000, measured(10_000)), // 20
        campaign('C', 200_000, measured(10_000)), // 20 (tie)
        campaign('D', 400_000, measured(10_000)), // 40
        campaign('E', 500_000, measured(10_000)), // 50
        campaign('F', 900_000, measured(10_000)), // 90
        campaign('G', 990_000, measured(10_000)), // 99
        campaign('H', 300_000, notMeasurable('the effect window lacks actuals for 2 of its 9 day(s)')),
        campaign('I', 300_000, null),
      ],
      'unit',
      '2022-12-31',
    );
    const d = scoreboardDigest(2022, rows);
    expect(d.units).toBe(9);
    expect(d.rankedUnits).toBe(7);
    expect(d.best.map((u) => [u.unit, u.rank, u.yuanPerMeasuredVisitor])).toEqual([
      ['A', 1, 10],
      ['B', 2, 20],
      ['C', 2, 20],
    ]);
    expect(d.attention.map((u) => [u.unit, u.rank])).toEqual([
      ['G', 7],
      ['F', 6],
      ['E', 5],
    ]);
    expect(d.best[0]).toMatchObject({ measuredVisitors: 10_000, measuredSpendYuan: 100_000 });
    expect(d.unranked).toEqual([
      { unit: 'H', because: 'no completed campaign has a measured effect on visitors' },
      { unit: 'I', because: 'no completed campaign has a measured effect on visitors' },
    ]);
    expect(d.unmeasured).toEqual({
      items: 2,
      reasons: [
        { reason: 'its effect has not been computed yet', items: 1 },
        { reason: 'the effect window lacks actuals for 2 of its 9 day(s)', items: 1 },
      ],
    });
  });

  it('never repeats a unit in both lists when fewer than seven are ranked', () => {
    const rows = scoreboard(
      [1, 2, 3, 4].map((k) => campaign(`U${k}`, k * 100_000, measured(10_000))),
      'unit',
      '2022-12-31',
    );
    const d = scoreboardDigest(2022, rows);
    expect(d.best.map((u) => u.unit)).toEqual(['U1', 'U2', 'U3']);
    expect(d.attention.map((u) => u.unit)).toEqual(['U4']);
  });

  it('ranks nobody when nothing is measured', () => {
    const d = scoreboardDigest(2022, scoreboard([campaign('A', 100_000, null)], 'unit', '2022-12-31'));
    expect(d).toMatchObject({ rankedUnits: 0, best: [], attention: [], units: 1 });
    expect(d.unmeasured.items).toBe(1);
  });
});
