import { describe, expect, it } from '@jest/globals';
import { apportion, fundFigures, spentByFund, type AllocationFacts } from './fund-figures.js';

const alloc = (
  fundId: string,
  campaignId: string,
  amountYuan: number,
  status = 'active',
  spend: number | null = null,
): AllocationFacts => ({
  fundId,
  campaignId,
  amountYuan,
  campaignStatus: status,
  actualSpendYuan: spend,
});

describe('fund figures', () => {
  it('apportions whole yuan that add up exactly', () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(10, [0, 0])).toEqual([0, 0]);
    expect(apportion(999_999, [600_000, 400_000])).toEqual([600_000 - 1, 400_000]);
    const shares = apportion(7_777_777, [3, 5, 11, 13]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(7_777_777);
  });

  it('shares a completed campaign’s spend pro rata over its funds', () => {
    const spent = spentByFund([
      alloc('a', 'c1', 3_000_000, 'completed', 2_000_000),
      alloc('b', 'c1', 1_000_000, 'completed', 2_000_000),
      alloc('a', 'c2', 500_000, 'active'),
    ]);
    expect(spent.get('a')).toBe(1_500_000);
    expect(spent.get('b')).toBe(500_000);
  });

  it('counts allocated, spent and remaining; cancelled campaigns release their money', () => {
    const figures = fundFigures(
      [
        { id: 'a', amountYuan: 10_000_000 },
        { id: 'b', amountYuan: 2_000_000 },
      ],
      [
        alloc('a', 'c1', 3_000_000, 'completed', 2_000_000),
        alloc('b', 'c1', 1_000_000, 'completed', 2_000_000),
        alloc('a', 'c2', 4_000_000, 'cancelled'),
        alloc('a', 'c3', 1_000_000, 'scheduled'),
      ],
    );
    expect(figures.get('a')).toEqual({
      allocatedYuan: 4_000_000,
      spentYuan: 1_500_000,
      remainingYuan: 6_000_000,
      utilisation: 0.375,
      campaigns: 2,
    });
    expect(figures.get('b')).toMatchObject({
      allocatedYuan: 1_000_000,
      spentYuan: 500_000,
      remainingYuan: 1_000_000,
    });
  });
});
