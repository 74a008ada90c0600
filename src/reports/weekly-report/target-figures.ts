import {
  addDays,
  diffDays,
  eachDay,
  isoWeekday,
  maxDate,
  minDate,
  yearEnd,
  yearStart,
  type LocalDate,
} from '../../common/time/local-date.js';
import type { ReportWeek } from '../report-week.js';
import type { ReportProjectionView } from '../../projections/read/projection-snapshot-reader.js';
import type { ChartPoint, LocalizedName, Metric, TargetReport } from './weekly-report-data.js';

/** What one target's section is computed from. */
export interface TargetFiguresInput {
  target: {
    id: string;
    metric: Metric;
    year: number;
    baselineYear: number;
    growthRate: number;
    scopeKey: string;
    venueId: string | null;
    scopeName: LocalizedName;
  };
  total: number | null;
  /** Every day of the target year: what it should bring and the cumulative path. */
  path: ReadonlyArray<{ date: LocalDate; expected: number; cumulative: number }>;
  /** Recorded daily actuals of the target's metric and scope from 1 January (later days ignored). */
  actuals: ReadonlyMap<LocalDate, number>;
  week: ReportWeek;
  /** Today in the city: later days are not "missing", they have not happened. */
  today: LocalDate;
  projection: ReportProjectionView | null;
  /** Revenue targets: revenue per visitor so far, in the baseline year, and implied by the targets. */
  revenuePerVisitor?: TargetReport['revenuePerVisitor'];
}

/**
 * One target's figures for the week: the week and the year to date against the target path,
 * the run-rate still needed, the days without actuals and the cumulative series of the chart.
 * Pure, so the arithmetic is checked by hand in its spec.
 */
export function targetFigures(input: TargetFiguresInput): TargetReport {
  const { target, week, actuals, path } = input;
  const first = yearStart(target.year);
  const last = yearEnd(target.year);
  const weekFrom = maxDate(week.start, first);
  const weekTo = minDate(week.end, last);
  const through = minDate(maxDate(weekTo, addDays(first, -1)), last);
  const pathByDate = new Map(path.map((d) => [d.date, d]));
  const weekDays = weekFrom <= weekTo ? eachDay(weekFrom, weekTo) : [];
  const ytdDays = through >= first ? eachDay(first, through) : [];

  const sum = (days: LocalDate[]) => {
    const present = days.filter((d) => actuals.has(d));
    return {
      value: present.length ? present.reduce((s, d) => s + actuals.get(d)!, 0) : null,
      days: present.length,
    };
  };
  const weekActual = sum(weekDays);
  const ytdActual = sum(ytdDays);
  const remainingDays = through >= first ? diffDays(through, last) : diffDays(first, last) + 1;
  const weeklyRunRateNeeded =
    input.total === null || remainingDays <= 0
      ? null
      : (Math.max(0, input.total - (ytdActual.value ?? 0)) / remainingDays) * 7;

  const projection = input.projection;
  return {
    targetId: target.id,
    metric: target.metric,
    scope: {
      kind: target.venueId ? 'venue' : 'city',
      scopeKey: target.scopeKey,
      venueId: target.venueId,
      name: target.scopeName,
    },
    year: target.year,
    baselineYear: target.baselineYear,
    growthRate: target.growthRate,
    targetTotal: input.total,
    week: {
      actual: weekActual.value,
      path: weekDays.length ? weekDays.reduce((s, d) => s + (pathByDate.get(d)?.expected ?? 0), 0) : null,
      daysWithActuals: weekActual.days,
      days: weekDays.length,
    },
    yearToDate: {
      through,
      actual: ytdActual.value,
      path: ytdDays.length ? (pathByDate.get(through)?.cumulative ?? null) : 0,
      daysWithActuals: ytdActual.days,
      days: ytdDays.length,
    },
    weeklyRunRateNeeded,
    weeksLeft: Math.ceil(Math.max(0, remainingDays) / 7),
    projection: projection
      ? {
          asOf: projection.asOf,
          stale: projection.stale,
          median: projection.median,
          interval80: projection.interval80,
          interval95: projection.interval95,
          probability: projection.probability,
          status: projection.status,
          expectedWeeklyRunRate: projection.expectedWeeklyRunRate,
        }
      : null,
    revenuePerVisitor: target.metric === 'revenue' ? (input.revenuePerVisitor ?? null) : null,
    missingDays: weekDays.filter((d) => d <= input.today && !actuals.has(d)),
    chart: chartPoints(input, through, ytdDays),
  };
}

/** Cumulative values at each Sunday of the year, at the end of the report week and on 31 December. */
function chartPoints(input: TargetFiguresInput, through: LocalDate, ytdDays: LocalDate[]): ChartPoint[] {
  const { target, actuals, path, projection } = input;
  const last = yearEnd(target.year);
  const marks = new Set<LocalDate>(path.filter((d) => isoWeekday(d.date) === 7).map((d) => d.date));
  marks.add(last);
  if (ytdDays.length) marks.add(through);
  const cumulativeActual = new Map<LocalDate, number>();
  let running = 0;
  for (const d of ytdDays) {
    running += actuals.get(d) ?? 0;
    cumulativeActual.set(d, running);
  }
  const projected = new Map((projection?.path ?? []).map((p) => [p.date, p]));
  for (const p of projection?.path ?? []) if (p.date > through && p.date <= last) marks.add(p.date);
  const pathByDate = new Map(path.map((d) => [d.date, d.cumulative]));
  return [...marks].sort().map((date) => {
    const p = date > through ? projected.get(date) : undefined;
    const atJoin = projection && date === through ? (cumulativeActual.get(date) ?? null) : null;
    return {
      date,
      path: pathByDate.get(date) ?? null,
      actual: date <= through ? (cumulativeActual.get(date) ?? null) : null,
      median: p?.median ?? atJoin,
      lo80: p?.lo80 ?? atJoin,
      hi80: p?.hi80 ?? atJoin,
      lo95: p?.lo95 ?? atJoin,
      hi95: p?.hi95 ?? atJoin,
    };
  });
}
