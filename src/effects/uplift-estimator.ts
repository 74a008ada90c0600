import { forecast } from '../forecasting/forecast.js';
import { normalQuantile } from '../forecasting/normal.js';

/**
 * Measured uplift of a campaign or event: the actuals in its effect window minus a counterfactual
 * forecast made only from data before the window, with 80 % and 95 % intervals for the sum.
 *
 * Counterfactual. With a year of history before the fitting span, the core forecasts the ratio
 * of each day to the same weekday 364 days earlier (a yearly-seasonal reference: it carries the
 * month-to-month and weekday shape the short fitting span cannot see), and the counterfactual is
 * that ratio times the reference day. With less history, the core forecasts the daily series
 * itself with a weekly period. Either way only days before the window are used.
 *
 * Interval for the sum. Forecast errors of consecutive days are correlated (a wrong level is
 * wrong on every day of the window), so the sum's spread is not the daily spread times sqrt(L).
 * The estimator backtests the same procedure at `origins` earlier windows of the same length
 * (ending before the window, so untouched by the item) and takes the relative error of each
 * backtest's window sum: their root mean square is the spread of the sum's relative error, and
 * the interval uses Student's t with as many degrees of freedom as there are independent
 * backtest windows (overlapping ones count in proportion to their non-overlapping days).
 */
export interface UpliftOptions {
  /** Days the core is fitted on before each forecast origin (default 56). */
  fitDays?: number;
  /** Backtest windows before the window (default 12). */
  origins?: number;
  /** Days between backtest origins (default 7). */
  spacing?: number;
  /** Lag of the yearly reference, a whole number of weeks (default 364). */
  referenceLag?: number;
}

export type UpliftVerdict = 'measured' | 'no_effect_detectable' | 'not_measurable';
export type CounterfactualMethod = 'yearly-reference-ratio' | 'weekly-direct';

export interface UpliftInterval {
  lower: number;
  upper: number;
}

export interface MeasuredUplift {
  verdict: 'measured' | 'no_effect_detectable';
  method: CounterfactualMethod;
  /** Sum of the actuals over the window. */
  actual: number;
  /** Sum of the counterfactual forecast over the window. */
  counterfactual: number;
  /** actual - counterfactual. */
  estimate: number;
  interval80: UpliftInterval;
  interval95: UpliftInterval;
  /** Backtest windows behind the interval, and the RMS relative error of their sums. */
  backtests: number;
  relativeErrorRms: number;
}

export interface UnmeasurableUplift {
  verdict: 'not_measurable';
  reason: string;
}

export type UpliftResult = MeasuredUplift | UnmeasurableUplift;

export interface UpliftInput {
  /** Consecutive daily values; null where no actual is recorded. */
  values: readonly (number | null)[];
  /** First and last day of the effect window, indices into `values` (inclusive). */
  windowStart: number;
  windowEnd: number;
}

const DEFAULTS: Required<UpliftOptions> = { fitDays: 56, origins: 12, spacing: 7, referenceLag: 364 };

/** Days of complete history the estimator needs before a window of `length` days, per method. */
export function requiredHistory(
  length: number,
  options: UpliftOptions = {},
): Record<CounterfactualMethod, number> {
  const o = { ...DEFAULTS, ...options };
  const direct = o.fitDays + length + (o.origins - 1) * o.spacing;
  return { 'weekly-direct': direct, 'yearly-reference-ratio': direct + o.referenceLag + 3 };
}

