import type { FittedEts } from './ets-fit.js';
import { cloneState, etsExpected, etsStep } from './ets-model.js';
import { zForLevel } from './normal.js';
import { createRandom } from './random.js';
import { sortedQuantile } from './series-stats.js';

export interface Bounds {
  lower: Record<number, number[]>;
  upper: Record<number, number[]>;
}

/**
 * Prediction intervals of a fitted ETS model. Linear homoscedastic models (additive error, no
 * multiplicative season: "class 1" of Hyndman et al. 2008, ch. 6) use the exact variance
 * sigma^2 (1 + sum_{j<h} c_j^2) with c_j = alpha + beta (phi + ... + phi^j) + gamma [j % m == 0].
 * Other models use quantiles of simulated sample paths, as `forecast::ets` does.
 */
export function etsIntervals(
  model: FittedEts,
  mean: readonly number[],
  levels: readonly number[],
  simulations = 1000,
  seed = 20110101,
): Bounds {
  const { spec } = model;
  if (spec.error === 'A' && spec.season !== 'M') return analyticIntervals(model, mean, levels);
  return simulatedIntervals(model, mean.length, levels, simulations, seed);
}

function analyticIntervals(model: FittedEts, mean: readonly number[], levels: readonly number[]): Bounds {
  const { alpha, beta, gamma, phi } = model.params;
  const { spec } = model;
  const standardErrors: number[] = [];
  let cumulative = 0;
  let damped = 0;
  let phiPower = 1;
  for (let h = 1; h <= mean.length; h++) {
    standardErrors.push(Math.sqrt(model.sigma2 * (1 + cumulative)));
    // c_h, used from step h + 1 on
    phiPower *= phi;
    damped += phiPower;
    let c = alpha;
    if (spec.trend !== 'N') c += beta * damped;
    if (spec.season !== 'N' && h % spec.period === 0) c += gamma;
    cumulative += c * c;
  }
  const lower: Record<number, number[]> = {};
  const upper: Record<number, number[]> = {};
  for (const level of levels) {
    const z = zForLevel(level);
    lower[level] = mean.map((m, i) => m - z * standardErrors[i]);
    upper[level] = mean.map((m, i) => m + z * standardErrors[i]);
  }
  return { lower, upper };
}

function simulatedIntervals(
  model: FittedEts,
  horizon: number,
  levels: readonly number[],
  simulations: number,
  seed: number,
): Bounds {
  const random = createRandom(seed);
  const sigma = Math.sqrt(model.sigma2);
  const paths = Array.from({ length: horizon }, () => new Float64Array(simulations));
  for (let i = 0; i < simulations; i++) {
    const state = cloneState(model.fit.state);
    for (let h = 0; h < horizon; h++) {
      const yhat = etsExpected(state, model.spec, model.params);
      const e = sigma * random.normal();
      const y = model.spec.error === 'A' ? yhat + e : yhat * (1 + e);
      if (!Number.isFinite(y)) {
        for (let k = h; k < horizon; k++) paths[k][i] = NaN;
        break;
      }
      etsStep(state, y, model.spec, model.params);
      paths[h][i] = y;
    }
  }
  const lower: Record<number, number[]> = {};
  const upper: Record<number, number[]> = {};
  for (const level of levels) {
    lower[level] = [];
    upper[level] = [];
  }
  for (const path of paths) {
    const draws = path.filter((v) => !Number.isNaN(v)).sort();
    for (const level of levels) {
      const tail = (100 - level) / 200;
      lower[level].push(sortedQuantile(draws, tail));
      upper[level].push(sortedQuantile(draws, 1 - tail));
    }
  }
  return { lower, upper };
}
