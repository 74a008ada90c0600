import { seasonalIndices } from './decompose.js';
import type { EtsSpec, EtsState } from './ets-model.js';
import { linearFit, mean } from './series-stats.js';

/** Seasons whose decomposition gives the initial seasonal states (as `forecast:::initstate`). */
const INITIAL_SEASONS = 3;

/**
 * Heuristic initial states, following `forecast:::initstate`: seasonal indices from a classical
 * decomposition of the first three seasons (two when the series is shorter), then level (and
 * trend) from a straight line through the first max(10, 2m) seasonally adjusted observations,
 * extrapolated back to time 0.
 */
export function initialState(y: readonly number[], spec: EtsSpec): EtsState {
  const m = spec.period;
  const seasonal = new Float64Array(m).fill(spec.season === 'M' ? 1 : 0);
  let adjusted: number[] = y.slice();
  if (spec.season !== 'N') {
    // The states start the series, so they must describe its first seasons: indices averaged over
    // the whole series are those of its middle, far off at the start of a growing series (its
    // additive ones even push the first fitted values below zero, which fails every ETS(M,*,A)).
    const head = y.slice(0, Math.max(2 * m, INITIAL_SEASONS * m));
    const indices = seasonalIndices(head, m, spec.season === 'A' ? 'additive' : 'multiplicative');
    if (spec.season === 'A') {
      seasonal.set(indices);
      adjusted = y.map((v, t) => v - indices[t % m]);
    } else {
      const floored = indices.map((s) => Math.max(s, 1e-2));
      const total = floored.reduce((a, b) => a + b, 0);
      seasonal.set(floored.map((s) => (s * m) / total));
      adjusted = y.map((v, t) => v / seasonal[t % m]);
    }
  }
  const count = Math.min(Math.max(10, 2 * m), adjusted.length);
  if (spec.trend === 'N') return { level: mean(adjusted, 0, count), trend: 0, seasonal, time: 0 };
  const { intercept, slope } = linearFit(adjusted, count);
  let level = intercept - slope;
  let trend = slope;
  if (spec.error === 'M' && Math.abs(level + trend) < 1e-8) {
    level *= 1 + 1e-3;
    trend *= 1 + 1e-3;
  }
  return { level, trend, seasonal, time: 0 };
}
