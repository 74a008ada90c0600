import { describe, expect, it } from '@jest/globals';
import { normalQuantile, zForLevel } from './normal.js';

describe('normalQuantile', () => {
  it('matches published quantiles of the standard normal', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });

  it('maps interval levels to two-sided multipliers and rejects impossible ones', () => {
    expect(zForLevel(80)).toBeCloseTo(1.2815515655446004, 14);
    expect(zForLevel(95)).toBeCloseTo(1.959963984540054, 14);
    expect(() => zForLevel(100)).toThrow(RangeError);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});
