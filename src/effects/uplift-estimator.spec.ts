import { describe, expect, it } from '@jest/globals';
import { createRandom } from '../forecasting/random.js';
import { overlapGroup } from './effect-groups.js';
import {
  estimateUplift,
  requiredHistory,
  splitExcess,
  studentQuantile,
  unmeasurableCodeOf,
} from './uplift-estimator.js';

/** Two years and a half of daily figures: months, weekends, 2 % noise. */
function daily(days = 900, seed = 3): number[] {
  const random = createRandom(seed);
  const months = [0.6, 0.7, 0.8, 1, 1.1, 1, 1.4, 1.5, 1, 1.2, 0.8, 0.6];
  return Array.from({ length: days }, (_, t) => {
    const month = Math.floor((t % 365) / 30.42);
    const weekend = t % 7 >= 5 ? 1.3 : 1;
    return Math.round(10_000 * months[month] * weekend * (0.99 + 0.02 * random.uniform()));
  });
}

describe('estimateUplift', () => {
  it('recovers an injected uplift within its intervals and calls it measured', () => {
    const y = daily();
    const start = 800;
    const end = 813;
    let truth = 0;
    for (let t = start; t <= end; t++) {
      const extra = Math.round(y[t] * 0.2);
      y[t] += extra;
      truth += extra;
    }
    const r = estimateUplift({ values: y, windowStart: start, windowEnd: end });
    if (r.verdict === 'not_measurable') throw new Error(r.reason);
    expect(r.verdict).toBe('measured');
    expect(r.method).toBe('yearly-reference-ratio');
    expect(Math.abs(r.estimate - truth) / truth).toBeLessThan(0.2);
    expect(r.interval95.lower).toBeLessThan(truth);
    expect(r.interval95.upper).toBeGreaterThan(truth);
    expect(r.interval80.lower).toBeGreaterThan(r.interval95.lower);
    expect(r.interval80.upper).toBeLessThan(r.interval95.upper);
    expect(r.estimate).toBeCloseTo(r.actual - r.counterfactual, 6);
    expect(r.backtests).toBe(12);
  });

  it('finds no effect where nothing was added', () => {
    const y = daily(900, 11);
    const r = estimateUplift({ values: y, windowStart: 835, windowEnd: 842 });
    expect(r.verdict).toBe('no_effect_detectable');
    if (r.verdict === 'not_measurable') return;
    expect(r.interval95.lower).toBeLessThan(0);
    expect(r.interval95.upper).toBeGreaterThan(0);
  });

  it('widens the interval of the sum with the correlation of errors: more than sqrt(L) times the daily spread would give', () => {
    const y = daily();
    const short = estimateUplift({ values: y, windowStart: 800, windowEnd: 800 });
    const long = estimateUplift({ values: y, windowStart: 800, windowEnd: 827 });
    if (short.verdict === 'not_measurable' || long.verdict === 'not_measurable')
      throw new Error('not measurable');
    const width = (r: typeof short) => r.interval95.upper - r.interval95.lower;
    // Width relative to the counterfactual: i.i.d. days would shrink it by sqrt(28) ~ 5.3.
    const ratio = width(short) / short.counterfactual / (width(long) / long.counterfactual);
    expect(ratio).toBeLessThan(5.3);
  });

  it('is not measurable without complete actuals in the window, or with too little history', () => {
    const y: (number | null)[] = daily();
    y[805] = null;
    expect(estimateUplift({ values: y, windowStart: 800, windowEnd: 809 })).toEqual({
      verdict: 'not_measurable',
      reason: 'the effect window lacks actuals for 1 of its 10 day(s)',
    });
    const short = estimateUplift({ values: daily(), windowStart: 300, windowEnd: 309 });
    expect(short.verdict).toBe('not_measurable');
    if (short.verdict !== 'not_measurable') return;
    expect(short.reason).toContain(`needs at least ${requiredHistory(10)} days`);
    expect(short.reason).toContain('has 300');
    expect(requiredHistory(10)).toBe(56 + 10 + 77 + 364);
    // A gap in the history counts: only the complete run before the window is history.
    const gap: (number | null)[] = daily();
    gap[700] = null;
    const afterGap = estimateUplift({ values: gap, windowStart: 800, windowEnd: 809 });
    expect(afterGap.verdict).toBe('not_measurable');
  });

  it('gives each reason it writes a stable code, and none to text it does not write', () => {
    const y: (number | null)[] = daily();
    y[805] = null;
    const missing = estimateUplift({ values: y, windowStart: 800, windowEnd: 809 });
    const short = estimateUplift({ values: daily(), windowStart: 300, windowEnd: 309 });
    const zeros = daily().map((v, t) => (t >= 430 && t < 440 ? 0 : v));
    const emptyReference = estimateUplift({ values: zeros, windowStart: 800, windowEnd: 809 });
    const reasons = [missing, short, emptyReference].map((r) =>
      r.verdict === 'not_measurable' ? r.reason : '',
    );
    expect(reasons.map(unmeasurableCodeOf)).toEqual([
      'window_lacks_actuals',
      'too_little_history',
      'reference_has_empty_days',
    ]);
    expect(
      unmeasurableCodeOf(
        'the counterfactual forecast could be backtested on 2 earlier window(s) free of holidays; at least 3 are needed',
      ),
    ).toBe('too_few_backtests');
    expect(unmeasurableCodeOf('something else')).toBeNull();
    expect(unmeasurableCodeOf(null)).toBeNull();
  });

  it('rejects a window that is not a range of day indices', () => {
    expect(() => estimateUplift({ values: daily(), windowStart: 10, windowEnd: 9 })).toThrow(RangeError);
  });
});

describe('studentQuantile', () => {
  it('matches tables and tends to the normal', () => {
    expect(studentQuantile(0.975, 5)).toBeCloseTo(2.571, 2);
    expect(studentQuantile(0.975, 12)).toBeCloseTo(2.179, 2);
    expect(studentQuantile(0.9, 10)).toBeCloseTo(1.372, 2);
    expect(studentQuantile(0.975, 1e6)).toBeCloseTo(1.96, 2);
  });
});

describe('splitExcess and overlapGroup', () => {
  it('shares the excess in proportion to expected increments, equally when none is given', () => {
    expect(
      splitExcess([
        { id: 'a', expected: 300 },
        { id: 'b', expected: 100 },
      ]),
    ).toEqual([
      { id: 'a', share: 0.75 },
      { id: 'b', share: 0.25 },
    ]);
    expect(
      splitExcess([
        { id: 'a', expected: 500 },
        { id: 'b', expected: null },
      ]),
    ).toEqual([
      { id: 'a', share: 1 },
      { id: 'b', share: 0 },
    ]);
    expect(
      splitExcess([
        { id: 'a', expected: null },
        { id: 'b', expected: 0 },
      ]),
    ).toEqual([
      { id: 'a', share: 0.5 },
      { id: 'b', share: 0.5 },
    ]);
  });

  it('groups chains of overlapping windows and returns their union', () => {
    const item = (id: string, from: string, to: string) => ({
      id,
      type: 'event' as const,
      window: { from, to },
    });
    const a = item('a', '2021-10-01', '2021-10-05');
    const b = item('b', '2021-10-05', '2021-10-09');
    const c = item('c', '2021-10-09', '2021-10-12');
    const d = item('d', '2021-10-20', '2021-10-21');
    const group = overlapGroup(a, [a, b, c, d]);
    expect(group.members.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(group.window).toEqual({ from: '2021-10-01', to: '2021-10-12' });
    expect(overlapGroup(d, [a, b, c, d]).members).toEqual([d]);
  });
});
