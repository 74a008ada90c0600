import { describe, expect, it } from '@jest/globals';
import { yearDays } from '../../common/time/local-date.js';
import { monthlyHistory } from './monthly-history.js';

const values = (years: number[], value = 10, skip: (d: string) => boolean = () => false) =>
  new Map(
    years.flatMap((y) =>
      yearDays(y)
        .filter((d) => !skip(d))
        .map((d) => [d, value] as const),
    ),
  );

describe('monthlyHistory', () => {
  it('takes the complete years before the target year, oldest first, up to the limit', () => {
    const h = monthlyHistory(values([2018, 2019, 2020, 2021]), 2022, 3);
    expect(h.years).toEqual([2019, 2020, 2021]);
    expect(h.history).toHaveLength(36);
    expect(h.history[1]).toBe(280); // February 2019
    expect(h.history[13]).toBe(290); // February 2020
  });

  it('fills a few missing days at their month’s mean, and stops at a year with a gap', () => {
    const h = monthlyHistory(
      values([2020, 2021], 10, (d) => d === '2021-03-05' || d.startsWith('2020-06')),
      2022,
      5,
    );
    expect(h.years).toEqual([2021]);
    expect(h.history[2]).toBeCloseTo(310, 9);
  });

  it('is empty without the previous year', () => {
    expect(monthlyHistory(values([2020]), 2022, 5)).toEqual({ history: [], years: [] });
  });
});
