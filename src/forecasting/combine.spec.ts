import { describe, expect, it } from '@jest/globals';
import { combineForecasts, tidyForecast } from './combine.js';
import type { ForecastResult } from './forecast-result.js';

const member = (mean: number, spread: number, model: string): ForecastResult => ({
  mean: [mean],
  lower: { 80: [mean - spread], 95: [mean - 2 * spread] },
  upper: { 80: [mean + spread], 95: [mean + 2 * spread] },
  model,
});

describe('combineForecasts', () => {
  const members = [member(10, 1, 'a'), member(12, 2, 'b'), member(20, 3, 'c'), member(11, 2, 'd')];

  it('takes the median of the point forecasts (mean of the middle two of four)', () => {
    expect(combineForecasts(members, [80, 95]).mean).toEqual([11.5]);
    expect(combineForecasts(members, [80, 95], { point: 'mean' }).mean).toEqual([13.25]);
  });

  it('leaves out the lowest and the highest point forecast for the trimmed mean', () => {
    expect(combineForecasts(members, [80, 95], { point: 'trimmed' }).mean).toEqual([11.5]);
    const five = combineForecasts(members, [80, 95], {
      point: 'trimmed',
      pointOnly: [{ model: 'e', mean: [30] }],
    });
    expect(five.mean[0]).toBeCloseTo((11 + 12 + 20) / 3, 12);
    expect(five.model).toBe('Trimmed mean(a, b, c, d, e)');
    expect(combineForecasts(members.slice(0, 2), [80], { point: 'trimmed' }).mean).toEqual([11]);
  });

  it('averages the quantiles of the members', () => {
    const f = combineForecasts(members, [80, 95]);
    expect(f.lower[80][0]).toBeCloseTo((9 + 10 + 17 + 9) / 4, 12);
    expect(f.upper[95][0]).toBeCloseTo((12 + 16 + 26 + 15) / 4, 12);
    expect(f.model).toBe('Median(a, b, c, d)');
  });

  it('pools point-only forecasts with the point forecasts but not with the quantiles', () => {
    const f = combineForecasts(members, [80, 95], { pointOnly: [{ model: 'e', mean: [30] }] });
    expect(f.mean).toEqual([12]);
    expect(f.lower[80][0]).toBeCloseTo((9 + 10 + 17 + 9) / 4, 12);
    expect(f.model).toBe('Median(a, b, c, d, e)');
  });
});

describe('tidyForecast', () => {
  it('nests the intervals around the point forecast and floors non-negative series at zero', () => {
    const messy: ForecastResult = {
      mean: [5],
      lower: { 80: [6], 95: [-3] },
      upper: { 80: [7], 95: [6.5] },
      model: 'x',
    };
    const f = tidyForecast(messy, [95, 80], true);
    expect([f.lower[95][0], f.lower[80][0], f.mean[0], f.upper[80][0], f.upper[95][0]]).toEqual([
      0, 5, 5, 7, 7,
    ]);
  });
});
