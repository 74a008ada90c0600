import {
  addDays,
  dateOfYearDay,
  dayOfYear,
  fromDayNumber,
  isoWeekday,
  toDayNumber,
  yearDays,
  yearOf,
  type LocalDate,
} from '../common/time/local-date.js';
import type { HolidayKey, HolidayPeriod, HolidayYear } from './holiday-year.js';

/**
 * Holiday alignment: the daily shape of a target year built from a baseline year's daily
 * figures, with every moving holiday moved to the target year's dates. Pure TypeScript.
 *
 * Each day of the target year borrows the figure of one baseline day, chosen by these rules in
 * order:
 * 1. `holiday` — a day off of a holiday takes the same position in the baseline's occurrence of
 *    that holiday (2022-02-01, day 2 of the 2022 Spring Festival, takes 2021-02-12, day 2 of the
 *    2021 one). Occurrences of different lengths are mapped proportionally. When the baseline
 *    has no occurrence (2020 folded Mid-Autumn into National Day), `holiday_fallback` borrows a
 *    similar holiday of the baseline ({@link FALLBACKS}).
 * 2. `workday` — a swapped working day takes the baseline's swapped working day of the same
 *    holiday on the same side, counted outward from the holiday; without one, an ordinary
 *    working day (Saturday as Friday, Sunday as Monday) by rule 4.
 * 3. `shoulder` — the days around the Spring Festival (the travel rush before, the return after,
 *    {@link SHOULDER_DAYS} each side) keep their distance to the holiday.
 * 4. `ordinary` — every other day takes the baseline day with the same weekday nearest to the
 *    same day of the year (at most 3 days away, i.e. the same ISO week and weekday in all but
 *    edge weeks), skipping baseline days that rules 1-3 reserve (holidays, swapped days,
 *    shoulders) and days without a figure, by whole weeks outward. We match the weekday rather
 *    than the bare day of the year because weekends roughly double daily visits at scenic areas,
 *    while three days of drift in the season are negligible; and we anchor on the day of the
 *    year rather than on the ISO week number, which is undefined for week 53 and for the days
 *    of early January and late December that ISO assigns to the neighbouring year.
 * 5. `mean` — when no such day has a figure, the mean of the baseline's ordinary days with
 *    that weekday (or of all its figures).
 *
 * A baseline day may be borrowed by several target days, and some baseline days (its own
 * holidays) by none; the shape is normalised afterwards, so only relative sizes matter.
 */
export type AlignmentRule = 'holiday' | 'holiday_fallback' | 'workday' | 'shoulder' | 'ordinary' | 'mean';

export interface AlignedDay {
  date: LocalDate;
  /** The baseline day whose figure it borrows (null for `mean`). */
  baselineDate: LocalDate | null;
  rule: AlignmentRule;
  value: number;
}

export interface AlignmentInput {
  baseline: { calendar: HolidayYear; values: ReadonlyMap<LocalDate, number> };
  target: { calendar: HolidayYear };
}

/** Days of the Spring Festival travel rush kept at their distance before and after the holiday. */
export const SHOULDER_DAYS: Partial<Record<HolidayKey, number>> = { spring_festival: 7 };

/** Similar holidays to borrow from when the baseline year lacks one. */
export const FALLBACKS: Record<HolidayKey, HolidayKey[]> = {
  new_year: ['qingming', 'dragon_boat', 'mid_autumn'],
  spring_festival: [],
  qingming: ['dragon_boat', 'mid_autumn', 'new_year'],
  may_day: ['national_day'],
  dragon_boat: ['qingming', 'mid_autumn', 'new_year'],
  mid_autumn: ['dragon_boat', 'qingming', 'new_year'],
  national_day: ['may_day'],
  other: ['qingming', 'dragon_boat', 'mid_autumn', 'new_year'],
};

/** Up to this many weeks away from the anchor for an ordinary day. */
const MAX_WEEKS = 8;

type Role =
  | { type: 'holiday'; period: HolidayPeriod; index: number }
  | { type: 'workday'; period: HolidayPeriod; side: 'before' | 'after'; ordinal: number }
  | { type: 'shoulder'; period: HolidayPeriod; offset: number };

/** What each special day of a year is: a day off, a swapped working day or a shoulder. */
function roles(calendar: HolidayYear): Map<LocalDate, Role> {
  const map = new Map<LocalDate, Role>();
  for (const period of calendar.periods) {
    period.days.forEach((date, index) => map.set(date, { type: 'holiday', period, index }));
    const before = period.start ? period.workdays.filter((d) => d < period.start!).reverse() : [];
    const after = period.start ? period.workdays.filter((d) => d > period.start!) : period.workdays;
    before.forEach((date, i) => map.set(date, { type: 'workday', period, side: 'before', ordinal: i }));
    after.forEach((date, i) => map.set(date, { type: 'workday', period, side: 'after', ordinal: i }));
  }
  for (const period of calendar.periods) {
    const width = SHOULDER_DAYS[period.holiday] ?? 0;
    if (!width || !period.start || !period.end) continue;
    for (let k = 1; k <= width; k++) {
      for (const [date, offset] of [
        [addDays(period.start, -k), -k],
        [addDays(period.end, k), k],
      ] as const) {
        if (yearOf(date) === calendar.year && !map.has(date))
          map.set(date, { type: 'shoulder', period, offset });
      }
    }
  }
  return map;
}

