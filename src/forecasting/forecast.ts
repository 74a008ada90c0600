import { combineForecasts, isFiniteForecast, tidyForecast } from './combine.js';
import { ets } from './ets.js';
import { DEFAULT_LEVELS, type ForecastResult } from './forecast-result.js';
import { seasonalArima } from './seasonal-arima.js';
import { seasonalNaive } from './seasonal-naive.js';
import { isConstant } from './series-stats.js';
import { theta } from './theta.js';

export interface ForecastOptions {
  /** Seasonal period: 12 monthly, 4 quarterly, 1 for no seasonality. */
  period: number;
  /** Number of steps to forecast. */
  horizon: number;
  /** Central interval levels in percent (default 80 and 95). */
  levels?: readonly number[];
}

/**
 * Forecasts a series with a combination of four members: automatic ETS (AICc over error, trend
 * incl. damped, and season types), the Theta method, automatic seasonal ARIMA and seasonal naive.
 * Point forecast: the median of the members (with four, the mean of the middle two); intervals:
 * the average of the members' quantiles. A member that cannot be fitted (e.g. a series too short)
 * is left out. Always returns finite numbers; series that never go negative get forecasts
 * floored at zero.
 */
export function forecast(y: readonly number[], options: ForecastOptions): ForecastResult {
  const levels = validate(y, options);
  const { period, horizon } = options;
  const nonNegative = y.every((v) => v >= 0);
  if (isConstant(y)) return constantForecast(y[0], horizon, levels);

  const members: ForecastResult[] = [];
  const add = (make: () => ForecastResult | undefined): void => {
    const member = make();
    if (member && isFiniteForecast(member, levels)) members.push(member);
  };
  add(() => ets(y, { period, horizon, levels }));
  add(() => theta(y, { period, horizon, levels }));
  add(() => seasonalArima(y, { period, horizon, levels }));
  add(() => seasonalNaive(y, { period, horizon, levels }));
  return tidyForecast(combineForecasts(members, levels), levels, nonNegative);
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
