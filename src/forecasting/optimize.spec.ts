import { describe, expect, it } from '@jest/globals';
import { logistic, logit, nelderMead } from './optimize.js';

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const result = nelderMead(([x, y]) => (x - 3) ** 2 + 2 * (y + 1) ** 2 + 5, [0, 0], { reltol: 1e-12 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 4);
    expect(result.x[1]).toBeCloseTo(-1, 4);
    expect(result.value).toBeCloseTo(5, 8);
  });

  it('finds the minimum (1, 1) of the Rosenbrock function from the classic start (-1.2, 1)', () => {
    const rosenbrock = ([x, y]: number[]): number => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { reltol: 1e-14, maxEvaluations: 2000 });
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
    expect(result.value).toBeLessThan(1e-7);
  });

  it('stops at the evaluation budget and treats NaN as +Infinity', () => {
    let calls = 0;
    const result = nelderMead(
      ([x]) => {
        calls++;
        return x < 0 ? NaN : (x - 2) ** 2;
      },
      [1],
      { maxEvaluations: 30 },
    );
    expect(calls).toBeLessThanOrEqual(31);
    expect(result.x[0]).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(result.value)).toBe(true);
  });
});

describe('logistic / logit', () => {
  it('maps the real line into the bounds and back', () => {
    expect(logistic(0, 0.8, 0.98)).toBeCloseTo(0.89, 12);
    expect(logistic(logit(0.3, 0, 1), 0, 1)).toBeCloseTo(0.3, 12);
    expect(logistic(-1000, 1, 2)).toBe(1);
  });
});
