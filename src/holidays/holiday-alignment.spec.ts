import { describe, expect, it } from '@jest/globals';
import {
  dayOfYear,
  eachDay,
  isoWeekday,
  isWeekend,
  yearDays,
  type LocalDate,
} from '../common/time/local-date.js';
import { packageHolidayDays } from './chinese-days-source.js';
import { alignBaselineProfile, shapeOf, type AlignedDay } from './holiday-alignment.js';
import { buildHolidayYear, type HolidayYear } from './holiday-year.js';

const calendar = (year: number): HolidayYear => buildHolidayYear(year, packageHolidayDays(year), []);

/**
 * A recognisable baseline: ordinary weekdays 100, weekends 200, each day off 1000 + its position
 * in its holiday, swapped working days 50.
 */
function syntheticBaseline(year: number, skip: LocalDate[] = []): Map<LocalDate, number> {
  const cal = calendar(year);
  const values = new Map<LocalDate, number>();
  for (const date of yearDays(year)) values.set(date, isWeekend(date) ? 200 : 100);
  for (const period of cal.periods) {
    period.days.forEach((date, i) => values.set(date, 1000 + i));
    for (const date of period.workdays) values.set(date, 50);
  }
  for (const date of skip) values.delete(date);
  return values;
}

const byDate = (days: AlignedDay[]) => new Map(days.map((d) => [d.date, d]));

