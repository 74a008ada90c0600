import { describe, expect, it } from '@jest/globals';
import {
  projectYear,
  reachProbability,
  type ContributionInput,
  type ProjectionInput,
} from './projection-math.js';

const year2022 = (): string[] => {
  const days: string[] = [];
  for (
    let d = new Date(Date.UTC(2022, 0, 1));
    d.getUTCFullYear() === 2022;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
};

/** 365 days, a path of 10 a day (target 3,650), actuals of 12 a day for the first `counted` days. */
function flat(counted: number, overrides: Partial<ProjectionInput> = {}): ProjectionInput {
  const dates = year2022();
  return {
    dates,
    targetTotal: 3650,
    growthRate: 0.3,
    pathDaily: dates.map(() => 10),
    actualDaily: dates.map((_, i) => (i < counted ? 12 : null)),
    asOfIndex: counted - 1,
    history: [],
    contributions: [],
    ...overrides,
  };
}

const event = (days: number[], perDay: number, actual: number | null = null): ContributionInput => ({
  id: 'e1',
  kind: 'event',
  name: 'Marathon',
  daily: year2022().map((_, i) => (days.includes(i) ? perDay : 0)),
  actual,
});

describe('projectYear at the pace so far (short history)', () => {
  it('continues the target path at the pace of the counted days', () => {
    const p = projectYear(flat(10));
    expect(p.method).toBe('pace');
    expect(p.asOf).toBe('2022-01-10');
    expect(p.actualToDate).toBe(120);
    expect(p.pathToDate).toBe(100);
    expect(p.gapToPath).toBe(20);
    // 120 so far + 355 days x 10 x 1.2
    expect(p.projected.median).toBeCloseTo(120 + 355 * 12, 6);
    expect(p.projected.lo80).toBeLessThan(p.projected.median);
    expect(p.projected.hi95).toBeGreaterThan(p.projected.hi80);
    expect(p.runRate.neededDaily).toBeCloseTo((3650 - 120) / 355, 9);
    expect(p.runRate.neededWeekly).toBeCloseTo((7 * (3650 - 120)) / 355, 9);
    expect(p.runRate.expectedDaily).toBeCloseTo(12, 9);
    expect(p.status).toBe('on_track');
    expect(p.daily).toHaveLength(365);
    expect(p.daily[9]).toMatchObject({ date: '2022-01-10', target: 100, actual: 120, projected: 120 });
    expect(p.daily[364].projected).toBeCloseTo(p.projected.median, 6);
    expect(p.daily[364].lo80).toBeCloseTo(p.projected.lo80, 6);
  });

  it('starts from last year’s level before the first actual', () => {
    const p = projectYear(flat(0));
    expect(p.asOf).toBeNull();
    expect(p.projected.median).toBeCloseTo(3650 / 1.3, 6);
    expect(p.status).toBe('off_track');
  });

  it('fills missing past days at the pace of the counted days, and lists them', () => {
    const input = flat(10);
    const actual = [...input.actualDaily];
    actual[4] = null;
    const p = projectYear({ ...input, actualDaily: actual });
    expect(p.missingDates).toEqual(['2022-01-05']);
    expect(p.actualToDate).toBe(108);
    expect(p.estimatedToDate).toBeCloseTo(120, 9); // 9 days at 12 and the missing one at the pace 1.2 x 10
  });

  it('is the actual total once the year is complete', () => {
    const p = projectYear(flat(365));
    expect(p.projected).toEqual({ median: 4380, lo80: 4380, hi80: 4380, lo95: 4380, hi95: 4380 });
    expect(p.probability).toBe(1);
    expect(p.daysRemaining).toBe(0);
    expect(p.runRate.neededDaily).toBe(0);
  });
});

describe('contributions of events and campaigns', () => {
  it('move the projection by exactly their expected increment still to come', () => {
    const without = projectYear(flat(10));
    const withEvent = projectYear(flat(10, { contributions: [event([200, 201, 202], 100)] }));
    expect(withEvent.projected.median - without.projected.median).toBeCloseTo(300, 9);
    expect(withEvent.projected.lo95 - without.projected.lo95).toBeCloseTo(300, 9);
    expect(withEvent.contributionsTotal).toBe(300);
    expect(withEvent.contributions[0]).toMatchObject({ expected: 300, realised: 0, remaining: 300 });
    expect(withEvent.daily[201].projected - without.daily[201].projected).toBeCloseTo(200, 9);
  });

  it('are not counted again once their days are in the actuals, or once their actual is recorded', () => {
    const base = projectYear(flat(10));
    const past = projectYear(flat(10, { contributions: [event([2, 3], 50)] }));
    expect(past.projected.median).toBeCloseTo(base.projected.median, 9);
    expect(past.contributions[0]).toMatchObject({ expected: 100, realised: 100, remaining: 0 });
    const recorded = projectYear(flat(10, { contributions: [event([200], 100, 80)] }));
    expect(recorded.projected.median).toBeCloseTo(base.projected.median, 9);
    expect(recorded.contributions[0]).toMatchObject({ realised: 80, remaining: 0, actual: 80 });
  });
});

describe('projectYear with the forecasting engine (13 months or more of history)', () => {
  it('continues a clean seasonal pattern', () => {
    const dates = year2022();
    const pattern = [60, 50, 70, 90, 120, 100, 150, 160, 110, 140, 80, 70].map((v) => v * 31);
    const monthOf = (i: number) => Number(dates[i].slice(5, 7)) - 1;
    const daysIn = (m: number) => dates.filter((d) => Number(d.slice(5, 7)) - 1 === m).length;
    const pathDaily = dates.map((_, i) => (pattern[monthOf(i)] * 1.3) / daysIn(monthOf(i)));
    const counted = 31 + 28; // January and February
    const p = projectYear({
      dates,
      targetTotal: pathDaily.reduce((a, b) => a + b, 0),
      growthRate: 0.3,
      pathDaily,
      actualDaily: dates.map((_, i) => (i < counted ? pattern[monthOf(i)] / daysIn(monthOf(i)) : null)),
      asOfIndex: counted - 1,
      history: [...pattern, ...pattern],
      contributions: [],
    });
    expect(p.method).toBe('forecast');
    const total = pattern.reduce((a, b) => a + b, 0);
    expect(Math.abs(p.projected.median - total) / total).toBeLessThan(0.01);
    expect(p.projected.lo95).toBeLessThanOrEqual(p.projected.lo80);
    expect(p.projected.lo80).toBeLessThanOrEqual(p.projected.median + 1e-6);
    expect(p.projected.hi80).toBeGreaterThanOrEqual(p.projected.median - 1e-6);
    expect(p.status).toBe('off_track'); // the same as last year is far from +30 %
  });
});

describe('reachProbability', () => {
  it('reads a normal distribution off the median and the 80 % interval', () => {
    const projected = { median: 100, lo80: 90, hi80: 110, lo95: 85, hi95: 115 };
    expect(reachProbability(projected, 100)).toBeCloseTo(0.5, 6);
    expect(reachProbability(projected, 90)).toBeCloseTo(0.9, 4);
    expect(reachProbability(projected, 110)).toBeCloseTo(0.1, 4);
    expect(reachProbability({ ...projected, lo80: 100, hi80: 100 }, 100)).toBe(1);
    expect(reachProbability({ ...projected, lo80: 100, hi80: 100 }, 101)).toBe(0);
  });
});
