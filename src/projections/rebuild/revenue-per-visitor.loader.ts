import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ActualsQueryService } from '../../actuals/actuals-query.service.js';
import { daysInYear, yearEnd, yearStart, type LocalDate } from '../../common/time/local-date.js';
import { Target } from '../../targets/target.entity.js';
import { TargetsService, type ResolvedTarget } from '../../targets/targets.service.js';
import { ProjectionInputLoader, type LoadedInput } from './projection-input.loader.js';
import { projectYear, type ProjectionResult } from '../math/projection-math.js';
import { revenuePerVisitor, type RevenuePerVisitor } from '../math/revenue-per-visitor.js';

export interface RevenuePerVisitorResult {
  figures: RevenuePerVisitor;
  /** What the figures were computed from, for the snapshot's inputs hash. */
  inputs: unknown;
}

/**
 * For a revenue target: projects the visitors target of the same year and scope (when there is
 * one) from the same data, and works out revenue per visitor projected, to date, in the
 * baseline year and as the two targets imply.
 */
@Injectable()
export class RevenuePerVisitorLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: TargetsService,
    private readonly actuals: ActualsQueryService,
    private readonly loader: ProjectionInputLoader,
  ) {}

  async compute(
    revenue: ResolvedTarget,
    loaded: LoadedInput,
    result: ProjectionResult,
    today: LocalDate,
  ): Promise<RevenuePerVisitorResult> {
    const t = revenue.target;
    const visitorsScope = { metric: 'visitors' as const, venueId: t.venueId };
    const row = await this.dataSource
      .getRepository(Target)
      .findOneBy({ year: t.year, metric: 'visitors', scopeKey: t.scopeKey });
    const visitorsTarget = row ? await this.targets.resolve(row) : null;
    const visitorsInput = visitorsTarget ? (await this.loader.load(visitorsTarget, today)).input : null;
    const projectedVisitors = visitorsInput ? projectYear(visitorsInput).projected.median : null;

    const visitorsValues = await this.actuals.dailyValues(visitorsScope, yearStart(t.year), yearEnd(t.year));
    const { dates, asOfIndex, actualDaily } = loaded.input;
    const counted = (i: number) => i <= asOfIndex;
    const baselineVisitors = await this.actuals.coverage(
      visitorsScope,
      yearStart(t.baselineYear),
      yearEnd(t.baselineYear),
    );
    const inputs = {
      visitorsTargetId: visitorsTarget?.target.id ?? null,
      projectedRevenue: result.projected.median,
      projectedVisitors,
      revenueDaily: actualDaily.map((v, i) => (counted(i) ? v : null)),
      visitorsDaily: dates.map((d, i) => (counted(i) ? (visitorsValues.get(d) ?? null) : null)),
      baselineYear: t.baselineYear,
      baselineRevenue: revenue.baselineTotal,
      baselineVisitors: baselineVisitors.days === daysInYear(t.baselineYear) ? baselineVisitors.total : null,
      revenueTarget: revenue.total,
      visitorsTarget: visitorsTarget?.total ?? null,
    };
    return { figures: revenuePerVisitor(inputs), inputs: { ...inputs, visitorsInput } };
  }
}
