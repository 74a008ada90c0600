/**
 * Exponential smoothing state space models ETS(error, trend, season) in the innovations form of
 * Hyndman, Koehler, Ord & Snyder (2008), with the state updates written as in `forecast::ets`:
 *
 *   q_t = l_{t-1} + phi b_{t-1}              (trend N: q_t = l_{t-1})
 *   yhat_t = q_t (+ s_{t-m} | * s_{t-m})     (season N / A / M)
 *   l_t = q_t + alpha (p_t - q_t),            p_t = y_t (- s_{t-m} | / s_{t-m})
 *   b_t = phi b_{t-1} + (beta / alpha) (l_t - l_{t-1} - phi b_{t-1})
 *   s_t = s_{t-m} + gamma (y_t (- | /) q_t - s_{t-m})
 *
 * Additive and multiplicative errors give the same state updates; they differ in the likelihood
 * (e_t = y_t - yhat_t versus e_t = (y_t - yhat_t) / yhat_t) and in the prediction distribution.
 */
export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  /** Seasonal period m (1 when the model has no seasonal component). */
  period: number;
}

export interface EtsParams {
  alpha: number;
  /** Trend smoothing in error-correction form, 0 < beta < alpha (ignored without trend). */
  beta: number;
  /** Seasonal smoothing, 0 < gamma < 1 - alpha (ignored without season). */
  gamma: number;
  /** Damping, 1 unless the trend is damped. */
  phi: number;
}

/** States after observation t - 1; `seasonal[j]` belongs to the observations with t % period === j. */
export interface EtsState {
  level: number;
  trend: number;
  seasonal: Float64Array;
  /** Index of the next observation. */
  time: number;
}

export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

export function cloneState(state: EtsState): EtsState {
  return { ...state, seasonal: Float64Array.from(state.seasonal) };
}

/**
 * One observation: returns the one-step forecast made from `state`, then updates `state` with y.
 * Returns NaN when the model cannot be evaluated (e.g. non-positive base for a multiplicative part).
 */
export function etsStep(state: EtsState, y: number, spec: EtsSpec, params: EtsParams): number {
  const hasTrend = spec.trend !== 'N';
  const phiB = hasTrend ? params.phi * state.trend : 0;
  const q = state.level + phiB;
  const j = state.time % spec.period;
  const s = state.seasonal[j];
  let yhat: number;
  let p: number;
  let detrended: number;
  if (spec.season === 'N') {
    yhat = q;
    p = y;
    detrended = 0;
  } else if (spec.season === 'A') {
    yhat = q + s;
    p = y - s;
    detrended = y - q;
  } else {
    if (!(q > 0) || !(s > 0)) return NaN;
    yhat = q * s;
    p = y / s;
    detrended = y / q;
  }
  const level = q + params.alpha * (p - q);
  if (hasTrend) state.trend = phiB + (params.beta / params.alpha) * (level - state.level - phiB);
  if (spec.season !== 'N') state.seasonal[j] = s + params.gamma * (detrended - s);
  state.level = level;
  state.time++;
  return yhat;
}

/** The one-step forecast from `state` (NaN when a multiplicative base is not positive). */
export function etsExpected(state: EtsState, spec: EtsSpec, params: EtsParams): number {
  const q = state.level + (spec.trend === 'N' ? 0 : params.phi * state.trend);
  const s = state.seasonal[state.time % spec.period];
  if (spec.season === 'N') return q;
  if (spec.season === 'A') return q + s;
  return q > 0 && s > 0 ? q * s : NaN;
}

export interface EtsFit {
  /** -2 log-likelihood without the constant n (log(2 pi) + 1). */
  minus2LogLik: number;
  /** Sum of squared innovations (relative ones for multiplicative errors). */
  sse: number;
  /** State after the last observation. */
  state: EtsState;
}

/**
 * Runs the model over y from `initial` (not modified). Returns undefined when the path is
 * inadmissible. This is the optimiser's inner loop, so it keeps the states in locals.
 */
export function etsFilter(
  y: ArrayLike<number>,
  spec: EtsSpec,
  params: EtsParams,
  initial: EtsState,
  residuals?: Float64Array,
): EtsFit | undefined {
  const seasonal = Float64Array.from(initial.seasonal);
  const m = spec.period;
  const multiplicativeError = spec.error === 'M';
  const trendCode = spec.trend === 'N' ? 0 : 1;
  const seasonCode = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
  const { alpha, gamma } = params;
  const phi = trendCode === 1 ? params.phi : 0;
  const betaRatio = params.beta / alpha;
  let level = initial.level;
  let trend = initial.trend;
  let j = initial.time % m;
  let sse = 0;
  let sumLog = 0;
  const n = y.length;
  for (let t = 0; t < n; t++) {
    const yt = y[t];
    const phiB = phi * trend;
    const q = level + phiB;
    const s = seasonal[j];
    let yhat: number;
    let p: number;
    if (seasonCode === 0) {
      yhat = q;
      p = yt;
    } else if (seasonCode === 1) {
      yhat = q + s;
      p = yt - s;
      seasonal[j] = s + gamma * (yt - q - s);
    } else {
      if (!(q > 0) || !(s > 0)) return undefined;
      yhat = q * s;
      p = yt / s;
      seasonal[j] = s + gamma * (yt / q - s);
    }
    let e: number;
    if (multiplicativeError) {
      if (!(yhat > 1e-10)) return undefined;
      e = (yt - yhat) / yhat;
      sumLog += Math.log(yhat);
    } else {
      e = yt - yhat;
    }
    if (residuals) residuals[t] = e;
    sse += e * e;
    const newLevel = q + alpha * (p - q);
    if (trendCode === 1) trend = phiB + betaRatio * (newLevel - level - phiB);
    level = newLevel;
    if (++j === m) j = 0;
  }
  const minus2LogLik = n * Math.log(Math.max(sse / n, 1e-300)) + 2 * sumLog;
  if (!Number.isFinite(minus2LogLik)) return undefined;
  return { minus2LogLik, sse, state: { level, trend, seasonal, time: initial.time + n } };
}

/** Point forecasts 1..horizon steps ahead from `state` (the conditional-mean recursion without noise). */
export function etsPointForecast(
  state: EtsState,
  spec: EtsSpec,
  params: EtsParams,
  horizon: number,
): number[] {
  const out: number[] = [];
  let damped = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    if (spec.trend !== 'N') {
      phiPower *= params.phi;
      damped += phiPower;
    }
    const q = state.level + damped * state.trend;
    const s = state.seasonal[(state.time + h - 1) % spec.period];
    out.push(spec.season === 'N' ? q : spec.season === 'A' ? q + s : q * s);
  }
  return out;
}
