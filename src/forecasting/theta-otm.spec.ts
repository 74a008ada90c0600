import { describe, expect, it } from '@jest/globals';
import { optimisedTheta } from './theta-otm.js';

describe('optimisedTheta', () => {
  it('continues a straight line (SES tracks it and the trend weight goes to its bound)', () => {
    const y = Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
    const f = optimisedTheta(y, 3);
    // theta = 2 would give y_n + h (half the slope); the optimiser finds a steeper continuation.
    expect(f.theta).toBeGreaterThan(2);
    expect(f.mean[0]).toBeGreaterThan(69);
    expect(f.mean[2] - f.mean[1]).toBeGreaterThan(1);
    expect(f.mean[2] - f.mean[1]).toBeLessThanOrEqual(2 + 1e-9);
  });

  it('keeps alpha and theta within their bounds and the forecasts finite on noise', () => {
    const y = Array.from({ length: 40 }, (_, t) => 50 + 5 * Math.sin(1.7 * t * t));
    const f = optimisedTheta(y, 6);
    expect(f.alpha).toBeGreaterThan(0.01);
    expect(f.alpha).toBeLessThan(0.99);
    expect(f.theta).toBeGreaterThanOrEqual(1);
    expect(f.theta).toBeLessThanOrEqual(5);
    expect(f.sigma2).toBeGreaterThan(0);
    f.mean.forEach((v) => expect(Math.abs(v - 50)).toBeLessThan(10));
  });

  it('declines series shorter than 4 observations', () => {
    expect(() => optimisedTheta([1, 2, 3], 2)).toThrow(RangeError);
  });
});
