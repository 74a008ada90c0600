import { describe, expect, it } from '@jest/globals';
import { annualTheta } from './annual-theta.js';

describe('annualTheta', () => {
  const pattern = [1.5, 0.5, 1.2, 0.8];

  it('repeats a steady seasonal series: same annual totals, same seasonal shape', () => {
    const y = Array.from({ length: 40 }, (_, t) => 100 * pattern[t % 4]);
    const f = annualTheta(y, { period: 4, horizon: 6 })!;
    f.forEach((v, i) => expect(v).toBeCloseTo(100 * pattern[(40 + i) % 4], 6));
  });

  it('counts whole years back from the end (a partial first year is left out)', () => {
    const y = [7, ...Array.from({ length: 40 }, (_, t) => 100 * pattern[t % 4])];
    const f = annualTheta(y, { period: 4, horizon: 4 })!;
    f.forEach((v, i) => expect(v).toBeCloseTo(100 * pattern[i], 6));
  });

  it('raises a growing series year on year', () => {
    const y = Array.from({ length: 48 }, (_, t) => (100 + 3 * t) * pattern[t % 4]);
    const f = annualTheta(y, { period: 4, horizon: 8 })!;
    const lastYear = y.slice(-4).reduce((a, b) => a + b, 0);
    const first = f.slice(0, 4).reduce((a, b) => a + b, 0);
    const second = f.slice(4).reduce((a, b) => a + b, 0);
    expect(first).toBeGreaterThan(lastYear);
    expect(second).toBeGreaterThan(first);
  });

  it('declines non-seasonal, short or non-positive series', () => {
    const y = Array.from({ length: 40 }, (_, t) => 100 * pattern[t % 4]);
    expect(annualTheta(y, { period: 1, horizon: 4 })).toBeUndefined();
    expect(annualTheta(y.slice(0, 23), { period: 4, horizon: 4 })).toBeUndefined();
    expect(annualTheta([...y.slice(0, 39), 0], { period: 4, horizon: 4 })).toBeUndefined();
  });
});
