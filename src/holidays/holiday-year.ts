import { yearOf, type LocalDate } from '../common/time/local-date.js';

/**
 * The public holidays of one calendar year as the planner uses them: every day off (`holiday`)
 * and every swapped working day (`workday`, 调休上班: a weekend day on which people work), each
 * tied to a named holiday, grouped into periods. Pure: no Nest, no database.
 */
export const HOLIDAY_KEYS = [
  'new_year',
  'spring_festival',
  'qingming',
  'may_day',
  'dragon_boat',
  'mid_autumn',
  'national_day',
  'other',
] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

export const HOLIDAY_NAMES: Record<HolidayKey, string> = {
  new_year: "New Year's Day (元旦)",
  spring_festival: 'Spring Festival (春节)',
  qingming: 'Qingming Festival (清明节)',
  may_day: 'Labour Day (劳动节)',
  dragon_boat: 'Dragon Boat Festival (端午节)',
  mid_autumn: 'Mid-Autumn Festival (中秋节)',
  national_day: 'National Day (国庆节)',
  other: 'Other holiday',
};

export const HOLIDAY_DAY_KINDS = ['holiday', 'workday'] as const;
/** `holiday`: a day off; `workday`: a swapped working day that pays for the holiday's bridge days. */
export type HolidayDayKind = (typeof HOLIDAY_DAY_KINDS)[number];

export type HolidayOrigin = 'package' | 'override';

export interface HolidayDay {
  date: LocalDate;
  kind: HolidayDayKind;
  holiday: HolidayKey;
  name: string;
  origin: HolidayOrigin;
}

/**
 * One occurrence of a holiday within the year. `instance` tells occurrences of the same holiday
 * apart: New Year's Day days in late December belong to the next year's New Year
 * (`new_year@next`), e.g. 2022-12-31 is part of the 2023 New Year holiday.
 */
export interface HolidayPeriod {
  instance: string;
  holiday: HolidayKey;
  name: string;
  /** First and last day off (null when the year only holds swapped working days of it). */
  start: LocalDate | null;
  end: LocalDate | null;
  days: LocalDate[];
  workdays: LocalDate[];
}

export interface HolidayYear {
  year: number;
  /**
   * Where the year's calendar comes from: the maintained package, admin overrides, both, or
   * nowhere (a year the package does not know and no admin has filled in).
   */
  source: 'package' | 'overrides' | 'package+overrides' | 'none';
  days: HolidayDay[];
  periods: HolidayPeriod[];
}

/** Overrides win day by day over the package's days. */
export function mergeHolidayDays(packageDays: HolidayDay[], overrides: HolidayDay[]): HolidayDay[] {
  const byDate = new Map<LocalDate, HolidayDay>();
  for (const day of packageDays) byDate.set(day.date, day);
  for (const day of overrides) byDate.set(day.date, day);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function holidayInstance(day: Pick<HolidayDay, 'date' | 'holiday'>): string {
  return day.holiday === 'new_year' && day.date.slice(5, 7) === '12' ? 'new_year@next' : day.holiday;
}

/** Groups a year's days (any order) into periods, ordered by their first day. */
export function buildHolidayYear(
  year: number,
  packageDays: HolidayDay[],
  overrides: HolidayDay[],
): HolidayYear {
  const days = mergeHolidayDays(
    packageDays.filter((d) => yearOf(d.date) === year),
    overrides.filter((d) => yearOf(d.date) === year),
  );
  const periods = new Map<string, HolidayPeriod>();
  for (const day of days) {
    const instance = holidayInstance(day);
    let period = periods.get(instance);
    if (!period) {
      period = {
        instance,
        holiday: day.holiday,
        name: day.name,
        start: null,
        end: null,
        days: [],
        workdays: [],
      };
      periods.set(instance, period);
    }
    if (day.kind === 'holiday') {
      period.days.push(day.date);
      period.start ??= day.date;
      period.end = day.date;
    } else {
      period.workdays.push(day.date);
    }
  }
  const hasPackage = packageDays.some((d) => yearOf(d.date) === year);
  const hasOverrides = overrides.some((d) => yearOf(d.date) === year);
  return {
    year,
    source: hasPackage
      ? hasOverrides
        ? 'package+overrides'
        : 'package'
      : hasOverrides
        ? 'overrides'
        : 'none',
    days,
    periods: [...periods.values()].sort((a, b) => {
      const first = (p: HolidayPeriod) => p.start ?? p.workdays[0] ?? '';
      return first(a) < first(b) ? -1 : 1;
    }),
  };
}
