/** Small descriptive helpers shared by the models. */

export function mean(values: ArrayLike<number>, from = 0, to = values.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / (to - from);
}

/** True when every value equals the first one up to a relative tolerance. */
export function isConstant(y: readonly number[]): boolean {
  if (y.length === 0) return true;
  const scale = Math.max(...y.map(Math.abs), 1e-12);
  return y.every((v) => Math.abs(v - y[0]) <= 1e-10 * scale);
}

/** Least-squares line through (x_i = i, y_i) for i in [0, n): returns intercept (at i = 0) and slope. */
export function linearFit(y: ArrayLike<number>, n = y.length): { intercept: number; slope: number } {
  if (n < 2) return { intercept: n === 1 ? y[0] : 0, slope: 0 };
  const xBar = (n - 1) / 2;
  const yBar = mean(y, 0, n);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - xBar) * (y[i] - yBar);
    sxx += (i - xBar) * (i - xBar);
  }
  const slope = sxy / sxx;
  return { intercept: yBar - slope * xBar, slope };
}

/** Sample autocorrelations r_1..r_maxLag (the usual biased estimator, as R's `acf`). */
export function autocorrelations(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  const yBar = mean(y);
  let c0 = 0;
  for (const v of y) c0 += (v - yBar) * (v - yBar);
  const r: number[] = [];
  for (let lag = 1; lag <= maxLag; lag++) {
    let c = 0;
    for (let t = lag; t < n; t++) c += (y[t] - yBar) * (y[t - lag] - yBar);
    r.push(c0 > 0 ? c / c0 : 0);
  }
  return r;
}

/**
 * Whether lag-`period` autocorrelation is significant at the 90 % one-sided level, using
 * Bartlett's standard error (the seasonality test of Assimakopoulos & Nikolopoulos / `forecast::thetaf`).
 */
export function hasSignificantSeasonality(y: readonly number[], period: number): boolean {
  if (period <= 1 || y.length <= 2 * period || isConstant(y)) return false;
  const r = autocorrelations(y, period);
  let sum = 0;
  for (let k = 0; k < period - 1; k++) sum += r[k] * r[k];
  const stat = Math.sqrt((1 + 2 * sum) / y.length);
  return Math.abs(r[period - 1]) / stat > 1.6448536269514722;
}

/** Empirical quantile with linear interpolation (R's type 7) of an already sorted array. */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
