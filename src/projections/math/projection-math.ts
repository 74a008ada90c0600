import { rememberedForecast } from '../../forecasting/remembered-forecast.js';
import { normalCdf, zForLevel } from '../../forecasting/normal.js';

/**
 * Where the year will end against a target. Pure: days in, numbers out.
 *
 * Method, for the days after the last counted actual:
 * - **forecast**: with at least 13 months of history (past years' monthly totals then this year's
 *   complete months), the forecasting engine (trimmed mean of ETS, Theta, seasonal ARIMA and
 *   seasonal naive, period 12) forecasts the rest of the year's months; each month is spread over its days
 *   by the target path's daily shape (holidays already aligned). The year-end interval adds the
 *   months' interval bounds (errors of one model are strongly correlated across months, so their
 *   bounds are added rather than combined as independent).
 * - **pace** (too little history): the rest of the target path scaled by the pace so far
 *   (actual / path over the counted days, or by 1 / (1 + growth) — last year's level — before the
 *   first actual); the interval comes from the day-to-day spread of that pace.
 * Then the expected increments of approved events and active campaigns still to come are added
 * (a recorded actual replaces a contribution's expectation; past days are already in the actuals,
 * so nothing is counted twice). Missing past days are filled at the pace of the counted days and
 * reported.
 */
export interface ProjectionInput {
  /** Every local date of the target year, in order. */
  dates: readonly string[];
  targetTotal: number;
  /** The growth over the baseline the target asks for (0.30 for +30 %). */
  growthRate: number;
  /** What the target path expects of each day (sums to the total). */
  pathDaily: readonly number[];
  /** Recorded actual per day, null where missing. Only days up to `asOfIndex` are read. */
  actualDaily: readonly (number | null)[];
  /** Index of the last day whose actuals count ("today"): -1 before the year starts. */
  asOfIndex: number;
  /** Monthly totals of past years, oldest first, ending with December of the previous year. */
  history: readonly number[];
  contributions: readonly ContributionInput[];
}

export interface ContributionInput {
  id: string;
  kind: 'event' | 'campaign';
  name: string;
  /** Expected incremental amount per day of the year (zero outside its dates). */
  daily: readonly number[];
  /** Recorded actual incremental total once completed; it replaces the expectation. */
  actual: number | null;
}

export type ProjectionStatus = 'on_track' | 'at_risk' | 'off_track';

/** Probability of reaching the target at which a projection is on track, or off track below. */
export const STATUS_THRESHOLDS = { onTrack: 0.7, offTrack: 0.3 } as const;

