import { describe, expect, it } from '@jest/globals';
import type { FittedEts } from './ets-fit.js';
import { etsIntervals } from './ets-intervals.js';
import { akaikeWeights } from './akaike.js';
import { etsPointForecast } from './ets-model.js';
import { etsCandidates, ets, fitEtsCandidates } from './ets.js';

/** Deterministic multiplicative seasonal series with growth and a little noise. */
function seasonalSeries(n: number): number[] {
  const pattern = [0.7, 0.9, 1.4, 1.0];
  return Array.from(
    { length: n },
    (_, t) => (100 + 2 * t) * pattern[t % 4] * (1 + 0.03 * Math.sin(1.7 * t * t)),
  );
}

describe('etsCandidates', () => {
  it('has the 15 default models of forecast::ets for positive seasonal data', () => {
    expect(etsCandidates(seasonalSeries(40), 4, ['N', 'A', 'Ad'])).toHaveLength(15);
  });

  it('allows only additive parts when the data touch zero', () => {
    const y = seasonalSeries(40);
    y[5] = 0;
    const specs = etsCandidates(y, 4, ['N', 'A', 'Ad']);
    expect(specs).toHaveLength(6);
    expect(specs.every((s) => s.error === 'A' && s.season !== 'M')).toBe(true);
  });

  it('drops seasonal models without two full seasons', () => {
    expect(etsCandidates([1, 2, 3, 4, 5, 6, 7], 4, ['N']).every((s) => s.season === 'N')).toBe(true);
  });
});

describe('ets', () => {
  it('selects a seasonal model by AICc for a strongly seasonal series', () => {
    const fits = fitEtsCandidates(seasonalSeries(48), 4);
    expect(fits[0].spec.season).not.toBe('N');
    expect(fits.every((f, i) => i === 0 || f.aicc >= fits[i - 1].aicc)).toBe(true);
  });

  it('returns nested, finite intervals around the point forecasts', () => {
    const f = ets(seasonalSeries(48), { period: 4, horizon: 8, levels: [80, 95] });
    expect(f).toBeDefined();
    for (let h = 0; h < 8; h++) {
      const row = [f!.lower[95][h], f!.lower[80][h], f!.mean[h], f!.upper[80][h], f!.upper[95][h]];
      expect(row.every(Number.isFinite)).toBe(true);
      expect([...row].sort((a, b) => a - b)).toEqual(row);
    }
  });
});

describe('ets with Akaike-weighted point forecasts', () => {
  it("averages the candidates' point forecasts and keeps the best model's interval widths", () => {
    // noisy enough that no candidate takes (almost) all the weight
    const y = seasonalSeries(48).map((v, t) => v * (1 + 0.12 * Math.sin(1.7 * t * t)));
    const best = ets(y, { period: 4, horizon: 6 })!;
    const averaged = ets(y, { period: 4, horizon: 6, point: 'akaike' })!;
    const fits = fitEtsCandidates(y, 4);
    const weights = akaikeWeights(fits.map((f) => f.aicc))!;
    expect(Math.max(...weights)).toBeLessThan(0.9);
    for (let h = 0; h < 6; h++) {
      const expected = fits.reduce(
        (sum, f, j) => sum + weights[j] * etsPointForecast(f.fit.state, f.spec, f.params, 6)[h],
        0,
      );
      expect(averaged.mean[h]).toBeCloseTo(expected, 8);
      expect(averaged.upper[95][h] - averaged.mean[h]).toBeCloseTo(best.upper[95][h] - best.mean[h], 8);
      expect(averaged.mean[h] - averaged.lower[80][h]).toBeCloseTo(best.mean[h] - best.lower[80][h], 8);
    }
    expect(averaged.model).toBe(`${best.model} Akaike-weighted`);
  });
});

describe('etsIntervals', () => {
  it('gives sigma * sqrt(1 + (h - 1) alpha^2) for simple exponential smoothing', () => {
    const model = {
      spec: { error: 'A', trend: 'N', season: 'N', period: 1 },
      params: { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
      sigma2: 4,
    } as FittedEts;
    const bounds = etsIntervals(model, [10, 10, 10], [95]);
    const z = 1.959963984540054;
    expect(bounds.upper[95][0]).toBeCloseTo(10 + z * 2, 12);
    expect(bounds.upper[95][2]).toBeCloseTo(10 + z * 2 * Math.sqrt(1 + 2 * 0.25), 12);
    expect(bounds.lower[95][1]).toBeCloseTo(10 - z * 2 * Math.sqrt(1.25), 12);
  });
});
