import { describe, expect, it } from '@jest/globals';
import { yearDays } from '../common/time/local-date.js';
import { cumulativePath, uniformShares } from './target-path.js';

describe('cumulative target path', () => {
  it('adds up to the total exactly, in whole numbers, whatever the shares', () => {
    const dates = yearDays(2022);
    const shares = dates.map((_, i) => 1 + ((i * 7919) % 13) / 3);
    const path = cumulativePath(dates, shares, 1_234_567);
    expect(path).toHaveLength(365);
    expect(path.reduce((sum, d) => sum + d.expected, 0)).toBe(1_234_567);
    expect(path[364].cumulative).toBe(1_234_567);
    expect(path.every((d) => Number.isInteger(d.expected) && d.expected >= 0)).toBe(true);
    expect(path.reduce((sum, d) => sum + d.share, 0)).toBeCloseTo(1, 12);
  });

  it('is a straight line when uniform', () => {
    const path = cumulativePath(yearDays(2022), uniformShares(365), 365_000);
    expect(path.every((d) => d.expected === 1000)).toBe(true);
    expect(path[31 + 28 - 1]).toMatchObject({ date: '2022-02-28', cumulative: 59_000 });
  });

  it('follows the shares: a day with twice the share expects twice as much', () => {
    const path = cumulativePath(['2022-01-01', '2022-01-02', '2022-01-03'], [1, 2, 1], 400);
    expect(path.map((d) => d.expected)).toEqual([100, 200, 100]);
    expect(path.map((d) => d.cumulative)).toEqual([100, 300, 400]);
  });
});