export interface Interval {
  median: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/**
 * One day of the projected path, cumulative from 1 January (a snapshot stores it rounded to
 * whole units).
 */
export interface ProjectedDay {
  date: string;
  /** The target path by the end of the day. */
  target: number;
  /** Recorded actuals by the end of the day (null after the last day of actuals). */
  actual: number | null;
  projected: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface ContributionResult {
  id: string;
  kind: 'event' | 'campaign';
  name: string;
  expected: number;
  /** Part of the expectation on days already counted (inside the actuals, not added again). */
  realised: number;
  /** Part still to come, added to the projection. */
  remaining: number;
  actual: number | null;
}

export interface ProjectionResult {
  method: 'forecast' | 'pace';
  model: string;
  asOf: string | null;
  daysCounted: number;
  daysRemaining: number;
  missingDates: string[];
  actualToDate: number;
  /** Actual to date with missing days filled at the pace of the counted days. */
  estimatedToDate: number;
  pathToDate: number;
  gapToPath: number;
  targetTotal: number;
  projected: Interval;
  probability: number;
  status: ProjectionStatus;
  runRate: { neededDaily: number; neededWeekly: number; expectedDaily: number; expectedWeekly: number };
  contributionsTotal: number;
  contributions: ContributionResult[];
  daily: ProjectedDay[];
}

interface Remaining {
  method: ProjectionResult['method'];
  model: string;
  /** Per remaining day (index asOf+1 ..): median and cumulative-comonotone bounds as deltas. */
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

export function projectYear(input: ProjectionInput): ProjectionResult {
  const n = input.dates.length;
  if (input.pathDaily.length !== n || input.actualDaily.length !== n)
    throw new RangeError('one value per day of the year');
  const asOf = Math.min(Math.max(input.asOfIndex, -1), n - 1);
  const counted = asOf + 1;

  let actualToDate = 0;
  let pathOfRecorded = 0;
  let pathToDate = 0;
  const missingDates: string[] = [];
  for (let i = 0; i < counted; i++) {
    pathToDate += input.pathDaily[i];
    const value = input.actualDaily[i];
    if (value === null || value === undefined) {
      missingDates.push(input.dates[i]);
    } else {
      actualToDate += value;
      pathOfRecorded += input.pathDaily[i];
    }
  }
  const pace = pathOfRecorded > 0 ? actualToDate / pathOfRecorded : 1 / (1 + input.growthRate);
  const estimated = Array.from(
    { length: counted },
    (_, i) => input.actualDaily[i] ?? input.pathDaily[i] * pace,
  );
  const estimatedToDate = sum(estimated);

  const remaining = forecastRemaining(input, estimated, pace);
  const contributions = input.contributions.map((c) => contributionResult(c, counted));
  const contributionsTotal = sum(contributions.map((c) => c.remaining));
  const contributionDaily = Array.from({ length: n - counted }, (_, k) =>
    sum(input.contributions.map((c) => (c.actual === null ? c.daily[counted + k] : 0))),
  );

  const rest = sum(remaining.mean) + contributionsTotal;
  const projected: Interval = {
    median: estimatedToDate + rest,
    lo80: estimatedToDate + sum(remaining.lo80) + contributionsTotal,
    hi80: estimatedToDate + sum(remaining.hi80) + contributionsTotal,
    lo95: estimatedToDate + sum(remaining.lo95) + contributionsTotal,
    hi95: estimatedToDate + sum(remaining.hi95) + contributionsTotal,
  };
  const probability = reachProbability(projected, input.targetTotal);
  const daysRemaining = n - counted;
  const needed = Math.max(0, input.targetTotal - estimatedToDate);
  const perDay = (x: number) => (daysRemaining > 0 ? x / daysRemaining : 0);

  return {
    method: remaining.method,
    model: remaining.model,
    asOf: asOf >= 0 ? input.dates[asOf] : null,
    daysCounted: counted,
    daysRemaining,
    missingDates,
    actualToDate,
    estimatedToDate,
    pathToDate,
    gapToPath: estimatedToDate - pathToDate,
    targetTotal: input.targetTotal,
    projected,
    probability,
    status:
      probability >= STATUS_THRESHOLDS.onTrack
        ? 'on_track'
        : probability >= STATUS_THRESHOLDS.offTrack
          ? 'at_risk'
          : 'off_track',
    runRate: {
      neededDaily: perDay(needed),
      neededWeekly: perDay(needed) * 7,
      expectedDaily: perDay(rest),
      expectedWeekly: perDay(rest) * 7,
    },
    contributionsTotal,
    contributions,
    daily: dailyPath(input, estimated, remaining, contributionDaily),
  };
}

/** P(year-end total >= target), from a normal fitted to the median and the 80 % interval. */
export function reachProbability(projected: Interval, target: number): number {
  const sd = (projected.hi80 - projected.lo80) / (2 * zForLevel(80));
  if (!(sd > 0)) return projected.median >= target ? 1 : 0;
  return 1 - normalCdf((target - projected.median) / sd);
}

function forecastRemaining(input: ProjectionInput, estimated: readonly number[], pace: number): Remaining {
  const n = input.dates.length;
  const counted = estimated.length;
  if (counted === n)
    return { method: 'forecast', model: 'year complete', mean: [], lo80: [], hi80: [], lo95: [], hi95: [] };
  const months = monthIndexes(input.dates);
  const complete = completeMonths(months, counted);
  const monthly = [
    ...input.history,
    ...Array.from({ length: complete }, (_, m) => sum(months[m].map((i) => estimated[i]))),
  ];
  if (monthly.length >= 13) return byForecast(input, months, complete, monthly, counted);
  return byPace(input, estimated, pace);
}

function byForecast(
  input: ProjectionInput,
  months: number[][],
  complete: number,
  monthly: number[],
  counted: number,
): Remaining {
  const result = rememberedForecast(monthly, { period: 12, horizon: 12 - complete, levels: [80, 95] });
  const out: Remaining = {
    method: 'forecast',
    model: result.model,
    mean: [],
    lo80: [],
    hi80: [],
    lo95: [],
    hi95: [],
  };
  for (let m = complete; m < 12; m++) {
    const h = m - complete;
    const days = months[m];
    const monthPath = sum(days.map((i) => input.pathDaily[i])) || days.length;
    for (const i of days) {
      if (i < counted) continue; // counted days of the current month: the actuals are known
      const share = (input.pathDaily[i] || (monthPath === days.length ? 1 : 0)) / monthPath;
      out.mean.push(result.mean[h] * share);
      out.lo80.push(result.lower[80][h] * share);
      out.hi80.push(result.upper[80][h] * share);
      out.lo95.push(result.lower[95][h] * share);
      out.hi95.push(result.upper[95][h] * share);
    }
  }
  return out;
}

function byPace(input: ProjectionInput, estimated: readonly number[], pace: number): Remaining {
  const counted = estimated.length;
  // Uncertainty of the pace: standard error of the mean of the daily ratios (at least 5 %),
  // and at least as wide as a quarter of the distance to last year's level.
  const ratios: number[] = [];
  for (let i = 0; i < counted; i++) {
    const value = input.actualDaily[i];
    if (value !== null && input.pathDaily[i] > 0) ratios.push(value / input.pathDaily[i]);
  }
  const sdRatio = ratios.length > 1 ? Math.sqrt(variance(ratios) / ratios.length) : 0;
  const relative = Math.max(
    0.05,
    sdRatio / Math.max(pace, 1e-9),
    Math.abs(pace * (1 + input.growthRate) - 1) / 4,
  );
  const out: Remaining = {
    method: 'pace',
    model: 'target path at the pace so far',
    mean: [],
    lo80: [],
    hi80: [],
    lo95: [],
    hi95: [],
  };
  const [z80, z95] = [zForLevel(80), zForLevel(95)];
  for (let i = counted; i < input.dates.length; i++) {
    const mean = input.pathDaily[i] * pace;
    out.mean.push(mean);
    out.lo80.push(Math.max(0, mean * (1 - z80 * relative)));
    out.hi80.push(mean * (1 + z80 * relative));
    out.lo95.push(Math.max(0, mean * (1 - z95 * relative)));
    out.hi95.push(mean * (1 + z95 * relative));
  }
  return out;
}

function contributionResult(c: ContributionInput, counted: number): ContributionResult {
  const expected = sum(c.daily);
  const realised = sum(c.daily.slice(0, counted));
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    expected,
    realised: c.actual ?? realised,
    remaining: c.actual === null ? expected - realised : 0,
    actual: c.actual,
  };
}

function dailyPath(
  input: ProjectionInput,
  estimated: readonly number[],
  remaining: Remaining,
  contributionDaily: readonly number[],
): ProjectedDay[] {
  const days: ProjectedDay[] = [];
  let target = 0;
  let actual = 0;
  let base = 0;
  const cum = { projected: 0, lo80: 0, hi80: 0, lo95: 0, hi95: 0 };
  for (let i = 0; i < input.dates.length; i++) {
    target += input.pathDaily[i];
    if (i < estimated.length) {
      actual += input.actualDaily[i] ?? 0;
      base += estimated[i];
      cum.projected = cum.lo80 = cum.hi80 = cum.lo95 = cum.hi95 = base;
    } else {
      const k = i - estimated.length;
      const extra = contributionDaily[k] ?? 0;
      cum.projected += remaining.mean[k] + extra;
      cum.lo80 += remaining.lo80[k] + extra;
      cum.hi80 += remaining.hi80[k] + extra;
      cum.lo95 += remaining.lo95[k] + extra;
      cum.hi95 += remaining.hi95[k] + extra;
    }
    days.push({ date: input.dates[i], target, actual: i < estimated.length ? actual : null, ...cum });
  }
  return days;
}

/** Day indexes of each month of the year. */
function monthIndexes(dates: readonly string[]): number[][] {
  const months: number[][] = Array.from({ length: 12 }, () => []);
  dates.forEach((d, i) => months[Number(d.slice(5, 7)) - 1].push(i));
  return months;
}

function completeMonths(months: number[][], counted: number): number {
  let m = 0;
  while (m < 12 && months[m].length > 0 && months[m][months[m].length - 1] < counted) m++;
  return m;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function variance(xs: readonly number[]): number {
  const mean = sum(xs) / xs.length;
  return sum(xs.map((x) => (x - mean) ** 2)) / (xs.length - 1);
}
