import { describe, expect, it } from '@jest/globals';
import { theta } from './theta.js';

/** y_t = 100 + 3t + season + 6 sin(1.3 t^2), rounded to 3 decimals (the first 20 are in ets-fit.spec.ts). */
const R_SERIES = [
  112, 103.781, 85.699, 112.428, 129.573, 115.303, 104.91, 133.579, 141.992, 116.01, 109.419, 142.312,
  142.226, 132.741, 125.05, 151.045, 158.756, 140.233, 140.348, 159.402, 166.013, 163.995, 155.63, 178.823,
  189.35, 175.53, 158.508, 183.763, 201.818, 182.155, 180.823, 195.784,
];

describe('theta', () => {
  it('forecasts a straight line with half its slope from the last value', () => {
    // y_t = 10 + 2t: SES tracks the last value (alpha -> 1) and the drift is b/2 = 1 per step,
    // so the Theta forecast is y_n + h (the theta-2 line extrapolation averaged with the flat line).
    const y = Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
    const f = theta(y, { period: 1, horizon: 3 });
    expect(f.model).toBe('Theta');
    expect(f.mean[0]).toBeCloseTo(69, 2);
    expect(f.mean[1]).toBeCloseTo(70, 2);
    expect(f.mean[2]).toBeCloseTo(71, 2);
  });

  it('seasonally adjusts when the seasonal autocorrelation is significant', () => {
    const pattern = [0.6, 1.0, 1.5, 0.9];
    const y = Array.from({ length: 40 }, (_, t) => 100 * pattern[t % 4] * (1 + 0.02 * Math.sin(t)));
    const f = theta(y, { period: 4, horizon: 4, levels: [80] });
    expect(f.model).toBe('Theta(seasonal)');
    // next observation is season 0 (t = 40), the low quarter
    expect(f.mean[0]).toBeLessThan(f.mean[2]);
    f.mean.forEach((m, h) => {
      expect(f.lower[80][h]).toBeLessThan(m);
      expect(f.upper[80][h]).toBeGreaterThan(m);
    });
  });

  it('matches forecast::thetaf (R forecast 8.20) on a seasonal quarterly series', () => {
    // R: thetaf(ts(y, frequency = 4), h = 6)$mean
    const fromR = [209.9864057, 187.2396166, 171.7197861, 206.1719923, 216.6643031, 193.1471632];
    const f = theta(R_SERIES, { period: 4, horizon: 6 });
    f.mean.forEach((value, h) => expect(Math.abs(value / fromR[h] - 1)).toBeLessThan(1e-4));
  });

  it('copes with very short series', () => {
    const f = theta([5, 7], { period: 4, horizon: 2 });
    expect(f.mean.every(Number.isFinite)).toBe(true);
  });
});
