import { describe, expect, it } from '@jest/globals';
import { etsFilter, etsPointForecast, type EtsSpec, type EtsState } from './ets-model.js';

const state = (level: number, trend: number, seasonal: number[]): EtsState => ({
  level,
  trend,
  seasonal: Float64Array.from(seasonal),
  time: 0,
});

describe('simple exponential smoothing, ETS(A,N,N)', () => {
  const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N', period: 1 };
  const params = { alpha: 0.5, beta: 0, gamma: 0, phi: 1 };

  it('follows l_t = l_{t-1} + alpha e_t on a tiny series', () => {
    // l0 = 10; y = 12 -> e 2, l 11; y = 11 -> e 0, l 11; y = 15 -> e 4, l 13
    const residuals = new Float64Array(3);
    const fit = etsFilter([12, 11, 15], spec, params, state(10, 0, [0]), residuals);
    expect(Array.from(residuals)).toEqual([2, 0, 4]);
    expect(fit?.sse).toBe(20);
    expect(fit?.minus2LogLik).toBeCloseTo(3 * Math.log(20 / 3), 12);
    expect(fit?.state.level).toBe(13);
    expect(etsPointForecast(fit!.state, spec, params, 2)).toEqual([13, 13]);
  });
});

describe('additive Holt-Winters, ETS(A,A,A)', () => {
  const spec: EtsSpec = { error: 'A', trend: 'A', season: 'A', period: 4 };
  const params = { alpha: 0.5, beta: 0.2, gamma: 0.1, phi: 1 };

  it('matches a hand-computed recursion with fixed parameters', () => {
    // l0 = 100, b0 = 2, seasons by position [5, -3, -6, 4]
    // t=0: yhat = 100 + 2 + 5 = 107, y = 110, e = 3
    //      l = 102 + 0.5*3 = 103.5, b = 2 + 0.2*3 = 2.6, s0 = 5 + 0.1*3 = 5.3
    // t=1: yhat = 103.5 + 2.6 - 3 = 103.1, y = 100, e = -3.1
    //      l = 106.1 - 1.55 = 104.55, b = 2.6 - 0.62 = 1.98, s1 = -3 - 0.31 = -3.31
    const residuals = new Float64Array(2);
    const fit = etsFilter([110, 100], spec, params, state(100, 2, [5, -3, -6, 4]), residuals);
    expect(residuals[0]).toBeCloseTo(3, 12);
    expect(residuals[1]).toBeCloseTo(-3.1, 12);
    expect(fit?.state.level).toBeCloseTo(104.55, 12);
    expect(fit?.state.trend).toBeCloseTo(1.98, 12);
    expect(Array.from(fit!.state.seasonal)).toEqual([5.3, -3.31, -6, 4].map((v) => expect.closeTo(v, 12)));
    // forecasts: l + h b + s for the seasons at t = 2, 3, 4
    const f = etsPointForecast(fit!.state, spec, params, 3);
    expect(f[0]).toBeCloseTo(104.55 + 1.98 - 6, 12);
    expect(f[1]).toBeCloseTo(104.55 + 2 * 1.98 + 4, 12);
    expect(f[2]).toBeCloseTo(104.55 + 3 * 1.98 + 5.3, 12);
  });

  it('damps the trend: h-step trend is (phi + ... + phi^h) b', () => {
    const damped: EtsSpec = { error: 'A', trend: 'Ad', season: 'N', period: 1 };
    const f = etsPointForecast(state(10, 1, [0]), damped, { alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.9 }, 3);
    expect(f[0]).toBeCloseTo(10.9, 12);
    expect(f[1]).toBeCloseTo(10 + 0.9 + 0.81, 12);
    expect(f[2]).toBeCloseTo(10 + 0.9 + 0.81 + 0.729, 12);
  });
});

describe('multiplicative models', () => {
  it('use relative errors and reject a non-positive base', () => {
    const spec: EtsSpec = { error: 'M', trend: 'N', season: 'M', period: 2 };
    const params = { alpha: 0.5, beta: 0, gamma: 0.1, phi: 1 };
    // l0 = 10, seasons [1.2, 0.8]: yhat = 12, y = 15 -> e = 0.25; l = 10 + 0.5 * (12.5 - 10) = 11.25
    const residuals = new Float64Array(1);
    const fit = etsFilter([15], spec, params, state(10, 0, [1.2, 0.8]), residuals);
    expect(residuals[0]).toBeCloseTo(0.25, 12);
    expect(fit?.state.level).toBeCloseTo(11.25, 12);
    expect(fit?.state.seasonal[0]).toBeCloseTo(1.2 + 0.1 * (1.5 - 1.2), 12);
    expect(etsFilter([15], spec, params, state(-1, 0, [1.2, 0.8]))).toBeUndefined();
  });
});
