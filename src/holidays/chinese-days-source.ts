import { createRequire } from 'node:module';
import { yearOf, type LocalDate } from '../common/time/local-date.js';
import { HOLIDAY_NAMES, type HolidayDay, type HolidayKey } from './holiday-year.js';

/**
 * The State Council holiday arrangements as published by the `chinese-days` package
 * (https://github.com/vsme/chinese-days, updated as each year's arrangement is announced).
 *
 * We read the package's JSON data rather than its functions: its functions parse dates in the
 * process time zone and answer for the wrong day west of UTC.
 */
interface ChineseDaysData {
  holidays: Record<LocalDate, string>;
  workdays: Record<LocalDate, string>;
}

const PACKAGE_NAMES: Record<string, HolidayKey> = {
  "New Year's Day": 'new_year',
  'Spring Festival': 'spring_festival',
  'Tomb-sweeping Day': 'qingming',
  'Labour Day': 'may_day',
  'Dragon Boat Festival': 'dragon_boat',
  'Mid-autumn Festival': 'mid_autumn',
  'National Day': 'national_day',
};

let byYear: Map<number, HolidayDay[]> | null = null;

function load(): Map<number, HolidayDay[]> {
  if (byYear) return byYear;
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const years = new Map<number, HolidayDay[]>();
  const add = (entries: Record<LocalDate, string>, kind: HolidayDay['kind']) => {
    for (const [date, label] of Object.entries(entries)) {
      const [english, chinese] = label.split(',');
      const holiday = PACKAGE_NAMES[english] ?? 'other';
      const name = holiday === 'other' ? `${english} (${chinese})` : HOLIDAY_NAMES[holiday];
      const list = years.get(yearOf(date)) ?? [];
      list.push({ date, kind, holiday, name, origin: 'package' });
      years.set(yearOf(date), list);
    }
  };
  add(data.holidays, 'holiday');
  add(data.workdays, 'workday');
  byYear = years;
  return years;
}

/** The package's days of a year (empty for a year it does not know). */
export function packageHolidayDays(year: number): HolidayDay[] {
  return [...(load().get(year) ?? [])];
}
