import { describe, expect, it } from '@jest/globals';
import { forecast, holdoutWidthFactors } from './forecast.js';
import { createRandom } from './random.js';

const seasonal = (n: number, noise: number, seed = 5): number[] => {
  const random = createRandom(seed);
  return Array.from(
    { length: n },
    (_, t) => (200 + 2 * t) * [0.8, 1.1, 1.3, 0.8][t % 4] + noise * random.normal(),
  );
};

describe('holdout-calibrated intervals', () => {
  it('widens intervals when the holdout errors exceed what the models claimed', () => {
    // A level shift in the last 8 points: the holdout errors are large for the models fitted before it.
    const y = seasonal(48, 3).map((v, t) => (t >= 40 ? v + 60 : v));
    const factors = holdoutWidthFactors(y, 4, 8, [80, 95]);
    expect(factors[95]).toBeGreaterThan(1.2);
    const plain = forecast(y, { period: 4, horizon: 8 });
    const calibrated = forecast(y, { period: 4, horizon: 8, calibrate: 'holdout' });
    expect(calibrated.mean).toEqual(plain.mean);
    const width = (f: typeof plain) => f.upper[95][0] - f.lower[95][0];
    expect(width(calibrated)).toBeGreaterThan(width(plain));
    expect(calibrated.model).toContain('holdout-calibrated');
  });

  it('keeps factors within 0.8-2 and at 1 when the series cannot spare a holdout', () => {
    const factors = holdoutWidthFactors(seasonal(60, 5), 4, 8, [80, 95]);
    for (const level of [80, 95]) {
      expect(factors[level]).toBeGreaterThanOrEqual(0.8);
      expect(factors[level]).toBeLessThanOrEqual(2);
    }
    expect(holdoutWidthFactors(seasonal(16, 5), 4, 8, [80, 95])).toEqual({ 80: 1, 95: 1 });
  });
});
