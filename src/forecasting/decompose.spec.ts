import { describe, expect, it } from '@jest/globals';
import { seasonalIndices } from './decompose.js';

describe('seasonalIndices', () => {
  it('recovers an additive seasonal pattern on a linear trend exactly', () => {
    const pattern = [3, -1, -4, 2];
    const y = Array.from({ length: 16 }, (_, t) => 50 + t + pattern[t % 4]);
    const indices = seasonalIndices(y, 4, 'additive');
    indices.forEach((s, j) => expect(s).toBeCloseTo(pattern[j], 12));
  });

  it('recovers a multiplicative pattern of a level series, normalised to average one', () => {
    const pattern = [1.2, 0.8, 1.1, 0.9];
    const y = Array.from({ length: 20 }, (_, t) => 200 * pattern[t % 4]);
    const indices = seasonalIndices(y, 4, 'multiplicative');
    indices.forEach((s, j) => expect(s).toBeCloseTo(pattern[j], 12));
  });

  it('needs two full periods', () => {
    expect(() => seasonalIndices([1, 2, 3, 4, 5], 4, 'additive')).toThrow(RangeError);
  });
});