describe('holiday alignment of a baseline year onto a target year', () => {
  const aligned = alignBaselineProfile({
    baseline: { calendar: calendar(2021), values: syntheticBaseline(2021) },
    target: { calendar: calendar(2022) },
  });
  const day = byDate(aligned);

  it('moves the Spring Festival: 2021 on 12 February becomes 2022 on 1 February', () => {
    expect(day.get('2022-02-01')).toEqual({
      date: '2022-02-01',
      baselineDate: '2021-02-12',
      rule: 'holiday',
      value: 1001,
    });
    // The whole holiday, eve to last day: 2021-02-11..17 onto 2022-01-31..02-06.
    const holiday = eachDay('2022-01-31', '2022-02-06').map((d) => day.get(d)!);
    expect(holiday.map((d) => d.baselineDate)).toEqual(eachDay('2021-02-11', '2021-02-17'));
    expect(holiday.every((d) => d.rule === 'holiday')).toBe(true);
  });

  it('leaves no Spring Festival peak at the old dates', () => {
    // 2022-02-12 has the day of the year of 2021-02-12 but is an ordinary Saturday in 2022.
    expect(day.get('2022-02-19')).toMatchObject({ rule: 'ordinary', value: 200 });
    const februaryPeaks = aligned.filter((d) => d.date.startsWith('2022-02') && d.value >= 1000);
    expect(februaryPeaks.map((d) => d.date)).toEqual(eachDay('2022-02-01', '2022-02-06'));
    const januaryPeaks = aligned.filter((d) => d.date.startsWith('2022-01') && d.value >= 1000);
    expect(januaryPeaks.map((d) => d.date)).toEqual(['2022-01-01', '2022-01-02', '2022-01-03', '2022-01-31']);
  });

  it('is fair in February: the share of the year by the end of the holiday holds all of it', () => {
    const shape = shapeOf(aligned);
    const shareBy = (date: LocalDate) =>
      aligned.reduce((sum, d, i) => (d.date <= date ? sum + shape[i] : sum), 0);
    const holidayShare = eachDay('2022-01-31', '2022-02-06').reduce(
      (sum, date) => sum + shape[dayOfYear(date) - 1],
      0,
    );
    // By 6 February 2022 the path expects the whole holiday; a path laid on 2021's calendar
    // would expect it only from 11 February.
    const baseline = syntheticBaseline(2021);
    const naive = yearDays(2022).map((d) => baseline.get(`2021${d.slice(4)}`) ?? 0);
    const naiveShape = shapeOf(naive.map((value) => ({ value })));
    const naiveBy = naiveShape.slice(0, dayOfYear('2022-02-06')).reduce((a, b) => a + b, 0);
    expect(shareBy('2022-02-06') - shareBy('2022-01-30')).toBeCloseTo(holidayShare, 12);
    expect(shareBy('2022-02-06')).toBeGreaterThan(naiveBy + holidayShare * 0.75);
    expect(shape.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('moves the swapped working days with their holiday, and works the others as ordinary working days', () => {
    // 2022-01-30 (Sunday) is the working day just before the 2022 Spring Festival; 2021's is 02-07.
    expect(day.get('2022-01-30')).toMatchObject({ baselineDate: '2021-02-07', rule: 'workday', value: 50 });
    // 2022-01-29 (Saturday) has no counterpart in 2021: an ordinary Friday.
    const saturday = day.get('2022-01-29')!;
    expect(saturday.rule).toBe('ordinary');
    expect(isoWeekday(saturday.baselineDate!)).toBe(5);
    expect(saturday.value).toBe(100);
  });

  it('keeps the travel-rush shoulders at their distance to the Spring Festival', () => {
    expect(day.get('2022-01-24')).toMatchObject({ baselineDate: '2021-02-04', rule: 'shoulder' });
    expect(day.get('2022-02-07')).toMatchObject({ baselineDate: '2021-02-18', rule: 'shoulder' });
  });

  it('moves the other holidays too', () => {
    expect(day.get('2022-09-10')).toMatchObject({ baselineDate: '2021-09-19', rule: 'holiday' }); // Mid-Autumn
    expect(day.get('2022-06-03')).toMatchObject({ baselineDate: '2021-06-12', rule: 'holiday' }); // Dragon Boat
    expect(day.get('2022-04-30')).toMatchObject({ baselineDate: '2021-05-01', rule: 'holiday' }); // May Day
    expect(day.get('2022-10-07')).toMatchObject({ baselineDate: '2021-10-07', rule: 'holiday' }); // National Day
    // 2022-12-31 opens the 2023 New Year holiday; 2021 has no such day: borrow its own New Year.
    expect(day.get('2022-12-31')).toMatchObject({ baselineDate: '2021-01-01', rule: 'holiday_fallback' });
  });

  it('maps ordinary days to the same weekday near the same day of the year', () => {
    const swapped = new Set(calendar(2022).periods.flatMap((p) => p.workdays));
    const ordinary = aligned.filter((d) => d.rule === 'ordinary' && !swapped.has(d.date));
    expect(ordinary.length).toBeGreaterThan(250);
    for (const d of ordinary) {
      expect([d.date, isoWeekday(d.baselineDate!)]).toEqual([d.date, isoWeekday(d.date)]);
      expect(Math.abs(dayOfYear(d.baselineDate!) - dayOfYear(d.date))).toBeLessThanOrEqual(7 * 8 + 3);
    }
    const near = ordinary.filter((d) => Math.abs(dayOfYear(d.baselineDate!) - dayOfYear(d.date)) <= 3);
    expect(near.length / ordinary.length).toBeGreaterThan(0.9);
  });

  it('borrows a similar holiday when the baseline year lacks one (2020 folded Mid-Autumn into National Day)', () => {
    const from2020 = byDate(
      alignBaselineProfile({
        baseline: { calendar: calendar(2020), values: syntheticBaseline(2020) },
        target: { calendar: calendar(2021) },
      }),
    );
    expect(from2020.get('2021-09-19')).toMatchObject({
      baselineDate: '2020-06-25',
      rule: 'holiday_fallback',
    });
    // National Day 2020 lasted 8 days, 2021 7: mapped proportionally, first to first.
    expect(from2020.get('2021-10-01')).toMatchObject({ baselineDate: '2020-10-01', rule: 'holiday' });
    expect(from2020.get('2021-10-07')?.rule).toBe('holiday');
  });

  it('fills a day from the same weekday when the baseline lacks figures around it', () => {
    const gaps = eachDay('2021-01-20', '2021-06-10');
    const sparse = byDate(
      alignBaselineProfile({
        baseline: { calendar: calendar(2021), values: syntheticBaseline(2021, gaps) },
        target: { calendar: calendar(2022) },
      }),
    );
    const mid = sparse.get('2022-03-30')!; // a Wednesday far from any figure
    expect(mid).toMatchObject({ rule: 'mean', baselineDate: null, value: 100 });
    // A holiday whose baseline day is missing falls back to an ordinary day.
    expect(sparse.get('2022-04-04')?.rule).not.toBe('holiday');
  });

  it('reads the calendar the same in any process time zone', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(calendar(2021).periods.find((p) => p.holiday === 'spring_festival')).toMatchObject({
          start: '2021-02-11',
          end: '2021-02-17',
          workdays: ['2021-02-07', '2021-02-20'],
        });
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
