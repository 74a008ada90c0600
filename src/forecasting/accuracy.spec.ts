import { describe, expect, it } from '@jest/globals';
import { countInside, mape, mase, seasonalNaiveScale } from './accuracy.js';

describe('accuracy measures', () => {
  it('scales by the in-sample seasonal naive MAE', () => {
    // lag-2 differences: 2, 4, -2 -> MAE 8/3
    expect(seasonalNaiveScale([1, 5, 3, 9, 1], 2)).toBeCloseTo(8 / 3, 12);
    expect(mase([10, 12], [11, 10], 1.5)).toBeCloseTo(1, 12);
  });

  it('computes MAPE in percent, skipping zero actuals', () => {
    expect(mape([100, 50, 0], [110, 40, 3])).toBeCloseTo(15, 12);
  });

  it('counts actuals inside closed intervals', () => {
    expect(countInside([1, 2, 3], [1, 2.5, 0], [1, 4, 2])).toBe(1);
  });
});
