import { akaikeWeights, recentre, weightedPaths } from './akaike.js';
import { fitEts, type FitOptions, type FittedEts } from './ets-fit.js';
import { etsIntervals } from './ets-intervals.js';
import {
  etsName,
  etsPointForecast,
  type ErrorType,
  type EtsSpec,
  type SeasonType,
  type TrendType,
} from './ets-model.js';
import { DEFAULT_LEVELS, type ForecastResult } from './forecast-result.js';

export interface EtsOptions extends FitOptions {
  period: number;
  horizon: number;
  levels?: readonly number[];
  /** Restrict the trend types searched (default all: N, A, Ad). */
  trends?: readonly TrendType[];
  /** Number of simulated paths for models without analytic intervals. */
  simulations?: number;
  /**
   * `best` (default): the point forecast of the model with the smallest AICc; `akaike`: the
   * candidates' point forecasts averaged with Akaike weights ({@link akaikeWeights}), the best
   * model's intervals moved along with it.
   */
  point?: 'best' | 'akaike';
}

/**
 * The candidate models of `forecast::ets` with its default restrictions: no multiplicative trend,
 * no additive error with multiplicative season; multiplicative parts only for strictly positive
 * data; seasonal models only with a period above 1 and two full seasons of data.
 */
export function etsCandidates(y: readonly number[], period: number, trends: readonly TrendType[]): EtsSpec[] {
  const positive = y.every((v) => v > 0);
  const errors: ErrorType[] = positive ? ['A', 'M'] : ['A'];
  const seasonal = period > 1 && y.length >= 2 * period;
  const seasons: SeasonType[] = seasonal ? (positive ? ['N', 'A', 'M'] : ['N', 'A']) : ['N'];
  const specs: EtsSpec[] = [];
  for (const error of errors)
    for (const trend of trends)
      for (const season of seasons) {
        if (error === 'A' && season === 'M') continue;
        specs.push({ error, trend, season, period: season === 'N' ? 1 : period });
      }
  return specs;
}

/** Fits every candidate model; the result is sorted by AICc, best first. */
export function fitEtsCandidates(
  y: readonly number[],
  period: number,
  options: FitOptions & { trends?: readonly TrendType[] } = {},
): FittedEts[] {
  const fits: FittedEts[] = [];
  for (const spec of etsCandidates(y, period, options.trends ?? ['N', 'A', 'Ad'])) {
    const fitted = fitEts(y, spec, options);
    if (fitted && Number.isFinite(fitted.aicc)) fits.push(fitted);
  }
  return fits.sort((a, b) => a.aicc - b.aicc);
}

/** Point forecasts and intervals of one fitted model. */
export function forecastFittedEts(
  model: FittedEts,
  horizon: number,
  levels: readonly number[] = DEFAULT_LEVELS,
  simulations?: number,
): ForecastResult {
  const mean = etsPointForecast(model.fit.state, model.spec, model.params, horizon);
  return { mean, ...etsIntervals(model, mean, levels, simulations), model: etsName(model.spec) };
}

/**
 * Automatic ETS: the candidate with the smallest AICc (with `point: 'akaike'`, its intervals around
 * the Akaike-weighted point forecast of all candidates). Undefined when no model can be fitted.
 */
export function ets(
  y: readonly number[],
  options: EtsOptions,
): (ForecastResult & { fitted: FittedEts }) | undefined {
  const fits = fitEtsCandidates(y, options.period, options);
  const [best] = fits;
  if (!best) return undefined;
  const selected = forecastFittedEts(best, options.horizon, options.levels, options.simulations);
  const weights =
    options.point === 'akaike' && fits.length > 1 ? akaikeWeights(fits.map((f) => f.aicc)) : undefined;
  if (!weights) return { ...selected, fitted: best };
  const paths = fits.map((f) => etsPointForecast(f.fit.state, f.spec, f.params, options.horizon));
  const mean = weightedPaths(paths, weights);
  return {
    mean,
    lower: recentre(selected.lower, selected.mean, mean),
    upper: recentre(selected.upper, selected.mean, mean),
    model: `${selected.model} Akaike-weighted`,
    fitted: best,
  };
}
