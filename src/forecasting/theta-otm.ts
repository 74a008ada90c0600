import { logistic, logit, nelderMead } from './optimize.js';
import { linearFit } from './series-stats.js';

export interface OptimisedTheta {
  /** Forecasts for steps 1..horizon. */
  mean: number[];
  alpha: number;
  theta: number;
  /** One-step error variance (sum of squares over n - 3 estimated parameters). */
  sigma2: number;
}

/** Upper bound of theta for the optimiser (theta = 1: SES; theta = 2: the standard Theta method). */
const MAX_THETA = 5;

/**
 * Optimised Theta method (OTM; Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler 2016):
 *
 *   mu_t = l_{t-1} + (1 - 1/theta) [(1 - alpha)^(t-1) A + (1 - (1 - alpha)^t) / alpha * B],
 *   l_t  = alpha y_t + (1 - alpha) l_{t-1},
 *
 * with A and B the intercept and slope of the least-squares line through (t, y_t), t = 1..n,
 * and l_0, alpha in (0.01, 0.99) and theta in [1, 5] chosen by one-step mean squared error
 * (Nelder–Mead from the standard method, theta = 2). Forecast:
 *   l_n + (1 - 1/theta) [(1 - alpha)^n A + (h - 1 + 1/alpha - (1 - alpha)^n / alpha) B].
 * Needs at least 4 observations.
 */
export function optimisedTheta(y: readonly number[], horizon: number): OptimisedTheta {
  const n = y.length;
  if (n < 4) throw new RangeError('optimisedTheta needs at least 4 observations');
  const line = linearFit(y);
  const slope = line.slope;
  const intercept = line.intercept - slope; // linearFit counts from 0, the model from t = 1
  const scale = Math.max(Math.abs(y[0]), 1e-9);
  const decode = (u: readonly number[]): { l0: number; alpha: number; theta: number } => ({
    alpha: logistic(u[0], 0.01, 0.99),
    theta: logistic(u[1], 1, MAX_THETA),
    l0: y[0] + scale * u[2],
  });
  const meanSquare = (u: readonly number[]): number => {
    const { l0, alpha, theta } = decode(u);
    const weight = 1 - 1 / theta;
    let level = l0;
    let decay = 1;
    let sum = 0;
    for (let t = 0; t < n; t++) {
      const mu = level + weight * (decay * intercept + ((1 - decay * (1 - alpha)) / alpha) * slope);
      sum += (y[t] - mu) ** 2;
      level = alpha * y[t] + (1 - alpha) * level;
      decay *= 1 - alpha;
    }
    return sum / n;
  };
  const start = [logit(0.5, 0.01, 0.99), logit(2, 1, MAX_THETA), 0];
  const best = nelderMead(meanSquare, start, { step: 0.5, maxEvaluations: 600 });
  const { l0, alpha, theta } = decode(best.x);
  let level = l0;
  for (const v of y) level = alpha * v + (1 - alpha) * level;
  const weight = 1 - 1 / theta;
  const decayN = Math.pow(1 - alpha, n);
  const mean = Array.from(
    { length: horizon },
    (_, i) => level + weight * (decayN * intercept + (i + 1 / alpha - decayN / alpha) * slope),
  );
  return { mean, alpha, theta, sigma2: (best.value * n) / (n - 3) };
}
