import { describe, expect, it } from '@jest/globals';
import { fitEts } from './ets-fit.js';
import { etsPointForecast } from './ets-model.js';

const SERIES = [
  112, 103.781, 85.699, 112.428, 129.573, 115.303, 104.91, 133.579, 141.992, 116.01, 109.419, 142.312,
  142.226, 132.741, 125.05, 151.045, 158.756, 140.233, 140.348, 159.402,
];

describe('fitEts', () => {
  it('matches forecast::ses (R forecast 8.20): alpha, initial level and forecast', () => {
    // R: ses(ts(y), h = 2) -> alpha 0.3705470897, l 108.0142156, mean 148.6808142
    const fitted = fitEts(
      SERIES,
      { error: 'A', trend: 'N', season: 'N', period: 1 },
      { initialStates: 'optimized' },
    );
    expect(fitted).toBeDefined();
    expect(fitted!.params.alpha).toBeCloseTo(0.37055, 3);
    expect(Math.abs(fitted!.initial.level / 108.0142156 - 1)).toBeLessThan(1e-4);
    const [next] = etsPointForecast(fitted!.fit.state, fitted!.spec, fitted!.params, 1);
    expect(Math.abs(next / 148.6808142 - 1)).toBeLessThan(1e-4);
  });

  it('counts smoothing parameters, initial states and the variance for the AICc', () => {
    const fitted = fitEts(SERIES, { error: 'M', trend: 'Ad', season: 'M', period: 4 });
    // alpha, beta, gamma, phi + level, trend, 3 free seasonal states + sigma
    expect(fitted?.parameterCount).toBe(10);
    const n = SERIES.length;
    const k = 10;
    expect(fitted!.aicc).toBeCloseTo(fitted!.fit.minus2LogLik + 2 * k + (2 * k * (k + 1)) / (n - k - 1), 10);
  });

  it('declines a model with more parameters than the data can carry', () => {
    expect(
      fitEts([1, 2, 3, 4, 5, 6, 7, 8], { error: 'A', trend: 'A', season: 'A', period: 4 }),
    ).toBeUndefined();
  });
});
