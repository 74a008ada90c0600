import { describe, expect, it } from '@jest/globals';
import { projectYear } from '../math/projection-math.js';
import { warmUpInput, warmUpProjections } from './projection-warm-up.js';

describe('projection warm-up', () => {
  it('runs the forecasting models, not the pace fallback, on a well-formed year', () => {
    const input = warmUpInput();
    expect(input.dates).toHaveLength(365);
    expect(input.pathDaily).toHaveLength(365);
    const result = projectYear(input);
    expect(result.method).toBe('forecast');
    expect(result.projected.median).toBeGreaterThan(0);
    expect(result.contributions).toHaveLength(1);
  });

  it('answers how long it took', () => {
    expect(warmUpProjections()).toBeGreaterThan(0);
  });
});
