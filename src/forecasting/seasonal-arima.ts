import { akaikeWeights, weightedPaths } from './akaike.js';
import { DEFAULT_LEVELS, normalIntervals, type ForecastResult } from './forecast-result.js';
import { zForLevel } from './normal.js';
import { nelderMead } from './optimize.js';
import { mean } from './series-stats.js';

/**
 * Automatic seasonal ARIMA within the family ARIMA(p,0,0)(0,1,Q)_m with optional drift: seasonal
 * differencing, short-run autoregression and a seasonal moving average, the airline-model idea
 * without the second (non-seasonal) difference, so trends enter only through the drift:
 *
 *   w_t = y_t - y_{t-m},   (w_t - mu) = sum_{i<=p} phi_i (w_{t-i} - mu) + e_t + Theta e_{t-m}
 *
 * for p = 0..3, Q = 0/1 and mu = 0 or free (a constant seasonal difference is a linear drift).
 * Parameters by conditional sum of squares (Nelder–Mead), with phi kept stationary through its
 * partial autocorrelations and |Theta| < 1; the model by AICc over a common estimation sample.
 * Intervals from the psi-weights of the full (differenced) model. With `point: 'akaike'`, the
 * point forecast is the Akaike-weighted average of all candidates' ({@link akaikeWeights}), and
 * the best model's intervals are centred on it.
 */
export interface SeasonalArimaModel {
  p: number;
  seasonalMa: boolean;
  drift: boolean;
  phi: number[];
  theta: number;
  mu: number;
  sigma2: number;
  aicc: number;
}

const MAX_P = 3;

export function seasonalArima(
  y: readonly number[],
  options: { period: number; horizon: number; levels?: readonly number[]; point?: 'best' | 'akaike' },
): (ForecastResult & { fitted: SeasonalArimaModel }) | undefined {
  const m = options.period;
  const n = y.length;
  const w: number[] = [];
  for (let t = m; t < n; t++) w.push(y[t] - y[t - m]);
  if (w.length < MAX_P + m + 8) return undefined;

  const candidates: FittedCandidate[] = [];
  for (let p = 0; p <= MAX_P; p++)
    for (const seasonalMa of [false, true])
      for (const drift of [false, true]) {
        const fitted = fitCandidate(w, m, p, seasonalMa, drift);
        if (fitted) candidates.push(fitted);
      }
  if (candidates.length === 0) return undefined;
  const best = candidates.reduce((a, b) => (b.aicc < a.aicc ? b : a));

  const weights =
    options.point === 'akaike' && candidates.length > 1
      ? akaikeWeights(candidates.map((c) => c.aicc))
      : undefined;
  const forecastMean = weights
    ? weightedPaths(
        candidates.map((c) => pointPath(y, w, c, m, options.horizon)),
        weights,
      )
    : pointPath(y, w, best, m, options.horizon);
  const se = psiWeights(best.phi, best.theta, m, options.horizon).map((_, h, psi) => {
    let sum = 0;
    for (let j = 0; j <= h; j++) sum += psi[j] * psi[j];
    return Math.sqrt(best.sigma2 * sum);
  });
  const name =
    `ARIMA(${best.p},0,0)(0,1,${best.seasonalMa ? 1 : 0})[${m}]${best.drift ? ' with drift' : ''}` +
    (weights ? ' Akaike-weighted' : '');
  const { residuals: _, ...fitted } = best;
  return {
    mean: forecastMean,
    ...normalIntervals(forecastMean, se, options.levels ?? DEFAULT_LEVELS, zForLevel),
    model: name,
    fitted,
  };
}

type FittedCandidate = SeasonalArimaModel & { residuals: Float64Array };

