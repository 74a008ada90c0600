import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ValidationError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time/clock.js';
import {
  diffDays,
  eachDay,
  isoWeekKey,
  minDate,
  monthKey,
  type LocalDate,
} from '../common/time/local-date.js';
import { Actual } from './actual.entity.js';
import type { ActualPointView, ActualSeriesView } from './dto/actual.view.js';
import type { Granularity } from './dto/read-actuals.query.js';
import { scopeKeyOf, type Metric } from './metric.js';

/** The longest range one read may cover. */
export const MAX_READ_DAYS = 3_700;

export interface ActualScope {
  metric: Metric;
  /** null: the city. */
  venueId: string | null;
}

/** Daily figures as the projection and the target path read them. */
export interface DailyFigure {
  date: LocalDate;
  value: number;
  source: string;
}

/** Reads of actuals: raw daily series for computations, and bucketed views for people. */
@Injectable()
export class ActualsQueryService {
  constructor(
    @InjectRepository(Actual) private readonly actuals: Repository<Actual>,
    private readonly clock: Clock,
  ) {}

  /** The recorded daily figures of one scope and metric in [from, to], by date. */
  async daily(scope: ActualScope, from: LocalDate, to: LocalDate): Promise<DailyFigure[]> {
    // Raw rows: six years of a scope are thousands of rows, and entity hydration was most of the
    // projection's loading time.
    const rows = await this.actuals
      .createQueryBuilder('a')
      .select('a.date', 'date')
      .addSelect('a.value', 'value')
      .addSelect('a.source', 'source')
      .where('a.scopeKey = :key AND a.metric = :metric AND a.date BETWEEN :from AND :to', {
        key: scopeKeyOf(scope.venueId),
        metric: scope.metric,
        from,
        to,
      })
      .orderBy('a.date', 'ASC')
      .getRawMany<{ date: string; value: number | string; source: string }>();
    return rows.map((r) => ({ date: r.date, value: Number(r.value), source: r.source }));
  }

  /** The same as a map date → value. */
  async dailyValues(scope: ActualScope, from: LocalDate, to: LocalDate): Promise<Map<LocalDate, number>> {
    return new Map((await this.daily(scope, from, to)).map((f) => [f.date, f.value]));
  }

  /** How many days of [from, to] have a figure, and their sum. */
  async coverage(
    scope: ActualScope,
    from: LocalDate,
    to: LocalDate,
  ): Promise<{ days: number; total: number }> {
    const row = await this.actuals
      .createQueryBuilder('a')
      .select('COUNT(*)', 'days')
      .addSelect('COALESCE(SUM(a.value), 0)', 'total')
      .where('a.scopeKey = :key AND a.metric = :metric AND a.date BETWEEN :from AND :to', {
        key: scopeKeyOf(scope.venueId),
        metric: scope.metric,
        from,
        to,
      })
      .getRawOne<{ days: number | string; total: number | string }>();
    return { days: Number(row?.days ?? 0), total: Number(row?.total ?? 0) };
  }

  /** A range read by day, ISO week or month, with the days that have no figure yet. */
  async read(
    scope: ActualScope,
    from: LocalDate,
    to: LocalDate,
    granularity: Granularity,
  ): Promise<ActualSeriesView> {
    if (to < from)
      throw new ValidationError(`to (${to}) is before from (${from})`, [
        { field: 'to', problems: ['must not be before from'] },
      ]);
    if (diffDays(from, to) + 1 > MAX_READ_DAYS)
      throw new ValidationError(`A read covers at most ${MAX_READ_DAYS} days`, [
        { field: 'to', problems: [`at most ${MAX_READ_DAYS} days after from`] },
      ]);
    const figures = await this.daily(scope, from, to);
    const byDate = new Map(figures.map((f) => [f.date, f]));
    const today = this.clock.today();
    const key = granularity === 'day' ? (d: LocalDate) => d : granularity === 'week' ? isoWeekKey : monthKey;

    const points: ActualPointView[] = [];
    let current: ActualPointView | null = null;
    for (const date of eachDay(from, to)) {
      const period = key(date);
      if (!current || current.period !== period) {
        current = { period, from: date, to: date, value: null, daysWithFigures: 0, days: 0, complete: false };
        points.push(current);
      }
      current.to = date;
      current.days++;
      const figure = byDate.get(date);
      if (figure) {
        current.value = (current.value ?? 0) + figure.value;
        current.daysWithFigures++;
        if (granularity === 'day') current.source = figure.source;
      }
    }
    for (const p of points) p.complete = p.daysWithFigures === p.days;

    const lastElapsed = minDate(to, today);
    return {
      metric: scope.metric,
      scope: scope.venueId ? 'venue' : 'city',
      venueId: scope.venueId,
      from,
      to,
      granularity,
      total: figures.reduce((sum, f) => sum + f.value, 0),
      lastDate: figures.length ? figures[figures.length - 1].date : null,
      missingDays: lastElapsed < from ? [] : eachDay(from, lastElapsed).filter((d) => !byDate.has(d)),
      points,
    };
  }
}
