import { describe, expect, it } from '@jest/globals';
import { eachDay } from '../../common/time/local-date.js';
import { parseWeekKey } from '../report-week.js';
import type { ReportProjectionView } from '../../projections/read/projection-snapshot-reader.js';
import { targetFigures, type TargetFiguresInput } from './target-figures.js';

const days2022 = eachDay('2022-01-01', '2022-12-31');
/** 365,000 over 2022, 1,000 a day: the path at day n is 1,000 n. */
const uniformPath = days2022.map((date, i) => ({ date, expected: 1000, cumulative: 1000 * (i + 1) }));
/** 1,100 a day from 1 January to 8 April (98 days). */
const actuals = new Map(eachDay('2022-01-01', '2022-04-08').map((d) => [d, 1100]));

const input = (overrides: Partial<TargetFiguresInput> = {}): TargetFiguresInput => ({
  target: {
    id: 't1',
    metric: 'visitors',
    year: 2022,
    baselineYear: 2021,
    growthRate: 0.3,
    scopeKey: 'city',
    venueId: null,
    scopeName: { zh: '全市', en: 'City-wide' },
  },
  total: 365_000,
  path: uniformPath,
  actuals,
  week: parseWeekKey('2022-W14')!,
  today: '2022-04-11',
  projection: null,
  ...overrides,
});

describe('targetFigures (hand-checked)', () => {
  it('puts the week and the year to date against the target path', () => {
    const t = targetFigures(input());
    // Week 14 is 4-10 April: 7 days of the path at 1,000; actuals on 4-8 April only.
    expect(t.week).toEqual({ actual: 5 * 1100, path: 7000, daysWithActuals: 5, days: 7 });
    // 10 April is day 100: the path asks 100,000; 98 days of 1,100 are in.
    expect(t.yearToDate).toEqual({
      through: '2022-04-10',
      actual: 107_800,
      path: 100_000,
      daysWithActuals: 98,
      days: 100,
    });
    expect(t.missingDays).toEqual(['2022-04-09', '2022-04-10']);
  });

  it('works out the weekly run-rate still needed', () => {
    const t = targetFigures(input());
    // 265 days remain after 10 April: (365,000 - 107,800) / 265 × 7.
    expect(t.weeksLeft).toBe(38);
    expect(t.weeklyRunRateNeeded).toBeCloseTo((257_200 / 265) * 7, 6);
  });

  it('does not call future days missing', () => {
    const t = targetFigures(input({ today: '2022-04-09' }));
    expect(t.missingDays).toEqual(['2022-04-09']);
  });

  it('says "no projection" rather than inventing one, and charts actual and path only', () => {
    const t = targetFigures(input());
    expect(t.projection).toBeNull();
    const at = t.chart.find((p) => p.date === '2022-04-10')!;
    expect(at).toMatchObject({ path: 100_000, actual: 107_800, median: null });
    expect(t.chart.at(-1)).toMatchObject({ date: '2022-12-31', path: 365_000, actual: null });
    expect(t.chart.every((p) => p.median === null)).toBe(true);
  });

  it('joins the projection to the actual line at the end of the week', () => {
    const projection: ReportProjectionView = {
      targetId: 't1',
      asOf: '2022-04-10',
      stale: false,
      median: 380_000,
      interval80: [360_000, 400_000],
      interval95: [350_000, 410_000],
      probability: 0.8,
      status: 'on_track',
      expectedWeeklyRunRate: 7_500,
      path: [
        { date: '2022-12-31', median: 380_000, lo80: 360_000, hi80: 400_000, lo95: 350_000, hi95: 410_000 },
      ],
    };
    const t = targetFigures(input({ projection }));
    expect(t.projection).toMatchObject({ median: 380_000, status: 'on_track', probability: 0.8 });
    expect(t.chart.find((p) => p.date === '2022-04-10')).toMatchObject({ median: 107_800, lo95: 107_800 });
    expect(t.chart.at(-1)).toMatchObject({ median: 380_000, hi95: 410_000 });
  });

  it('counts only the days of a week that fall in the target year', () => {
    const t = targetFigures(input({ week: parseWeekKey('2021-W52')!, today: '2022-01-05' }));
    // 2021-W52 is 27 December 2021 to 2 January 2022: two days of 2022.
    expect(t.week).toEqual({ actual: 2200, path: 2000, daysWithActuals: 2, days: 2 });
    expect(t.yearToDate.through).toBe('2022-01-02');
  });
});
