import type { ForecastResult } from './forecast-result.js';

/**
 * How member values are pooled at each step. `trimmed`: the mean once the lowest and the highest
 * value are left out (with three or four values, the median; with five, the mean of the middle three).
 */
export type CombinationOperator = 'mean' | 'median' | 'trimmed';

/** Each operator's name in the model string, and how it pools the values of one step. */
const OPERATORS: Record<CombinationOperator, { name: string; pool: (values: number[]) => number }> = {
  mean: { name: 'Mean', pool: poolMean },
  median: { name: 'Median', pool: poolMedian },
  trimmed: { name: 'Trimmed mean', pool: poolTrimmed },
};

export interface CombinationOptions {
  /**
   * Operator for the point forecasts. Default `median`: for four members the mean of the middle
   * two, i.e. the 25 % trimmed mean, a robust average (Jose & Winkler 2008); `trimmed` keeps
   * more of the middle when there are five or more.
   */
  point?: CombinationOperator;
  /**
   * Operator for each interval bound. Default `mean`: averaging quantiles (Lichtendahl,
   * Grushka-Cockayne & Winkler 2013). Trimming quantiles would narrow the intervals, and averaged
   * quantiles are already, if anything, overconfident (Jose, Grushka-Cockayne & Lichtendahl 2014).
   */
  quantiles?: CombinationOperator;
  /**
   * Point forecasts of methods without intervals, named: they join the pool of point forecasts
   * only (with four members and one of these, the median is the middle of five values and the
   * trimmed mean the mean of the middle three).
   */
  pointOnly?: readonly { model: string; mean: readonly number[] }[];
}

/** Combines member forecasts step by step; bounds are pooled per level, then nested by `tidyForecast`. */
export function combineForecasts(
  members: readonly ForecastResult[],
  levels: readonly number[],
  options: CombinationOptions = {},
): ForecastResult {
  if (members.length === 0) throw new RangeError('combineForecasts needs at least one member');
  const operator = options.point ?? 'median';
  const combine = (pick: (f: ForecastResult) => number[], pool: (values: number[]) => number): number[] =>
    pick(members[0]).map((_, i) => pool(members.map((f) => pick(f)[i])));
  const extra = options.pointOnly ?? [];
  const points = (i: number): number[] => [...members.map((f) => f.mean[i]), ...extra.map((f) => f.mean[i])];
  const quantilePool = OPERATORS[options.quantiles ?? 'mean'].pool;
  const lower: Record<number, number[]> = {};
  const upper: Record<number, number[]> = {};
  for (const level of levels) {
    lower[level] = combine((f) => f.lower[level], quantilePool);
    upper[level] = combine((f) => f.upper[level], quantilePool);
  }
  return {
    mean: members[0].mean.map((_, i) => OPERATORS[operator].pool(points(i))),
    lower,
    upper,
    model: `${OPERATORS[operator].name}(${[...members, ...extra].map((f) => f.model).join(', ')})`,
  };
}

function poolMean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function poolMedian(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function poolTrimmed(values: number[]): number {
  if (values.length < 3) return poolMean(values);
  return poolMean(
    values
      .slice()
      .sort((a, b) => a - b)
      .slice(1, -1),
  );
}

/** True when every number of the forecast is finite. */
export function isFiniteForecast(f: ForecastResult, levels: readonly number[]): boolean {
  const finite = (values: number[] | undefined): boolean =>
    values !== undefined && values.every(Number.isFinite);
  return finite(f.mean) && levels.every((level) => finite(f.lower[level]) && finite(f.upper[level]));
}

/**
 * Makes the intervals nested around the point forecast (lower bound of a wider level <= lower
 * bound of a narrower one <= mean <= ...) and, for series that cannot go negative, floors
 * everything at zero.
 */
export function tidyForecast(
  f: ForecastResult,
  levels: readonly number[],
  nonNegative: boolean,
): ForecastResult {
  const sorted = [...levels].sort((a, b) => a - b);
  const floor = (v: number): number => (nonNegative ? Math.max(v, 0) : v);
  const mean = f.mean.map(floor);
  const lower: Record<number, number[]> = {};
  const upper: Record<number, number[]> = {};
  let innerLower = mean;
  let innerUpper = mean;
  for (const level of sorted) {
    innerLower = f.lower[level].map((v, i) => floor(Math.min(v, innerLower[i])));
    innerUpper = f.upper[level].map((v, i) => floor(Math.max(v, innerUpper[i])));
    lower[level] = innerLower;
    upper[level] = innerUpper;
  }
  return { mean, lower, upper, model: f.model };
}
