import { initialState } from './ets-init.js';
import {
  cloneState,
  etsFilter,
  type EtsFit,
  type EtsParams,
  type EtsSpec,
  type EtsState,
} from './ets-model.js';
import { logistic, logit, nelderMead } from './optimize.js';
import { mean } from './series-stats.js';

/**
 * How initial states are obtained: `heuristic` takes them from the decomposition (as R's
 * `HoltWinters`; fast, and as accurate in the combination), `optimized` refines them jointly with
 * the smoothing parameters by maximum likelihood (as `forecast::ets`; several times slower).
 */
export type InitialStates = 'heuristic' | 'optimized';

export interface FitOptions {
  initialStates?: InitialStates;
  maxEvaluations?: number;
}

export interface FittedEts {
  spec: EtsSpec;
  params: EtsParams;
  initial: EtsState;
  fit: EtsFit;
  /** Number of estimated parameters, counting initial states and the innovation variance. */
  parameterCount: number;
  aicc: number;
  /** Innovation variance estimate sse / (n - parameterCount). */
  sigma2: number;
}

const PHI_LOWER = 0.8;
const PHI_UPPER = 0.98;
const SMOOTHING_LOWER = 1e-4;

/** Maximum-likelihood fit of one ETS model (usual bounds of `forecast::ets`). */
export function fitEts(y: readonly number[], spec: EtsSpec, options: FitOptions = {}): FittedEts | undefined {
  const n = y.length;
  const m = spec.period;
  const hasTrend = spec.trend !== 'N';
  const damped = spec.trend === 'Ad';
  const hasSeason = spec.season !== 'N';
  const optimizeStates = options.initialStates === 'optimized';
  const optimizeSeasons = optimizeStates && hasSeason;
  const stateCount = 1 + (hasTrend ? 1 : 0) + (hasSeason ? m - 1 : 0);
  const parameterCount = 1 + (hasTrend ? 1 : 0) + (hasSeason ? 1 : 0) + (damped ? 1 : 0) + stateCount + 1;
  if (n - parameterCount - 1 <= 0) return undefined;
  if (hasSeason && n < 2 * m) return undefined;

  const base = initialState(y, spec);
  const spread = Math.max(standardDeviation(y), 1e-8 * Math.max(mean(y.map(Math.abs)), 1));
  const alpha0 = SMOOTHING_LOWER + (0.2 * (1 - SMOOTHING_LOWER)) / m;
  const start = [logit(alpha0, 0, 1)];
  if (hasTrend) start.push(logit(0.1, 0, 1));
  if (hasSeason) start.push(logit(0.05, 0, 1));
  if (damped) start.push(logit(0.95, 0, 1));
  const smoothingCount = start.length;
  if (optimizeStates) {
    start.push(0);
    if (hasTrend) start.push(0);
    if (optimizeSeasons) for (let j = 0; j < m - 1; j++) start.push(0);
  }
  const seasonScale = spec.season === 'M' ? 1 : spread;

  const decode = (u: readonly number[]): { params: EtsParams; initial: EtsState } => {
    let k = 0;
    const alpha = logistic(u[k++], SMOOTHING_LOWER, 1 - SMOOTHING_LOWER);
    const beta = hasTrend ? logistic(u[k++], 0, alpha) : 0;
    const gamma = hasSeason ? logistic(u[k++], 0, 1 - alpha) : 0;
    const phi = damped ? logistic(u[k++], PHI_LOWER, PHI_UPPER) : 1;
    const params = { alpha, beta: Math.max(beta, 1e-8), gamma: Math.max(gamma, 1e-8), phi };
    if (!optimizeStates) return { params, initial: base };
    const initial = cloneState(base);
    initial.level += spread * u[k++];
    if (hasTrend) initial.trend += (spread / m) * u[k++];
    if (optimizeSeasons) {
      let total = 0;
      for (let j = 0; j < m - 1; j++) {
        initial.seasonal[j] += seasonScale * u[k++];
        total += initial.seasonal[j];
      }
      initial.seasonal[m - 1] = spec.season === 'A' ? -total : m - total;
    }
    return { params, initial };
  };

  const objective = (u: number[]): number => {
    const { params, initial } = decode(u);
    if (spec.season === 'M' && initial.seasonal.some((s) => !(s > 0))) return Infinity;
    return etsFilter(y, spec, params, initial)?.minus2LogLik ?? Infinity;
  };
  const result = nelderMead(objective, start, {
    maxEvaluations: options.maxEvaluations ?? 250 * start.length,
    step: start.map((_, i) => (i < smoothingCount ? 0.5 : 0.1)),
  });
  const { params, initial } = decode(result.x);
  const fit = etsFilter(y, spec, params, initial);
  if (!fit) return undefined;
  const aic = fit.minus2LogLik + 2 * parameterCount;
  const aicc = aic + (2 * parameterCount * (parameterCount + 1)) / (n - parameterCount - 1);
  const sigma2 = fit.sse / Math.max(n - parameterCount, 1);
  return { spec, params, initial, fit, parameterCount, aicc, sigma2 };
}

function standardDeviation(y: readonly number[]): number {
  const mu = mean(y);
  let sum = 0;
  for (const v of y) sum += (v - mu) * (v - mu);
  return Math.sqrt(sum / Math.max(y.length - 1, 1));
}
