import { seasonalIndices } from './decompose.js';
import { fitEts } from './ets-fit.js';
import { etsPointForecast } from './ets-model.js';
import { DEFAULT_LEVELS, normalIntervals, type ForecastResult } from './forecast-result.js';
import { optimisedTheta } from './theta-otm.js';
import { zForLevel } from './normal.js';
import { hasSignificantSeasonality, linearFit, mean as average } from './series-stats.js';

/**
 * The standard Theta method (Assimakopoulos & Nikolopoulos 2000) in the form of Hyndman & Billah
 * (2003) and `forecast::thetaf`: simple exponential smoothing of the seasonally adjusted series
 * plus half the slope of its linear trend, b/2 * (h - 1 + (1 - (1 - alpha)^n) / alpha).
 * Seasonal adjustment by classical multiplicative decomposition when the lag-m autocorrelation is
 * significant (additive decomposition if the series has negative values). Intervals are the
 * SES ones, computed on the adjusted scale and then reseasonalised.
 *
 * `optimised: true` replaces the fixed theta = 2 lines by the optimised Theta method
 * (see {@link optimisedTheta}) on the same seasonally adjusted series, with its alpha and
 * one-step variance in the intervals.
 */
export function theta(
  y: readonly number[],
  options: { period: number; horizon: number; levels?: readonly number[]; optimised?: boolean },
): ForecastResult {
  const n = y.length;
  if (n === 0) throw new RangeError('theta needs at least one observation');
  const m = options.period;
  const levels = options.levels ?? DEFAULT_LEVELS;
  let indices: number[] | undefined;
  const multiplicative = y.every((v) => v >= 0);
  if (hasSignificantSeasonality(y, m)) {
    const candidate = seasonalIndices(y, m, multiplicative ? 'multiplicative' : 'additive');
    if (!multiplicative || candidate.every((s) => s > 1e-4)) indices = candidate;
  }
  const adjusted = indices
    ? y.map((v, t) => (multiplicative ? v / indices[t % m] : v - indices[t % m]))
    : y.slice();

  const ses =
    n >= 4
      ? fitEts(adjusted, { error: 'A', trend: 'N', season: 'N', period: 1 }, { initialStates: 'optimized' })
      : undefined;
  let level: number[];
  let alpha: number;
  let sigma2: number;
  if (ses) {
    level = etsPointForecast(ses.fit.state, ses.spec, ses.params, options.horizon);
    alpha = Math.max(ses.params.alpha, 1e-10);
    sigma2 = ses.sigma2;
  } else {
    // Too short to estimate: naive forecast of the adjusted series with the spread of its changes.
    level = new Array<number>(options.horizon).fill(adjusted[n - 1]);
    alpha = 1;
    const changes = adjusted.slice(1).map((v, i) => v - adjusted[i]);
    sigma2 = changes.length > 0 ? average(changes.map((d) => d * d)) : 0;
  }
  let adjustedMean: number[];
  if (options.optimised && n >= 4) {
    const fit = optimisedTheta(adjusted, options.horizon);
    adjustedMean = fit.mean;
    alpha = fit.alpha;
    sigma2 = fit.sigma2;
  } else {
    const drift = linearFit(adjusted).slope / 2;
    const memory = (1 - Math.pow(1 - alpha, n)) / alpha;
    adjustedMean = level.map((l, i) => l + drift * (i + memory));
  }
  const se = adjustedMean.map((_, i) => Math.sqrt(sigma2 * (i * alpha * alpha + 1)));
  const bounds = normalIntervals(adjustedMean, se, levels, zForLevel);

  const reseasonalise = (values: number[]): number[] =>
    indices
      ? values.map((v, i) => {
          const s = indices[(n + i) % m];
          return multiplicative ? v * s : v + s;
        })
      : values;
  const lower: Record<number, number[]> = {};
  const upper: Record<number, number[]> = {};
  for (const level of levels) {
    lower[level] = reseasonalise(bounds.lower[level]);
    upper[level] = reseasonalise(bounds.upper[level]);
  }
  const tags = [options.optimised ? 'optimised' : '', indices ? 'seasonal' : ''].filter((tag) => tag !== '');
  const model = tags.length > 0 ? `Theta(${tags.join(', ')})` : 'Theta';
  return { mean: reseasonalise(adjustedMean), lower, upper, model };
}
