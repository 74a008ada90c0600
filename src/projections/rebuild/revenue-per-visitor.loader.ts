import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ActualsQueryService } from '../../actuals/actuals-query.service.js';
import { daysInYear, yearEnd, yearStart, type LocalDate } from '../../common/time/local-date.js';
import { Target } from '../../targets/target.entity.js';
import { TargetsService, type ResolvedTarget } from '../../targets/targets.service.js';
import type { ContributionReads } from './contribution.loader.js';
import { hashedInput } from './inputs-hash.js';
import { ProjectionInputLoader, type LoadedInput } from './projection-input.loader.js';
import { RecentProjections, type RecentProjection } from './recent-projections.js';
import { projectYear, type ProjectionResult } from '../math/projection-math.js';
import { revenuePerVisitor, type RevenuePerVisitor } from '../math/revenue-per-visitor.js';

export interface RevenuePerVisitorResult {
  figures: RevenuePerVisitor;
  /** What the figures were computed from, for the snapshot's inputs hash. */
  inputs: unknown;
}

/**
 * For a revenue target: projects the visitors target of the same year and scope (when there is
 * one) from the same data (`reads`: the events and campaigns its build already read), and works
 * out revenue per visitor projected, to date, in the baseline year and as the two targets imply.
 */
@Injectable()
export class RevenuePerVisitorLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: TargetsService,
    private readonly actuals: ActualsQueryService,
    private readonly loader: ProjectionInputLoader,
    private readonly recent: RecentProjections,
  ) {}

  async compute(
    revenue: ResolvedTarget,
    loaded: LoadedInput,
    result: ProjectionResult,
    today: LocalDate,
    reads?: ContributionReads,
  ): Promise<RevenuePerVisitorResult> {
    const t = revenue.target;
    const visitorsScope = { metric: 'visitors' as const, venueId: t.venueId };
    const row = await this.dataSource
      .getRepository(Target)
      .findOneBy({ year: t.year, metric: 'visitors', scopeKey: t.scopeKey });
    const visitorsTarget = row ? await this.targets.resolve(row) : null;
    // Usually just built by this worker, from the data of the version the target has now.
    const visitors = visitorsTarget
      ? (this.recent.get(visitorsTarget.target.id, visitorsTarget.target.inputsVersion, today) ??
        (await this.project(visitorsTarget, today, reads)))
      : null;
    const visitorsInput = visitors?.input ?? null;
    const projectedVisitors = visitors?.projectedMedian ?? null;

    const { dates, asOfIndex, actualDaily } = loaded.input;
    const counted = (i: number) => i <= asOfIndex;
    // The visitors target's input already holds this year's visitors figures: every one up to
    // yesterday (its last counted day is the last day with a figure), so every one of our days.
    const visitorsOn = visitorsInput
      ? (i: number) => visitorsInput.actualDaily[i]
      : await this.actuals
          .dailyValues(visitorsScope, yearStart(t.year), yearEnd(t.year))
          .then((values) => (i: number) => values.get(dates[i]) ?? null);
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
      visitorsDaily: dates.map((_, i) => (counted(i) ? visitorsOn(i) : null)),
      baselineYear: t.baselineYear,
      baselineRevenue: revenue.baselineTotal,
      baselineVisitors: baselineVisitors.days === daysInYear(t.baselineYear) ? baselineVisitors.total : null,
      revenueTarget: revenue.total,
      visitorsTarget: visitorsTarget?.total ?? null,
    };
    return {
      figures: revenuePerVisitor(inputs),
      inputs: { ...inputs, visitorsInput: visitorsInput && hashedInput(visitorsInput) },
    };
  }

  private async project(
    target: ResolvedTarget,
    today: LocalDate,
    reads?: ContributionReads,
  ): Promise<RecentProjection> {
    const { input } = await this.loader.load(target, today, { reads });
    return { input, projectedMedian: projectYear(input).projected.median };
  }
}
