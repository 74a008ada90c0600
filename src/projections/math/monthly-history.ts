import { daysInMonth, localDate, type LocalDate } from '../../common/time/local-date.js';

/** A month counts when at least this share of its days has a figure (the rest filled at its mean). */
export const MIN_MONTH_COVERAGE = 0.8;

export interface MonthlyHistory {
  /** Monthly totals, oldest first, ending with December of the year before `year`. */
  history: number[];
  /** The years used, oldest first. */
  years: number[];
}

/**
 * The monthly totals of the years before `year` that the forecast learns from: going back from
 * the previous year, every year whose twelve months each have figures for at least 80 % of their
 * days (a missing day counts at the mean of its month's other days), up to `maxYears`; the first
 * year that falls short ends the history, which stays contiguous. Pure.
 */
export function monthlyHistory(
  values: ReadonlyMap<LocalDate, number>,
  year: number,
  maxYears: number,
): MonthlyHistory {
  const years: number[] = [];
  const totals: number[][] = [];
  for (let y = year - 1; y >= year - maxYears; y--) {
    const months = yearMonths(values, y);
    if (!months) break;
    years.unshift(y);
    totals.unshift(months);
  }
  return { history: totals.flat(), years };
}

function yearMonths(values: ReadonlyMap<LocalDate, number>, year: number): number[] | null {
  const months: number[] = [];
  for (let m = 1; m <= 12; m++) {
    const days = daysInMonth(year, m);
    let sum = 0;
    let seen = 0;
    for (let d = 1; d <= days; d++) {
      const value = values.get(localDate(year, m, d));
      if (value === undefined) continue;
      sum += value;
      seen++;
    }
    if (seen < days * MIN_MONTH_COVERAGE) return null;
    months.push((sum * days) / seen);
  }
  return months;
}
