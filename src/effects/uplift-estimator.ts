import { forecast } from '../forecasting/forecast.js';
import { normalQuantile } from '../forecasting/normal.js';

/**
 * Measured uplift of a campaign or event: the actuals in its effect window minus a counterfactual
 * forecast made only from data before the window, with 80 % and 95 % intervals for the sum.
 *
 * Counterfactual. The forecasting core forecasts the ratio of each day to its yearly reference
 * (the same weekday 52 weeks earlier): the reference carries the season and the
 * weekday shape that a short fitting span cannot see, the ratio the year-on-year level, which
 * moves slowly. The counterfactual of a window day is the forecast ratio times its reference.
 * Only days before the window are used (the reference of a window day lies a year earlier).
 * Without a year of history, a daily series of a tourist destination cannot separate an uplift
 * from the season (a weekly-seasonal forecast alone was biased by about 3 % of the baseline in
 * the bench), so such windows are reported as not measurable, naming the minimum history.
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
export type CounterfactualMethod = 'yearly-reference-ratio';

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
  /** Irregular days in the window itself (their counterfactual is less reliable). */
  irregularDays: number;
}

export interface UnmeasurableUplift {
  verdict: 'not_measurable';
  reason: string;
}

/** Why an effect is not measurable, as a stable code beside the English `reason` (for translation). */
export const UNMEASURABLE_CODES = [
  'window_lacks_actuals',
  'too_little_history',
  'reference_has_empty_days',
  'too_few_backtests',
] as const;
export type UnmeasurableCode = (typeof UNMEASURABLE_CODES)[number];

const REASON_PREFIXES: [string, UnmeasurableCode][] = [
  ['the effect window lacks actuals', 'window_lacks_actuals'],
  ['too little history', 'too_little_history'],
  ['the yearly reference has days with no', 'reference_has_empty_days'],
  ['the counterfactual forecast could be backtested', 'too_few_backtests'],
];

/**
 * The code of a reason {@link estimateUplift} gave (stored as text with the effect), or null for
 * a text it does not write.
 */
export function unmeasurableCodeOf(reason: string | null): UnmeasurableCode | null {
  if (!reason) return null;
  return REASON_PREFIXES.find(([prefix]) => reason.startsWith(prefix))?.[1] ?? null;
}

export type UpliftResult = MeasuredUplift | UnmeasurableUplift;

export interface UpliftInput {
  /** Consecutive daily values; null where no actual is recorded. */
  values: readonly (number | null)[];
  /** First and last day of the effect window, indices into `values` (inclusive). */
  windowStart: number;
  windowEnd: number;
  /**
   * Days that are not ordinary (public holidays, swapped working days), index by index with
   * `values`. A day is irregular when it or its yearly reference is special: its ratio is not
   * the season's, so the fitting span carries the previous ratio over it, and when the window
   * has none, backtest windows containing one are skipped (a holiday that moved would otherwise
   * count as forecast error of an ordinary window). A window with irregular days keeps every
   * backtest, holidays included, so its interval reflects them.
   */
  special?: readonly boolean[];
}

const DEFAULTS: Required<UpliftOptions> = { fitDays: 56, origins: 12, spacing: 7, referenceLag: 364 };

/** Days of complete history the estimator needs before a window of `length` days, per method. */
export function requiredHistory(length: number, options: UpliftOptions = {}): number {
  const o = { ...DEFAULTS, ...options };
  return o.fitDays + length + (o.origins - 1) * o.spacing + o.referenceLag;
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
  if (history < needed)
    return {
      verdict: 'not_measurable',
      reason:
        `too little history: a ${length}-day window needs at least ${needed} days of complete daily ` +
        `actuals right before it (a year for the yearly reference, plus the fitting and backtest span), and has ${history}`,
    };
  const y = values.slice(first, windowEnd + 1) as number[];
  const start = windowStart - first;
  if (!positiveReference(y, start - needed + o.referenceLag, start + length, o.referenceLag))
    return {
      verdict: 'not_measurable',
      reason: 'the yearly reference has days with no visitors or revenue, so ratios to it are undefined',
    };
  const method: CounterfactualMethod = 'yearly-reference-ratio';
  const special = input.special?.slice(first, windowEnd + 1);
  const irregular = (t: number): boolean =>
    special !== undefined &&
    (special[t] === true || (t >= o.referenceLag && special[t - o.referenceLag] === true));
  const predict = (origin: number): number => windowSum(counterfactualPath(y, origin, length, o, irregular));
  const counterfactual = predict(start);
  const actual = sum(y, start, start + length);
  const errors: number[] = [];
  const earliest = o.fitDays + o.referenceLag;
  const cleanWindow = special !== undefined && !anyIrregular(start, start + length, irregular);
  for (
    let origin = start - length, tried = 0;
    errors.length < o.origins && origin >= earliest && tried < 4 * o.origins;
    origin -= o.spacing, tried++
  ) {
    // Backtests resemble the window: free of irregular days when it is free of them.
    if (cleanWindow && anyIrregular(origin, origin + length, irregular)) continue;
    const predicted = predict(origin);
    if (predicted > 0) errors.push((sum(y, origin, origin + length) - predicted) / predicted);
  }
  if (errors.length < 3 || !(counterfactual > 0))
    return {
      verdict: 'not_measurable',
      reason: `the counterfactual forecast could be backtested on ${errors.length} earlier window(s) free of holidays; at least 3 are needed`,
    };
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
    irregularDays: countIrregular(start, start + length, irregular),
  };
}

/**
 * Counterfactual daily values for days origin .. origin + horizon - 1, fitted on the days before
 * origin: the core's forecast of the ratio to the yearly reference, times the reference.
 */
function counterfactualPath(
  y: readonly number[],
  origin: number,
  horizon: number,
  o: Required<UpliftOptions>,
  irregular: (t: number) => boolean,
): number[] {
  const from = origin - o.fitDays;
  const ratio = y.slice(from, origin).map((v, i) => v / reference(y, from + i, o.referenceLag));
  // Irregular days carry the last regular ratio (the first regular one at the start).
  const firstRegular = ratio.findIndex((_, i) => !irregular(from + i));
  if (firstRegular > 0) ratio.fill(ratio[firstRegular], 0, firstRegular);
  for (let i = Math.max(firstRegular, 1); i < ratio.length; i++)
    if (irregular(from + i)) ratio[i] = ratio[i - 1];
  const path = forecast(ratio, { period: 1, horizon, levels: [80] }).mean;
  return path.map((r, h) => r * reference(y, origin + h, o.referenceLag));
}

/**
 * The yearly reference of day t: the same weekday 52 weeks earlier. (Averaging the neighbouring
 * weeks too halves its noise but smears the steps between months and the holidays, and was less
 * accurate in the bench.)
 */
function reference(y: readonly number[], t: number, lag: number): number {
  return y[t - lag];
}

/** True when the reference of every day from .. to - 1 is positive (ratios to it are defined). */
function positiveReference(y: readonly number[], from: number, to: number, lag: number): boolean {
  for (let t = from; t < to; t++) if (!(reference(y, t, lag) > 0)) return false;
  return true;
}

function anyIrregular(from: number, to: number, irregular: (t: number) => boolean): boolean {
  for (let t = from; t < to; t++) if (irregular(t)) return true;
  return false;
}

function countIrregular(from: number, to: number, irregular: (t: number) => boolean): number {
  let count = 0;
  for (let t = from; t < to; t++) if (irregular(t)) count++;
  return count;
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
