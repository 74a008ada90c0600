import { describe, expect, it } from '@jest/globals';
import {
  calendarYearsOf,
  parseWeekKey,
  shiftWeek,
  weekHasEnded,
  weekJustEnded,
  weekOfDate,
} from './report-week.js';

describe('report weeks', () => {
  it('reads a week key into its Monday and Sunday', () => {
    expect(parseWeekKey('2022-W14')).toEqual({
      key: '2022-W14',
      year: 2022,
      week: 14,
      start: '2022-04-04',
      end: '2022-04-10',
    });
    expect(parseWeekKey('2021-W52')).toMatchObject({ start: '2021-12-27', end: '2022-01-02' });
    expect(parseWeekKey('2020-W53')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
  });

  it('refuses malformed keys and weeks a year does not have', () => {
    for (const bad of ['2022-14', '2022-W1', '2022-W00', '2022-W53', 'W14-2022'])
      expect(parseWeekKey(bad)).toBeNull();
  });

  it('names the calendar years of a week: two across New Year, whichever year the key has', () => {
    expect(calendarYearsOf(parseWeekKey('2022-W14')!)).toEqual([2022]);
    expect(calendarYearsOf(parseWeekKey('2022-W52')!)).toEqual([2022, 2023]);
    expect(calendarYearsOf(parseWeekKey('2026-W01')!)).toEqual([2025, 2026]);
    expect(calendarYearsOf(parseWeekKey('2020-W53')!)).toEqual([2020, 2021]);
    expect(calendarYearsOf(parseWeekKey('2024-W01')!)).toEqual([2024]);
  });

  it('puts a date in its ISO week, across the new year', () => {
    expect(weekOfDate('2022-01-01').key).toBe('2021-W52');
    expect(weekOfDate('2022-01-03').key).toBe('2022-W01');
    expect(shiftWeek(parseWeekKey('2022-W01')!, -1).key).toBe('2021-W52');
  });

  it('finds the week just ended in Shanghai time, whatever the UTC date', () => {
    // Monday 2022-04-11 09:00 in Shanghai is 01:00 UTC the same day.
    expect(weekJustEnded(new Date('2022-04-11T01:00:00Z'), 'Asia/Shanghai').key).toBe('2022-W14');
    // Sunday 2022-04-10 23:30 UTC is already Monday 07:30 in Shanghai.
    expect(weekJustEnded(new Date('2022-04-10T23:30:00Z'), 'Asia/Shanghai').key).toBe('2022-W14');
    expect(weekJustEnded(new Date('2022-04-10T15:30:00Z'), 'Asia/Shanghai').key).toBe('2022-W13');
  });

  it('knows whether a week is over', () => {
    const w14 = parseWeekKey('2022-W14')!;
    expect(weekHasEnded(w14, new Date('2022-04-10T15:59:59Z'), 'Asia/Shanghai')).toBe(false);
    expect(weekHasEnded(w14, new Date('2022-04-10T16:00:00Z'), 'Asia/Shanghai')).toBe(true);
  });
});
