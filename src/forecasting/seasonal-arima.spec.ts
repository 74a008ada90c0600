import { describe, expect, it } from '@jest/globals';
import { partialToAr, psiWeights, seasonalArima } from './seasonal-arima.js';

describe('psiWeights', () => {
  it('are 1 at every multiple of m for a pure seasonal random walk', () => {
    expect(psiWeights([], 0, 4, 9)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('include the seasonal MA term: (1 + Theta B^m) / (1 - B^m)', () => {
    expect(psiWeights([], -0.5, 4, 9)).toEqual([1, 0, 0, 0, 0.5, 0, 0, 0, 0.5]);
  });

  it('follow phi^j for an AR(1) before the first seasonal lag', () => {
    const psi = psiWeights([0.5], 0, 12, 4);
    expect(psi).toEqual([1, 0.5, 0.25, 0.125]);
  });
});

describe('partialToAr', () => {
  it('applies the Durbin-Levinson recursion', () => {
    expect(partialToAr([0.5])).toEqual([0.5]);
    const phi = partialToAr([0.5, 0.2]);
    expect(phi[0]).toBeCloseTo(0.4, 12);
    expect(phi[1]).toBeCloseTo(0.2, 12);
  });
});

describe('seasonalArima', () => {
  it('continues a seasonal pattern on a linear trend (constant seasonal difference = drift)', () => {
    const pattern = [5, -3, -6, 4];
    const y = Array.from({ length: 40 }, (_, t) => 100 + 2 * t + pattern[t % 4]);
    const f = seasonalArima(y, { period: 4, horizon: 5 });
    expect(f).toBeDefined();
    f!.mean.forEach((value, i) => {
      const t = 40 + i;
      expect(value).toBeCloseTo(100 + 2 * t + pattern[t % 4], 4);
    });
  });

  it('with Akaike weights, moves the point forecast by less than the 80 % half-width and keeps the widths', () => {
    const y = Array.from(
      { length: 60 },
      (_, t) => 100 + 0.5 * t + [8, -2, -9, 3][t % 4] + 4 * Math.sin(t * t),
    );
    const best = seasonalArima(y, { period: 4, horizon: 6 })!;
    const averaged = seasonalArima(y, { period: 4, horizon: 6, point: 'akaike' })!;
    expect(averaged.model).toBe(`${best.model} Akaike-weighted`);
    expect(averaged.mean).not.toEqual(best.mean);
    for (let h = 0; h < 6; h++) {
      expect(Math.abs(averaged.mean[h] - best.mean[h])).toBeLessThan(best.upper[80][h] - best.mean[h]);
      expect(averaged.upper[95][h] - averaged.mean[h]).toBeCloseTo(best.upper[95][h] - best.mean[h], 8);
    }
  });

  it('declines series too short to estimate', () => {
    expect(seasonalArima([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { period: 4, horizon: 2 })).toBeUndefined();
  });
});