function counterpart(calendar: HolidayYear, period: HolidayPeriod): HolidayPeriod | undefined {
  return calendar.periods.find((p) => p.instance === period.instance && p.days.length);
}

export function alignBaselineProfile(input: AlignmentInput): AlignedDay[] {
  const { calendar: base, values } = input.baseline;
  const { calendar: target } = input.target;
  const baseRoles = roles(base);
  const targetRoles = roles(target);
  const has = (date: LocalDate) => values.has(date);

  const ordinaryMeans = new Map<number, number>();
  {
    const sums = new Map<number, { sum: number; n: number }>();
    for (const [date, value] of values) {
      if (yearOf(date) !== base.year || baseRoles.has(date)) continue;
      const s = sums.get(isoWeekday(date)) ?? { sum: 0, n: 0 };
      s.sum += value;
      s.n += 1;
      sums.set(isoWeekday(date), s);
    }
    for (const [weekday, s] of sums) ordinaryMeans.set(weekday, s.sum / s.n);
  }
  const allValues = [...values.values()];
  const overallMean = allValues.length ? allValues.reduce((a, b) => a + b, 0) / allValues.length : 0;

  // Week offsets of the candidates, nearest to the anchor first, per weekday shift (-3..3).
  const weekOrders = new Map<number, number[]>();
  const weeksNearestFirst = (shift: number): number[] => {
    let order = weekOrders.get(shift);
    if (!order) {
      order = [0];
      for (let w = 1; w <= MAX_WEEKS; w++) order.push(-w, w);
      order.sort((a, b) => Math.abs(shift + 7 * a) - Math.abs(shift + 7 * b));
      weekOrders.set(shift, order);
    }
    return order;
  };

  const ordinary = (date: LocalDate, weekday: number): AlignedDay => {
    const anchor = dateOfYearDay(base.year, dayOfYear(date));
    let shift = weekday - isoWeekday(anchor);
    if (shift > 3) shift -= 7;
    if (shift < -3) shift += 7;
    const first = toDayNumber(anchor) + shift;
    for (const w of weeksNearestFirst(shift)) {
      const candidate = fromDayNumber(first + 7 * w);
      if (yearOf(candidate) === base.year && !baseRoles.has(candidate) && has(candidate))
        return { date, baselineDate: candidate, rule: 'ordinary', value: values.get(candidate)! };
    }
    return { date, baselineDate: null, rule: 'mean', value: ordinaryMeans.get(weekday) ?? overallMean };
  };

  const borrow = (date: LocalDate, from: LocalDate | undefined, rule: AlignmentRule): AlignedDay | null =>
    from !== undefined && yearOf(from) === base.year && has(from)
      ? { date, baselineDate: from, rule, value: values.get(from)! }
      : null;

  return yearDays(target.year).map((date) => {
    const role = targetRoles.get(date);
    const weekday = isoWeekday(date);
    if (!role) return ordinary(date, weekday);
    if (role.type === 'holiday') {
      let match = counterpart(base, role.period);
      let rule: AlignmentRule = 'holiday';
      if (!match) {
        rule = 'holiday_fallback';
        match =
          base.periods.find((p) => p.holiday === role.period.holiday && p.days.length) ??
          FALLBACKS[role.period.holiday]
            .map((key) => base.periods.find((p) => p.holiday === key && p.days.length))
            .find((p) => p !== undefined);
      }
      if (match) {
        const n = role.period.days.length;
        const m = match.days.length;
        const index = n === m ? role.index : Math.min(m - 1, Math.floor((role.index * m) / n));
        const aligned = borrow(date, match.days[index], rule);
        if (aligned) return aligned;
      }
      return ordinary(date, weekday);
    }
    if (role.type === 'workday') {
      const match = base.periods.find((p) => p.instance === role.period.instance);
      const sameSide = match ? sideOf(baseRoles, match, role.side) : [];
      const aligned = borrow(date, sameSide[role.ordinal], 'workday');
      if (aligned) return aligned;
      return ordinary(date, weekday === 6 ? 5 : weekday === 7 ? 1 : weekday);
    }
    const match = counterpart(base, role.period);
    if (match?.start && match.end) {
      const from = role.offset < 0 ? addDays(match.start, role.offset) : addDays(match.end, role.offset);
      if (baseRoles.get(from)?.type === 'shoulder') {
        const aligned = borrow(date, from, 'shoulder');
        if (aligned) return aligned;
      }
    }
    return ordinary(date, weekday);
  });
}

/** The baseline's swapped working days of a period on one side, counted outward. */
function sideOf(
  baseRoles: Map<LocalDate, Role>,
  period: HolidayPeriod,
  side: 'before' | 'after',
): LocalDate[] {
  const days: { date: LocalDate; ordinal: number }[] = [];
  for (const date of period.workdays) {
    const role = baseRoles.get(date);
    if (role?.type === 'workday' && role.side === side) days.push({ date, ordinal: role.ordinal });
  }
  return days.sort((a, b) => a.ordinal - b.ordinal).map((d) => d.date);
}

/** Normalises aligned values to shares of the year that sum to 1 (uniform when all are zero). */
export function shapeOf(days: readonly { value: number }[]): number[] {
  const total = days.reduce((sum, d) => sum + Math.max(0, d.value), 0);
  if (total <= 0) return days.map(() => 1 / days.length);
  return days.map((d) => Math.max(0, d.value) / total);
}
