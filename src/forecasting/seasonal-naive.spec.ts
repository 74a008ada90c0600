import { describe, expect, it } from '@jest/globals';
import { seasonalNaive } from './seasonal-naive.js';

describe('seasonalNaive', () => {
  const z80 = 1.2815515655446004;

  it('repeats the last season and widens intervals once per season', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8];
    const f = seasonalNaive(y, { period: 4, horizon: 6 });
    expect(f.mean).toEqual([5, 6, 7, 8, 5, 6]);
    // every lag-4 difference is 4, so sigma = 4; steps 5-6 are two seasons ahead: 4 * sqrt(2)
    expect(f.lower[80][0]).toBeCloseTo(5 - z80 * 4, 12);
    expect(f.upper[80][3]).toBeCloseTo(8 + z80 * 4, 12);
    expect(f.upper[80][4]).toBeCloseTo(5 + z80 * 4 * Math.SQRT2, 12);
    expect(f.model).toBe('SNaive');
  });

  it('falls back to naive with less than one season of data', () => {
    const f = seasonalNaive([3, 5], { period: 12, horizon: 3 });
    expect(f.mean).toEqual([5, 5, 5]);
    expect(f.model).toBe('Naive');
    // the only change is 2: sigma 2, standard error grows like sqrt(h)
    expect(f.upper[95][2] - f.mean[2]).toBeCloseTo(1.959963984540054 * 2 * Math.sqrt(3), 12);
  });
});
