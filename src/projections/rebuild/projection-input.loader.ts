import { Injectable } from '@nestjs/common';
import { ActualsQueryService } from '../../actuals/actuals-query.service.js';
import { addDays, diffDays, yearEnd, yearStart, type LocalDate } from '../../common/time/local-date.js';
import type { Stopwatch } from '../../common/time/stopwatch.js';
import type { BuildStage } from './projection-builder.service.js';
import { TargetPathService, type TargetPath } from '../../targets/target-path.service.js';
import type { ResolvedTarget } from '../../targets/targets.service.js';
import { ContributionLoader, type ContributionReads } from './contribution.loader.js';
import type { ContributionDetail } from '../math/contribution-spread.js';
import { monthlyHistory } from '../math/monthly-history.js';
import type { ProjectionInput } from '../math/projection-math.js';

/** How many years before the target year the forecast may learn from. */
export const HISTORY_YEARS = 5;

export interface LoadedInput {
  input: ProjectionInput;
  path: TargetPath;
  contributions: ContributionDetail[];
  historyYears: number[];
  /** Plain-language remarks on the inputs. */
  notes: string[];
}

/**
 * Assembles what `projectYear` needs for one target, from the database: its path (holidays
 * aligned), this year's daily actuals, the monthly history of up to five previous years, and
 * the contributions of events and campaigns.
 *
 * `asOf` (the last counted day) is the last day of the target year, not after yesterday, that
 * has an actual for the target's metric and scope. Actuals arrive with a lag, so days after the
 * last figure are projected, not counted as missing; days before it without a figure are the
 * missing ones (filled at the pace of the others and listed).
 */
@Injectable()
export class ProjectionInputLoader {
  constructor(
    private readonly paths: TargetPathService,
    private readonly actuals: ActualsQueryService,
    private readonly contributionLoader: ContributionLoader,
  ) {}

  /**
   * `watch` laps the path, the actuals and the contributions; `reads` shares the events and
   * campaigns read with the other loads of the same build.
   */
  async load(
    resolved: ResolvedTarget,
    today: LocalDate,
    { watch, reads }: { watch?: Stopwatch<BuildStage>; reads?: ContributionReads } = {},
  ): Promise<LoadedInput> {
    const { target } = resolved;
    const path = await this.paths.path(resolved);
    watch?.lap('path');
    const dates = path.days.map((d) => d.date);
    const scope = { metric: target.metric, venueId: target.venueId };
    const values = await this.actuals.dailyValues(
      scope,
      yearStart(target.year - HISTORY_YEARS),
      yearEnd(target.year),
    );
    watch?.lap('actuals');
    const yesterday = addDays(today, -1);
    let asOfIndex = -1;
    for (let i = dates.length - 1; i >= 0; i--) {
      if (dates[i] <= yesterday && values.has(dates[i])) {
        asOfIndex = i;
        break;
      }
    }
    const { history, years } = monthlyHistory(values, target.year, HISTORY_YEARS);
    const contributions = await this.contributionLoader.load(scope, dates, reads);
    watch?.lap('contributions');

    const notes: string[] = [path.shapeNote];
    for (const c of contributions.filter((x) => x.pendingReapproval))
      notes.push(
        `Event ${c.input.name} awaits re-approval after a change: its last approved dates, venue and attendance are counted until the decision.`,
      );
    notes.push(
      years.length
        ? `Monthly history: ${years[0]}-${years[years.length - 1]} (${history.length} months).`
        : `No complete year of ${target.metric} figures before ${target.year} for this scope: the projection continues the target path at the pace so far.`,
    );
    const lastElapsed =
      yesterday < dates[0] ? null : yesterday > dates[dates.length - 1] ? dates[dates.length - 1] : yesterday;
    if (lastElapsed && asOfIndex < 0) notes.push(`No ${target.metric} figure for ${target.year} yet.`);
    else if (lastElapsed && dates[asOfIndex] < lastElapsed)
      notes.push(
        `Actuals run to ${dates[asOfIndex]}, ${diffDays(dates[asOfIndex], lastElapsed)} day(s) before ${lastElapsed}: the days after are projected.`,
      );

    return {
      input: {
        dates,
        targetTotal: resolved.total,
        growthRate: target.growthRate,
        pathDaily: path.days.map((d) => d.expected),
        actualDaily: dates.map((d, i) => (i <= asOfIndex ? (values.get(d) ?? null) : null)),
        asOfIndex,
        history,
        contributions: contributions.map((c) => c.input),
      },
      path,
      contributions,
      historyYears: years,
      notes,
    };
  }
}
