import { mean } from './series-stats.js';

export type DecompositionType = 'additive' | 'multiplicative';

/**
 * Classical decomposition (as R's `decompose`): a centred moving average of order `period`
 * (2 x period for even periods) estimates the trend; the seasonal index of each season is the
 * average detrended value, normalised to sum to zero (additive) or average one (multiplicative).
 * `seasonal[j]` is the index of the season of observations t with t % period === j.
 * Needs at least two full periods.
 */
export function seasonalIndices(y: readonly number[], period: number, type: DecompositionType): number[] {
  const n = y.length;
  if (period < 2 || n < 2 * period) throw new RangeError('classical decomposition needs two full periods');
  const half = Math.floor(period / 2);
  const even = period % 2 === 0;
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    if (even) {
      trend += 0.5 * (y[t - half] + y[t + half]);
      for (let k = t - half + 1; k < t + half; k++) trend += y[k];
    } else {
      for (let k = t - half; k <= t + half; k++) trend += y[k];
    }
    trend /= period;
    const detrended = type === 'additive' ? y[t] - trend : y[t] / trend;
    if (!Number.isFinite(detrended)) continue;
    sums[t % period] += detrended;
    counts[t % period]++;
  }
  const figure = sums.map((s, j) => (counts[j] > 0 ? s / counts[j] : type === 'additive' ? 0 : 1));
  const centre = mean(figure);
  return type === 'additive' ? figure.map((v) => v - centre) : figure.map((v) => v / centre);
}
