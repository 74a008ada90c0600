/** Accuracy measures of the M / tourism competitions. */

/** In-sample MAE of the seasonal naive method (lag m; lag 1 when the series is shorter than m + 1). */
export function seasonalNaiveScale(train: readonly number[], period: number): number {
  const m = train.length > period ? period : 1;
  let sum = 0;
  for (let t = m; t < train.length; t++) sum += Math.abs(train[t] - train[t - m]);
  return train.length > m ? sum / (train.length - m) : NaN;
}

/** Mean absolute scaled error of one forecast (Hyndman & Koehler 2006). */
export function mase(actual: readonly number[], forecast: readonly number[], scale: number): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - forecast[i]);
  return sum / actual.length / scale;
}

/** Mean absolute percentage error, in percent; points with a zero actual are skipped. */
export function mape(actual: readonly number[], forecast: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0) continue;
    sum += Math.abs((actual[i] - forecast[i]) / actual[i]);
    count++;
  }
  return count > 0 ? (100 * sum) / count : NaN;
}

/** Number of actual values inside [lower, upper]. */
export function countInside(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number {
  let inside = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++;
  return inside;
}
