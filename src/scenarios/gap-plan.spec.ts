import { describe, expect, it } from '@jest/globals';
import { reachProbability } from '../projections/math/projection-math.js';
import { channelCosts, solveGap } from './gap-plan.js';

const interval = (median: number, halfWidth80: number) => ({
  median,
  lo80: median - halfWidth80,
  hi80: median + halfWidth80,
  lo95: median - 1.53 * halfWidth80,
  hi95: median + 1.53 * halfWidth80,
});

describe('gap plan', () => {
  it('needs exactly the shortfall to reach 50 %', () => {
    const s = solveGap(interval(900_000, 64_078), 1_000_000, 70, 0.5);
    expect(s.extraTotal).toBe(100_000);
    expect(s.extraPerWeek).toBe(10_000);
    expect(s.reached).toBeCloseTo(0.5, 4);
  });

  it('adds z(0.8) standard deviations to reach 80 %', () => {
    // sd = 64,078 / 1.28155 = 50,000; z(0.8) = 0.84162.
    const s = solveGap(interval(900_000, 64_078), 1_000_000, 70, 0.8);
    expect(s.extraTotal).toBeGreaterThan(142_070);
    expect(s.extraTotal).toBeLessThan(142_090);
    expect(s.reached).toBeGreaterThanOrEqual(0.8);
    expect(s.reached).toBeLessThan(0.80002);
  });

  it('needs nothing when the probability is already there', () => {
    const p = interval(1_200_000, 64_078);
    expect(reachProbability(p, 1_000_000)).toBeGreaterThan(0.99);
    expect(solveGap(p, 1_000_000, 70, 0.8)).toMatchObject({ extraTotal: 0, extraPerWeek: 0 });
  });

  it('handles a certain projection (no spread) and refuses impossible levels', () => {
    expect(solveGap(interval(900, 0), 1_000, 7, 0.8).extraTotal).toBe(100);
    expect(() => solveGap(interval(900, 10), 1_000, 7, 1)).toThrow(RangeError);
  });

  it('ranks channels by measured cost where measured, else by expected cost', () => {
    const costs = channelCosts([
      { channel: 'media', budgetYuan: 12_000_000, actualSpendYuan: null, expected: 300_000, measured: null },
      {
        channel: 'regional',
        budgetYuan: 2_000_000,
        actualSpendYuan: 1_800_000,
        expected: 60_000,
        measured: 90_000,
      },
      { channel: 'regional', budgetYuan: 1_000_000, actualSpendYuan: null, expected: 10_000, measured: null },
      { channel: 'online', budgetYuan: 1_000_000, actualSpendYuan: null, expected: null, measured: null },
    ]);
    expect(costs).toEqual([
      {
        channel: 'regional',
        costPerUnit: 20,
        basis: 'measured',
        campaigns: 1,
        spendYuan: 1_800_000,
        units: 90_000,
      },
      {
        channel: 'media',
        costPerUnit: 40,
        basis: 'expected',
        campaigns: 1,
        spendYuan: 12_000_000,
        units: 300_000,
      },
    ]);
  });
});
