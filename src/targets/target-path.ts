import type { LocalDate } from '../common/time/local-date.js';

/**
 * The cumulative amount a yearly total implies by each day, from the daily shares of the year.
 * Pure. Whole numbers: the cumulative amount is rounded, and each day's amount is the step
 * between two rounded cumulative amounts, so the days always add up to the total exactly.
 */
export interface PathDay {
  date: LocalDate;
  /** Share of the yearly total falling on this day (sums to 1 over the year). */
  share: number;
  /** What the day should bring. */
  expected: number;
  /** What the year should have brought by the end of the day. */
  cumulative: number;
}

export function cumulativePath(
  dates: readonly LocalDate[],
  shares: readonly number[],
  total: number,
): PathDay[] {
  if (dates.length !== shares.length) throw new RangeError('one share per date');
  const sum = shares.reduce((a, b) => a + b, 0);
  const days: PathDay[] = [];
  let running = 0;
  let previous = 0;
  for (let i = 0; i < dates.length; i++) {
    running += shares[i];
    const cumulative = i === dates.length - 1 ? total : Math.round((total * running) / sum);
    days.push({ date: dates[i], share: shares[i] / sum, expected: cumulative - previous, cumulative });
    previous = cumulative;
  }
  return days;
}

/** Equal shares: the path when the baseline year has no daily profile. */
export const uniformShares = (days: number): number[] => Array.from({ length: days }, () => 1 / days);
