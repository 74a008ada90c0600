import { describe, expect, it } from '@jest/globals';
import { akaikeWeights, recentre, weightedPaths } from './akaike.js';

describe('akaikeWeights', () => {
  it('weighs each model by exp(-Δ/2), normalised', () => {
    const w = akaikeWeights([10, 12, 10 + 2 * Math.log(4)])!;
    // relative weights 1, e^-1, 1/4
    const total = 1 + Math.exp(-1) + 0.25;
    expect(w[0]).toBeCloseTo(1 / total, 12);
    expect(w[1]).toBeCloseTo(Math.exp(-1) / total, 12);
    expect(w[2]).toBeCloseTo(0.25 / total, 12);
  });

  it('depends only on the differences, so large criteria do not underflow', () => {
    expect(akaikeWeights([100000, 100000])).toEqual([0.5, 0.5]);
  });

  it('gives non-finite criteria weight 0 and is undefined without a finite one', () => {
    expect(akaikeWeights([Infinity, 3, NaN])).toEqual([0, 1, 0]);
    expect(akaikeWeights([Infinity, NaN])).toBeUndefined();
  });
});

describe('weightedPaths', () => {
  it('averages the paths step by step', () => {
    expect(
      weightedPaths(
        [
          [1, 2],
          [3, 6],
        ],
        [0.75, 0.25],
      ),
    ).toEqual([1.5, 3]);
  });

  it('refuses mismatched weights', () => {
    expect(() => weightedPaths([[1]], [0.5, 0.5])).toThrow(RangeError);
  });
});

describe('recentre', () => {
  it('shifts the bounds with the point forecast', () => {
    expect(recentre({ 80: [9, 19] }, [10, 20], [12, 19])).toEqual({ 80: [11, 18] });
  });
});
