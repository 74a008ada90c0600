import { seasonalIndices } from './decompose.js';
import { optimisedTheta } from './theta-otm.js';

/** Fewest whole years for the annual series (and the seasonal profile's window). */
export const ANNUAL_MIN_YEARS = 6;

/**
 * Point forecasts by temporal aggregation (the idea of MAPA, Kourentzes, Petropoulos & Trapero
 * 2014, and of temporal hierarchies, Athanasopoulos et al. 2017, at its simplest): the series is
 * summed into whole years counted back from its end, the optimised Theta method forecasts those
 * annual totals, and each forecast year is spread over its seasons by the multiplicative seasonal
 * indices of the last {@link ANNUAL_MIN_YEARS} years. At the annual level the noise of single
 * months or quarters averages out, so the level and the trend are read from steadier figures.
 *
 * Undefined (no forecast) without seasonality (period 1), with fewer than 6 whole years, or when a
 * value is not strictly positive (the indices are multiplicative). Point forecasts only: no
 * intervals are derived from it.
 */
export function annualTheta(
  y: readonly number[],
  options: { period: number; horizon: number },
): number[] | undefined {
  const { period: m, horizon } = options;
  const n = y.length;
  const years = Math.floor(n / m);
  if (m < 2 || years < ANNUAL_MIN_YEARS || !y.every((v) => v > 0)) return undefined;
  const start = n - years * m;
  const totals: number[] = [];
  for (let k = 0; k < years; k++) {
    let sum = 0;
    for (let j = 0; j < m; j++) sum += y[start + k * m + j];
    totals.push(sum);
  }
  const annual = optimisedTheta(totals, Math.ceil(horizon / m)).mean;
  const recentStart = n - ANNUAL_MIN_YEARS * m;
  const indices = seasonalIndices(y.slice(recentStart), m, 'multiplicative');
  // Forecast step i lies in forecast year floor(i / m); its season is that of t = n + i.
  return Array.from(
    { length: horizon },
    (_, i) => (annual[Math.floor(i / m)] / m) * indices[(n + i - recentStart) % m],
  );
}