export function estimateUplift(input: UpliftInput, options: UpliftOptions = {}): UpliftResult {
  const o = { ...DEFAULTS, ...options };
  const { values, windowStart, windowEnd } = input;
  if (!(
    Number.isInteger(windowStart) &&
    Number.isInteger(windowEnd) &&
    windowStart >= 0 &&
    windowEnd >= windowStart
  ))
    throw new RangeError('the window must be a non-empty range of day indices');
  const length = windowEnd - windowStart + 1;
  let missing = 0;
  for (let t = windowStart; t <= windowEnd; t++) if (t >= values.length || values[t] === null) missing++;
  if (missing > 0)
    return {
      verdict: 'not_measurable',
      reason: `the effect window lacks actuals for ${missing} of its ${length} day(s)`,
    };
  // Complete history: the run of recorded days ending just before the window.
  let first = windowStart;
  while (first > 0 && values[first - 1] !== null) first--;
  const history = windowStart - first;
  const needed = requiredHistory(length, o);
  const y = values.slice(first, windowEnd + 1) as number[];
  const start = windowStart - first;
  const ratioPossible =
    history >= needed['yearly-reference-ratio'] &&
    length < o.referenceLag - 3 &&
    positiveWeeks(y, start - needed['yearly-reference-ratio'] + 3, start + length - o.referenceLag);
  let method: CounterfactualMethod;
  if (ratioPossible) method = 'yearly-reference-ratio';
  else if (history >= needed['weekly-direct']) method = 'weekly-direct';
  else
    return {
      verdict: 'not_measurable',
      reason:
        `too little history: a ${length}-day window needs at least ${needed['weekly-direct']} days of ` +
        `complete daily actuals right before it (${needed['yearly-reference-ratio']} for the yearly reference), ` +
        `and has ${history}`,
    };

  const predict = (origin: number): number => windowSum(counterfactualPath(y, origin, length, method, o));
  const counterfactual = predict(start);
  const actual = sum(y, start, start + length);
  const errors: number[] = [];
  for (let k = 0; k < o.origins; k++) {
    const origin = start - length - k * o.spacing;
    const predicted = predict(origin);
    if (predicted > 0) errors.push((sum(y, origin, origin + length) - predicted) / predicted);
  }
  if (errors.length < 3 || !(counterfactual > 0))
    return { verdict: 'not_measurable', reason: 'the counterfactual forecast could not be backtested' };
  const rms = Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length);
  const df = Math.max(2, Math.min(errors.length, 1 + ((errors.length - 1) * o.spacing) / length));
  const interval = (level: number): UpliftInterval => {
    const half = studentQuantile(0.5 + level / 200, df) * rms * counterfactual;
    return { lower: actual - counterfactual - half, upper: actual - counterfactual + half };
  };
  const interval80 = interval(80);
  const interval95 = interval(95);
  const excludesZero = interval95.lower > 0 || interval95.upper < 0;
  return {
    verdict: excludesZero ? 'measured' : 'no_effect_detectable',
    method,
    actual,
    counterfactual,
    estimate: actual - counterfactual,
    interval80,
    interval95,
    backtests: errors.length,
    relativeErrorRms: rms,
  };
}

/** Counterfactual daily values for days origin .. origin + horizon - 1, fitted on the days before origin. */
function counterfactualPath(
  y: readonly number[],
  origin: number,
  horizon: number,
  method: CounterfactualMethod,
  o: Required<UpliftOptions>,
): number[] {
  const from = origin - o.fitDays;
  if (method === 'weekly-direct') {
    return forecast(y.slice(from, origin), { period: 7, horizon, levels: [80] }).mean;
  }
  const lag = o.referenceLag;
  // The reference: the centred weekly mean a year earlier (the week's level, not one noisy day).
  const reference = (t: number): number => sum(y, t - lag - 3, t - lag + 4) / 7;
  const ratio = y.slice(from, origin).map((v, i) => v / reference(from + i));
  const path = forecast(ratio, { period: 7, horizon, levels: [80] }).mean;
  return path.map((r, h) => r * reference(origin + h));
}

/** True when every centred 7-day sum around t = from .. to - 1 is positive (the reference can divide). */
function positiveWeeks(y: readonly number[], from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (!(sum(y, t - 3, t + 4) > 0)) return false;
  return true;
}

function windowSum(path: readonly number[]): number {
  return path.reduce((a, b) => a + b, 0);
}

function sum(y: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let t = from; t < to; t++) total += y[t];
  return total;
}

/**
 * Quantile of Student's t with (possibly fractional) df degrees of freedom: the Cornish-Fisher
 * expansion of Hill (1970) in z, accurate to about 1e-3 for df >= 2 at the levels used here.
 */
export function studentQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

export interface ShareInput {
  id: string;
  /** The item's expected increment (null or 0 when none was given). */
  expected: number | null;
}

export interface Share {
  id: string;
  /** Fraction of the window's excess attributed to the item (shares add up to 1). */
  share: number;
}

/**
 * Items whose windows overlap share the measured excess in proportion to their expected
 * increments; when none of them gave a positive expectation, equally.
 */
export function splitExcess(items: readonly ShareInput[]): Share[] {
  const weights = items.map((i) => (i.expected !== null && i.expected > 0 ? i.expected : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  return items.map((item, k) => ({
    id: item.id,
    share: total > 0 ? weights[k] / total : 1 / items.length,
  }));
}
