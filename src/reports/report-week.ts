import {
  addDays,
  isoWeek,
  isoWeekKey,
  isoWeekMonday,
  isoWeekRange,
  localDateOf,
} from '../common/time/local-date.js';

/** An ISO week (Monday to Sunday, local dates) and its key `2022-W14`. */
export interface ReportWeek {
  key: string;
  year: number;
  week: number;
  /** Monday, `YYYY-MM-DD`. */
  start: string;
  /** Sunday, `YYYY-MM-DD`. */
  end: string;
}

export const WEEK_KEY_PATTERN = /^(\d{4})-W(\d{2})$/;

/** The ISO week a local date falls in. */
export function weekOfDate(localDate: string): ReportWeek {
  const { year, week } = isoWeek(localDate);
  const start = isoWeekMonday(localDate);
  return { key: isoWeekKey(localDate), year, week, start, end: addDays(start, 6) };
}

/**
 * The calendar years a week's days fall in, oldest first: one, or two for a week across New Year
 * (2022-W52, 26 December to 1 January, is in 2022 and 2023; 2026-W01 starts on 29 December 2025).
 */
export function calendarYearsOf(week: Pick<ReportWeek, 'start' | 'end'>): number[] {
  const first = Number(week.start.slice(0, 4));
  const last = Number(week.end.slice(0, 4));
  return first === last ? [first] : [first, last];
}

/** Reads `2022-W14`; null when malformed or when that year has no such week (W53). */
export function parseWeekKey(key: string): ReportWeek | null {
  if (!WEEK_KEY_PATTERN.test(key)) return null;
  try {
    return weekOfDate(isoWeekRange(key).from);
  } catch {
    return null; // no such week in that year
  }
}

/** The week `n` weeks after (or before) the given one. */
export const shiftWeek = (week: ReportWeek, n: number): ReportWeek => weekOfDate(addDays(week.start, n * 7));

/**
 * The last complete ISO week at an instant, in the zone: for Monday 2022-04-11 09:00 Asia/Shanghai
 * it is 2022-W14 (4 to 10 April).
 */
export function weekJustEnded(at: Date, zone: string): ReportWeek {
  return shiftWeek(weekOfDate(localDateOf(at, zone)), -1);
}

/** True once the week's Sunday is over in the zone. */
export const weekHasEnded = (week: ReportWeek, at: Date, zone: string): boolean =>
  localDateOf(at, zone) > week.end;
