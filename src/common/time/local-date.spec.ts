import { describe, expect, it } from '@jest/globals';
import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { FixedClock } from './clock.js';
import {
  addDays,
  dateOfYearDay,
  dayOfYear,
  daysInYear,
  diffDays,
  eachDay,
  isDateTimeText,
  isLocalDate,
  isoWeek,
  isoWeekday,
  isoWeekKey,
  isoWeekRange,
  localDateOf,
  monthKey,
  monthRange,
  parseDateTimeText,
  startOfLocalDay,
  yearDays,
} from './local-date.js';

describe('local dates', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isLocalDate('2022-02-28')).toBe(true);
    expect(isLocalDate('2020-02-29')).toBe(true);
    expect(isLocalDate('2021-02-29')).toBe(false);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('1900-02-29')).toBe(false);
    expect(isLocalDate('2022-13-01')).toBe(false);
    expect(isLocalDate('2022-04-31')).toBe(false);
    expect(isLocalDate('2022-4-1')).toBe(false);
    expect(isLocalDate('2022-04-01T00:00')).toBe(false);
    expect(isLocalDate(20220401)).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2022-01-31', 1)).toBe('2022-02-01');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
    expect(diffDays('2021-02-12', '2022-02-01')).toBe(354);
    expect(eachDay('2022-02-27', '2022-03-02')).toEqual([
      '2022-02-27',
      '2022-02-28',
      '2022-03-01',
      '2022-03-02',
    ]);
    expect(eachDay('2022-03-02', '2022-03-01')).toEqual([]);
  });

  it('numbers weekdays Monday first and days of the year from 1', () => {
    expect(isoWeekday('2022-02-01')).toBe(2); // Tuesday, Spring Festival 2022
    expect(isoWeekday('2021-02-12')).toBe(5); // Friday, Spring Festival 2021
    expect(isoWeekday('2022-01-02')).toBe(7);
    expect(dayOfYear('2022-01-01')).toBe(1);
    expect(dayOfYear('2020-12-31')).toBe(366);
    expect(dateOfYearDay(2021, 366)).toBe('2021-12-31');
    expect(daysInYear(2024)).toBe(366);
    expect(yearDays(2022)).toHaveLength(365);
  });

  it('agrees with date-fns on ISO weeks for every day of 2019-2027', () => {
    for (const date of eachDay('2019-01-01', '2027-12-31')) {
      const { year, month, day } = { year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8) };
      const reference = new TZDate(year, month - 1, day, 'UTC');
      expect([date, isoWeek(date)]).toEqual([
        date,
        { year: getISOWeekYear(reference), week: getISOWeek(reference) },
      ]);
    }
  });

  it('keys and bounds ISO weeks and months', () => {
    expect(isoWeekKey('2022-01-01')).toBe('2021-W52');
    expect(isoWeekKey('2022-01-03')).toBe('2022-W01');
    expect(isoWeekKey('2020-12-31')).toBe('2020-W53');
    expect(isoWeekRange('2022-W05')).toEqual({ from: '2022-01-31', to: '2022-02-06' });
    expect(isoWeekRange('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
    expect(() => isoWeekRange('2021-W53')).toThrow(RangeError);
    expect(monthKey('2022-02-14')).toBe('2022-02');
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('converts instants to Asia/Shanghai dates and back, whatever the process zone', () => {
    expect(localDateOf(new Date('2022-01-31T15:59:59Z'))).toBe('2022-01-31');
    expect(localDateOf(new Date('2022-01-31T16:00:00Z'))).toBe('2022-02-01');
    expect(localDateOf(new Date('2022-01-31T16:00:00Z'), 'UTC')).toBe('2022-01-31');
    expect(startOfLocalDay('2022-02-01').toISOString()).toBe('2022-01-31T16:00:00.000Z');
  });

  it('reads date-times with an offset, or as local time in the city', () => {
    expect(isDateTimeText('2022-09-23T10:00')).toBe(true);
    expect(isDateTimeText('2022-09-23T10:00:00+08:00')).toBe(true);
    expect(isDateTimeText('2022-09-23T02:00:00.5Z')).toBe(true);
    expect(isDateTimeText('2022-09-23T24:00')).toBe(false);
    expect(isDateTimeText('2022-02-30T10:00')).toBe(false);
    expect(isDateTimeText('2022-09-23')).toBe(false);
    expect(parseDateTimeText('2022-09-23T10:00').toISOString()).toBe('2022-09-23T02:00:00.000Z');
    expect(parseDateTimeText('2022-09-23T10:00:00Z').toISOString()).toBe('2022-09-23T10:00:00.000Z');
    expect(parseDateTimeText('2022-09-23T10:00+0530').toISOString()).toBe('2022-09-23T04:30:00.000Z');
    expect(parseDateTimeText('2022-09-23T10:00-12:00').toISOString()).toBe('2022-09-23T22:00:00.000Z');
    expect(parseDateTimeText('2022-09-23T10:00+14:00').toISOString()).toBe('2022-09-22T20:00:00.000Z');
  });

  it('refuses impossible offsets, one parser for validation and reading', () => {
    for (const bad of ['+99:00', '+24:00', '+12:60', '-12:01', '+14:01', '+0860', '+8:00', 'z']) {
      const text = `2022-11-01T09:00${bad}`;
      expect(isDateTimeText(text)).toBe(false);
      expect(() => parseDateTimeText(text)).toThrow(RangeError);
    }
  });
});

describe('FixedClock', () => {
  it('stands still until moved, and knows the local date', () => {
    const clock = new FixedClock(new Date('2022-04-10T15:30:00Z'));
    expect(clock.now().toISOString()).toBe('2022-04-10T15:30:00.000Z');
    expect(clock.today()).toBe('2022-04-10');
    clock.advance(30 * 60_000);
    expect(clock.today()).toBe('2022-04-11');
    clock.set(new Date('2022-01-01T00:00:00Z'));
    expect(clock.today()).toBe('2022-01-01');
  });
});
