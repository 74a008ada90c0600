/** What every model returns: point forecasts and central prediction intervals per level (percent). */
export interface ForecastResult {
  mean: number[];
  lower: Record<number, number[]>;
  upper: Record<number, number[]>;
  /** Human-readable description of the model that produced it, e.g. "ETS(M,Ad,M)". */
  model: string;
}

export const DEFAULT_LEVELS: readonly number[] = [80, 95];

/** Normal intervals mean +- z * se for each level. */
export function normalIntervals(
  mean: readonly number[],
  standardErrors: readonly number[],
  levels: readonly number[],
  z: (level: number) => number,
): Pick<ForecastResult, 'lower' | 'upper'> {
  const lower: Record<number, number[]> = {};
  const upper: Record<number, number[]> = {};
  for (const level of levels) {
    const k = z(level);
    lower[level] = mean.map((m, i) => m - k * standardErrors[i]);
    upper[level] = mean.map((m, i) => m + k * standardErrors[i]);
  }
  return { lower, upper };
}
