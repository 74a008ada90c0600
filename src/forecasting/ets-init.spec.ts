import { describe, expect, it } from '@jest/globals';
import { fitEts } from './ets-fit.js';
import { initialState } from './ets-init.js';

/** Quarterly series growing tenfold with a seasonal swing proportional to its level. */
function growingSeasonal(years: number): number[] {
  const pattern = [0.5, 1.2, 1.6, 0.7];
  const y: number[] = [];
  for (let t = 0; t < 4 * years; t++) y.push(100 * 1.07 ** t * pattern[t % 4]);
  return y;
}

describe('initialState', () => {
  it('takes the seasonal states from the first seasons, not from the whole series', () => {
    const y = growingSeasonal(9);
    const state = initialState(y, { error: 'A', trend: 'A', season: 'A', period: 4 });
    // The first year's swing is about 100 * (1.6 - 0.5); the whole series' is ten times that.
    const swing = Math.max(...state.seasonal) - Math.min(...state.seasonal);
    expect(swing).toBeGreaterThan(50);
    expect(swing).toBeLessThan(300);
  });

  it('lets an additive season with multiplicative errors fit a growing series', () => {
    const fitted = fitEts(growingSeasonal(9), { error: 'M', trend: 'N', season: 'A', period: 4 });
    expect(fitted).toBeDefined();
  });
});
