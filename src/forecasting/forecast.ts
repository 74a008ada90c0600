import { annualTheta } from './annual-theta.js';
import { combineForecasts, isFiniteForecast, tidyForecast } from './combine.js';
import { ets } from './ets.js';
import { DEFAULT_LEVELS, type ForecastResult } from './forecast-result.js';
import { seasonalArima } from './seasonal-arima.js';
import { seasonalNaive } from './seasonal-naive.js';
import { zForLevel } from './normal.js';
import { isConstant } from './series-stats.js';
import { theta } from './theta.js';

export interface ForecastOptions {
  /** Seasonal period: 12 monthly, 4 quarterly, 1 for no seasonality. */
  period: number;
  /** Number of steps to forecast. */
  horizon: number;
  /** Central interval levels in percent (default 80 and 95). */
  levels?: readonly number[];
  /**
   * `holdout`: rescale each level's interval widths by the combination's own errors on a
   * holdout cut from the end of the series (see {@link holdoutWidthFactors}); `none` (default):
   * the members' averaged quantiles as they are.
   */
  calibrate?: 'holdout' | 'none';
}

/** Prior weight of the models' own widths, in holdout points per point (see holdoutWidthFactors). */
const PRIOR_POINTS_PER_POINT = 2;
const MIN_WIDTH_FACTOR = 0.8;
const MAX_WIDTH_FACTOR = 2;

/**
 * Forecasts a series with a combination of four members: automatic ETS (AICc over error, trend
 * incl. damped, and season types), the optimised Theta method, automatic seasonal ARIMA and seasonal naive.
 * ETS and seasonal ARIMA contribute the Akaike-weighted average of their candidates' point forecasts
 * (`akaike.ts`; Kolassa 2011) rather than the best candidate's alone, with the best one's intervals.
 * Point forecast: the trimmed mean (the lowest and the highest left out) of the members and, for
 * seasonal series of six years or more, of the annual Theta forecast spread over the seasons
 * ({@link annualTheta}): the median of four, the mean of the middle three of five; intervals: the average
 * of the four members' quantiles. A member that cannot be fitted (e.g. a series too short)
 * is left out. Always returns finite numbers; series that never go negative get forecasts
 * floored at zero.
 */
export function forecast(y: readonly number[], options: ForecastOptions): ForecastResult {
  const levels = validate(y, options);
  const { period, horizon } = options;
  const nonNegative = y.every((v) => v >= 0);
  if (isConstant(y)) return constantForecast(y[0], horizon, levels);

  const combined = combination(y, period, horizon, levels);
  if (options.calibrate !== 'holdout') return tidyForecast(combined, levels, nonNegative);
  const factors = holdoutWidthFactors(y, period, horizon, levels);
  return tidyForecast(widen(combined, factors), levels, nonNegative);
}

/** The members' combination (trimmed-mean point forecast, averaged quantiles), before tidying. */
function combination(
  y: readonly number[],
  period: number,
  horizon: number,
  levels: readonly number[],
): ForecastResult {
  const members: ForecastResult[] = [];
  const add = (make: () => ForecastResult | undefined): void => {
    const member = make();
    if (member && isFiniteForecast(member, levels)) members.push(member);
  };
  add(() => ets(y, { period, horizon, levels, point: 'akaike' }));
  add(() => theta(y, { period, horizon, levels, optimised: true }));
  add(() => seasonalArima(y, { period, horizon, levels, point: 'akaike' }));
  add(() => seasonalNaive(y, { period, horizon, levels }));
  const annual = annualTheta(y, { period, horizon });
  const pointOnly = annual?.every(Number.isFinite) ? [{ model: 'annual Theta', mean: annual }] : [];
  return combineForecasts(members, levels, { point: 'trimmed', pointOnly });
}

/**
 * Interval calibration on a holdout cut from the series itself: the combination is refitted on
 * all but the last `horizon` points and forecasts them; for each level, the holdout errors in
 * units of the standard error its interval implies (half-width / z) give a width factor
 * sqrt((c + sum r^2) / (c + h)), a root mean square shrunk towards 1 by a prior worth
 * c = 2h points (one holdout per series is noisy), kept within 0.8-2. Factor 1 when the series
 * is too short to spare a holdout (fewer than 2 seasons + 4 points would remain).
 */
export function holdoutWidthFactors(
  y: readonly number[],
  period: number,
  horizon: number,
  levels: readonly number[],
): Record<number, number> {
  const factors: Record<number, number> = Object.fromEntries(levels.map((l) => [l, 1]));
  const n = y.length - horizon;
  if (n < 2 * period + 4 || isConstant(y.slice(0, n))) return factors;
  const fit = combination(y.slice(0, n), period, horizon, levels);
  const prior = PRIOR_POINTS_PER_POINT * horizon;
  for (const level of levels) {
    const z = zForLevel(level);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < horizon; i++) {
      const se = (fit.upper[level][i] - fit.lower[level][i]) / (2 * z);
      if (!(se > 0)) continue;
      sum += ((y[n + i] - fit.mean[i]) / se) ** 2;
      count++;
    }
    const factor = Math.sqrt((prior + sum) / (prior + count));
    factors[level] = Math.min(Math.max(factor, MIN_WIDTH_FACTOR), MAX_WIDTH_FACTOR);
  }
  return factors;
}

/** Scales each level's bounds around the point forecast. */
function widen(f: ForecastResult, factors: Record<number, number>): ForecastResult {
  const lower: Record<number, number[]> = {};
  const upper: Record<number, number[]> = {};
  for (const key of Object.keys(f.lower)) {
    const level = Number(key);
    const k = factors[level] ?? 1;
    lower[level] = f.lower[level].map((v, i) => f.mean[i] - (f.mean[i] - v) * k);
    upper[level] = f.upper[level].map((v, i) => f.mean[i] + (v - f.mean[i]) * k);
  }
  return { ...f, lower, upper, model: `${f.model} with holdout-calibrated intervals` };
}

/** A constant series: the value itself, with intervals of zero width. */
function constantForecast(value: number, horizon: number, levels: readonly number[]): ForecastResult {
  const repeat = (): number[] => new Array<number>(horizon).fill(value);
  const lower: Record<number, number[]> = {};
  const upper: Record<number, number[]> = {};
  for (const level of levels) {
    lower[level] = repeat();
    upper[level] = repeat();
  }
  return { mean: repeat(), lower, upper, model: 'Constant' };
}

function validate(y: readonly number[], options: ForecastOptions): readonly number[] {
  if (y.length === 0) throw new RangeError('forecast needs at least one observation');
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`observation ${bad + 1} is not a finite number`);
  if (!Number.isInteger(options.period) || options.period < 1)
    throw new RangeError('period must be a positive integer');
  if (!Number.isInteger(options.horizon) || options.horizon < 1)
    throw new RangeError('horizon must be a positive integer');
  const levels = options.levels ?? DEFAULT_LEVELS;
  for (const level of levels) {
    if (!(level > 0 && level < 100))
      throw new RangeError(`interval level ${level} must lie strictly between 0 and 100`);
  }
  return levels;
}
