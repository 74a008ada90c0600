import { seasonalIndices } from './decompose.js';
import type { EtsSpec, EtsState } from './ets-model.js';
import { linearFit, mean } from './series-stats.js';

/**
 * Heuristic initial states, following `forecast:::initstate`: seasonal indices from a classical
 * decomposition of the series, then level (and trend) from a straight line through the first
 * max(10, 2m) seasonally adjusted observations, extrapolated back to time 0.
 */
export function initialState(y: readonly number[], spec: EtsSpec): EtsState {
  const m = spec.period;
  const seasonal = new Float64Array(m).fill(spec.season === 'M' ? 1 : 0);
  let adjusted: number[] = y.slice();
  if (spec.season !== 'N') {
    const indices = seasonalIndices(y, m, spec.season === 'A' ? 'additive' : 'multiplicative');
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