/** The candidate's point forecasts: the recursion on the seasonal differences w, then undifferenced. */
function pointPath(
  y: readonly number[],
  w: readonly number[],
  candidate: FittedCandidate,
  m: number,
  horizon: number,
): number[] {
  const { phi, theta, mu } = candidate;
  const ws = w.slice();
  const errors = Array.from(candidate.residuals);
  const ys = y.slice();
  for (let h = 0; h < horizon; h++) {
    const t = ws.length;
    let value = mu;
    for (let i = 0; i < phi.length; i++) value += phi[i] * (ws[t - 1 - i] - mu);
    if (t - m >= 0) value += theta * errors[t - m];
    ws.push(value);
    errors.push(0);
    ys.push(ys[ys.length - m] + value);
  }
  return ys.slice(y.length);
}

function fitCandidate(
  w: readonly number[],
  m: number,
  p: number,
  seasonalMa: boolean,
  drift: boolean,
): FittedCandidate | undefined {
  const start = MAX_P;
  const count = w.length - start;
  const k = p + (seasonalMa ? 1 : 0) + (drift ? 1 : 0);
  if (count - k - 2 <= 0) return undefined;
  const wMean = mean(w);
  let spread = 0;
  for (const v of w) spread += (v - wMean) ** 2;
  spread = Math.sqrt(spread / w.length) || 1;
  const residuals = new Float64Array(w.length);

  const decode = (u: readonly number[]): { phi: number[]; theta: number; mu: number } => {
    const phi = partialToAr(u.slice(0, p).map((v) => 0.99 * Math.tanh(v)));
    const theta = seasonalMa ? 0.99 * Math.tanh(u[p]) : 0;
    const mu = drift ? wMean + spread * u[p + (seasonalMa ? 1 : 0)] : 0;
    return { phi, theta, mu };
  };
  const sse = (u: readonly number[]): number => {
    const { phi, theta, mu } = decode(u);
    let sum = 0;
    for (let t = 0; t < w.length; t++) {
      if (t < start) {
        residuals[t] = 0;
        continue;
      }
      let e = w[t] - mu;
      for (let i = 0; i < p; i++) e -= phi[i] * (w[t - 1 - i] - mu);
      if (t - m >= 0) e -= theta * residuals[t - m];
      residuals[t] = e;
      sum += e * e;
    }
    return sum;
  };
  const startPoint = new Array<number>(k).fill(0);
  if (seasonalMa) startPoint[p] = -0.5;
  const result = nelderMead(sse, startPoint, { step: 0.3, maxEvaluations: 300 * Math.max(k, 1) });
  const value = sse(result.x);
  if (!Number.isFinite(value)) return undefined;
  const parameters = k + 1;
  const aicc =
    count * Math.log(Math.max(value / count, 1e-300)) +
    2 * parameters +
    (2 * parameters * (parameters + 1)) / (count - parameters - 1);
  return {
    p,
    seasonalMa,
    drift,
    ...decode(result.x),
    sigma2: value / (count - k),
    aicc,
    residuals: residuals.slice(),
  };
}

/** AR coefficients from partial autocorrelations (Durbin–Levinson); stationary when all |r| < 1. */
export function partialToAr(partial: readonly number[]): number[] {
  let phi: number[] = [];
  for (let k = 0; k < partial.length; k++) {
    const r = partial[k];
    phi = [...phi.map((v, j) => v - r * phi[k - 1 - j]), r];
  }
  return phi;
}

/** psi_0..psi_{h-1} of (1 - sum phi_i B^i)(1 - B^m) y_t = (1 + Theta B^m) e_t. */
export function psiWeights(phi: readonly number[], theta: number, m: number, horizon: number): number[] {
  // AR polynomial of the differenced model: a_k with y_t = sum a_k y_{t-k} + ...
  const a = new Array<number>(phi.length + m + 1).fill(0);
  for (let i = 0; i < phi.length; i++) a[i + 1] += phi[i];
  a[m] += 1;
  for (let i = 0; i < phi.length; i++) a[m + i + 1] -= phi[i];
  const psi = [1];
  for (let j = 1; j < horizon; j++) {
    let value = j === m ? theta : 0;
    for (let k = 1; k <= Math.min(j, a.length - 1); k++) value += a[k] * psi[j - k];
    psi.push(value);
  }
  return psi;
}
