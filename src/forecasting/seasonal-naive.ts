import { DEFAULT_LEVELS, normalIntervals, type ForecastResult } from './forecast-result.js';
import { zForLevel } from './normal.js';

/**
 * Seasonal naive: y_{n+h} = y_{n+h-m(k+1)}, k = floor((h-1)/m). Intervals as `forecast::snaive`:
 * sigma from the in-sample lag-m differences, standard error sigma * sqrt(k + 1).
 * Falls back to the naive method (m = 1) when there is less than one full season.
 */
export function seasonalNaive(
  y: readonly number[],
  options: { period: number; horizon: number; levels?: readonly number[] },
): ForecastResult {
  const n = y.length;
  if (n === 0) throw new RangeError('seasonalNaive needs at least one observation');
  const m = options.period > 1 && n >= options.period ? options.period : 1;
  const mean: number[] = [];
  for (let h = 1; h <= options.horizon; h++) mean.push(y[n - m + ((h - 1) % m)]);
  let sum = 0;
  for (let t = m; t < n; t++) sum += (y[t] - y[t - m]) ** 2;
  const sigma = n > m ? Math.sqrt(sum / (n - m)) : 0;
  const se = mean.map((_, i) => sigma * Math.sqrt(Math.floor(i / m) + 1));
  return {
    mean,
    ...normalIntervals(mean, se, options.levels ?? DEFAULT_LEVELS, zForLevel),
    model: m > 1 ? 'SNaive' : 'Naive',
  };
}
