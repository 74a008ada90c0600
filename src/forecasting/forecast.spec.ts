import { describe, expect, it } from '@jest/globals';
import { forecast } from './forecast.js';
import type { ForecastResult } from './forecast-result.js';

function expectWellFormed(f: ForecastResult, horizon: number): void {
  expect(f.mean).toHaveLength(horizon);
  for (let h = 0; h < horizon; h++) {
    const row = [f.lower[95][h], f.lower[80][h], f.mean[h], f.upper[80][h], f.upper[95][h]];
    expect(row.every(Number.isFinite)).toBe(true);
    for (let k = 1; k < row.length; k++) expect(row[k]).toBeGreaterThanOrEqual(row[k - 1]);
  }
}

const quarterly = Array.from(
  { length: 40 },
  (_, t) => (200 + 3 * t) * [0.8, 1.1, 1.3, 0.8][t % 4] + 5 * Math.cos(t * t),
);

describe('forecast', () => {
  it('combines ETS, Theta, seasonal ARIMA, seasonal naive and the annual Theta forecast', () => {
    const f = forecast(quarterly, { period: 4, horizon: 8 });
    expect(f.model).toMatch(
      /^Trimmed mean\(ETS\(.+\) Akaike-weighted, Theta.*, ARIMA.* Akaike-weighted, SNaive, annual Theta\)$/,
    );
    expectWellFormed(f, 8);
    // the seasonal shape carries over: third quarter above first
    expect(f.mean[2]).toBeGreaterThan(f.mean[0]);
  });

  it.each([
    ['a single value', [42], 12],
    ['two values', [3, 4], 4],
    ['five values', [5, 3, 6, 2, 7], 4],
    ['thirteen monthly values', Array.from({ length: 13 }, (_, t) => 10 + (t % 12)), 12],
    ['a constant series', new Array<number>(30).fill(7), 4],
    ['zeros and spikes', [0, 0, 5, 0, 0, 0, 9, 0, 0, 1, 6, 0, 0, 0, 8, 0, 0, 0, 7, 0], 4],
    ['negative values', Array.from({ length: 30 }, (_, t) => Math.sin(t) * 10 - 5), 4],
    ['huge values', Array.from({ length: 24 }, (_, t) => 1e12 * (1 + (t % 4) / 10)), 4],
  ])('gives finite, ordered output for %s', (_name, y, period) => {
    const f = forecast(y, { period, horizon: 6 });
    expectWellFormed(f, 6);
  });

  it('forecasts a constant series with zero-width intervals', () => {
    const f = forecast([7, 7, 7, 7, 7, 7], { period: 4, horizon: 2 });
    expect(f).toEqual({
      mean: [7, 7],
      lower: { 80: [7, 7], 95: [7, 7] },
      upper: { 80: [7, 7], 95: [7, 7] },
      model: 'Constant',
    });
  });

  it('never forecasts below zero for a series that never goes negative', () => {
    const y = Array.from({ length: 24 }, (_, t) => Math.max(0, 50 - 3 * t));
    const f = forecast(y, { period: 4, horizon: 8 });
    expect(Math.min(...f.mean, ...f.lower[95])).toBeGreaterThanOrEqual(0);
  });

  it('rejects bad input with a clear message', () => {
    expect(() => forecast([], { period: 4, horizon: 2 })).toThrow(/at least one observation/);
    expect(() => forecast([1, NaN], { period: 4, horizon: 2 })).toThrow(/observation 2/);
    expect(() => forecast([1, 2], { period: 4, horizon: 0 })).toThrow(/horizon/);
    expect(() => forecast([1, 2], { period: 4, horizon: 2, levels: [100] })).toThrow(/level/);
  });
});
