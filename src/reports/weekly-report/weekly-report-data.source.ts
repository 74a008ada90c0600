import { CITY_TIME_ZONE } from '../../common/time/local-date.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { ActualsQueryService } from '../../actuals/actuals-query.service.js';
import { CITY_SCOPE_KEY } from '../../actuals/metric.js';
import { eachDay, localDateOf, minDate, yearEnd, yearStart } from '../../common/time/local-date.js';
import { TargetPathService } from '../../targets/target-path.service.js';
import { TargetsService, type ResolvedTarget } from '../../targets/targets.service.js';
import { ScoreboardService } from '../../scoreboard/scoreboard.service.js';
import { Venue } from '../../venues/venue.entity.js';
import { calendarYearsOf, type ReportWeek } from '../report-week.js';
import { PlanningDigest } from './planning-digest.js';
import {
  PROJECTION_SNAPSHOT_READER,
  type ProjectionSnapshotReader,
  type ReportProjectionView,
} from '../../projections/read/projection-snapshot-reader.js';
import { scoreboardDigest } from './scoreboard-digest.js';
import { targetFigures } from './target-figures.js';
import {
  CITY_NAME,
  oldest,
  type Caveat,
  type LocalizedName,
  type MissingActuals,
  type TargetReport,
  type WeeklyReportData,
} from './weekly-report-data.js';

/**
 * Assembles {@link WeeklyReportData} for a week from the database: the year's targets with their
 * paths, the actuals, the projections (read through {@link ProjectionSnapshotReader}; a target
 * without one says "projection not computed yet"), the planning calendar and the year's
 * scoreboard by responsible unit. The targets are those of every calendar year the week touches
 * (both years for a week across New Year); the scoreboard is that of the week's ISO
 * week-numbering year.
 */
@Injectable()
export class WeeklyReportDataSource {
  constructor(
    private readonly targets: TargetsService,
    private readonly paths: TargetPathService,
    private readonly actuals: ActualsQueryService,
    private readonly planning: PlanningDigest,
    private readonly scoreboard: ScoreboardService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PROJECTION_SNAPSHOT_READER) private readonly projections: ProjectionSnapshotReader,
  ) {}

  async assemble(week: ReportWeek, now: Date): Promise<WeeklyReportData> {
    const zone = CITY_TIME_ZONE;
    const today = localDateOf(now, zone);
    // A week across New Year reports the targets of both years, the ending one first.
    const resolved: ResolvedTarget[] = [];
    for (const year of calendarYearsOf(week)) resolved.push(...(await this.targets.list({ year })));
    // The projection as of the week's end: counting the actuals through its Sunday.
    const snapshots = await this.projections.asOf(
      resolved.map((r) => r.target.id),
      week.end,
    );
    const names = await this.scopeNames(resolved);

    const targets: TargetReport[] = [];
    for (const r of resolved)
      targets.push(await this.targetReport(r, week, today, names, snapshots, resolved));

    const missingActuals = await this.missingActuals(targets, week, today);
    const board = await this.scoreboard.scoreboard(week.year, 'unit');

    return {
      version: 1,
      week: { key: week.key, year: week.year, week: week.week, start: week.start, end: week.end },
      generatedAt: now.toISOString(),
      timeZone: zone,
      targets,
      ...(await this.planning.digest(week, now, zone)),
      missingActuals,
      projectionAsOf: oldest(targets.map((t) => t.projection?.asOf ?? null)),
      caveats: caveats(targets),
      scoreboard: scoreboardDigest(week.year, board.rows),
    };
  }

  /**
   * Days of the week without figures, for every scope and metric a target follows, and always
   * for the city's two figures: a report never hides that its data is incomplete, targets or not.
   */
  private async missingActuals(
    targets: TargetReport[],
    week: ReportWeek,
    today: string,
  ): Promise<MissingActuals[]> {
    const out: MissingActuals[] = [];
    const covered = new Set<string>();
    for (const t of targets) {
      const key = `${t.metric}:${t.scope.scopeKey}`;
      if (covered.has(key)) continue;
      covered.add(key);
      if (t.missingDays.length)
        out.push({ metric: t.metric, scopeKey: t.scope.scopeKey, scope: t.scope.name, dates: t.missingDays });
    }
    const last = minDate(week.end, today);
    for (const metric of ['visitors', 'revenue'] as const) {
      if (covered.has(`${metric}:${CITY_SCOPE_KEY}`) || last < week.start) continue;
      const values = await this.actuals.dailyValues({ metric, venueId: null }, week.start, last);
      const dates = eachDay(week.start, last).filter((d) => !values.has(d));
      if (dates.length) out.push({ metric, scopeKey: CITY_SCOPE_KEY, scope: CITY_NAME, dates });
    }
    return out;
  }

  private async targetReport(
    r: ResolvedTarget,
    week: ReportWeek,
    today: string,
    names: Map<string, LocalizedName>,
    snapshots: Map<string, ReportProjectionView>,
    all: ResolvedTarget[],
  ): Promise<TargetReport> {
    const t = r.target;
    const through = minDate(week.end, yearEnd(t.year));
    const path = await this.paths.path(r);
    const actuals = await this.actuals.dailyValues(
      { metric: t.metric, venueId: t.venueId },
      yearStart(t.year),
      through,
    );
    return targetFigures({
      target: {
        id: t.id,
        metric: t.metric,
        year: t.year,
        baselineYear: t.baselineYear,
        growthRate: t.growthRate,
        scopeKey: t.scopeKey,
        venueId: t.venueId,
        scopeName: t.venueId ? (names.get(t.venueId) ?? { zh: t.venueId, en: t.venueId }) : CITY_NAME,
      },
      total: r.total,
      path: path.days,
      actuals,
      week,
      today,
      projection: snapshots.get(t.id) ?? null,
      revenuePerVisitor: t.metric === 'revenue' ? await this.perVisitor(r, through, all) : null,
    });
  }

  /**
   * Revenue per visitor for the scope: this year to date, in the baseline year, and what the two
   * targets together imply (revenue target ÷ visitors target), which for +34 % and +30 % is the
   * baseline's × 1.34 / 1.30.
   */
  private async perVisitor(
    r: ResolvedTarget,
    through: string,
    all: ResolvedTarget[],
  ): Promise<TargetReport['revenuePerVisitor']> {
    const { target: t } = r;
    const scope = (metric: 'visitors' | 'revenue') => ({ metric, venueId: t.venueId });
    const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
    const [revenueNow, visitorsNow, revenueBase, visitorsBase] = await Promise.all([
      this.actuals.coverage(scope('revenue'), yearStart(t.year), through),
      this.actuals.coverage(scope('visitors'), yearStart(t.year), through),
      this.actuals.coverage(scope('revenue'), yearStart(t.baselineYear), yearEnd(t.baselineYear)),
      this.actuals.coverage(scope('visitors'), yearStart(t.baselineYear), yearEnd(t.baselineYear)),
    ]);
    const visitorsTarget = all.find(
      (o) => o.target.metric === 'visitors' && o.target.scopeKey === t.scopeKey && o.target.year === t.year,
    );
    return {
      actual: revenueNow.days && visitorsNow.days ? ratio(revenueNow.total, visitorsNow.total) : null,
      baseline: revenueBase.days && visitorsBase.days ? ratio(revenueBase.total, visitorsBase.total) : null,
      needed: visitorsTarget ? ratio(r.total, visitorsTarget.total) : null,
    };
  }

  private async scopeNames(resolved: ResolvedTarget[]): Promise<Map<string, LocalizedName>> {
    const ids = [...new Set(resolved.map((r) => r.target.venueId).filter((v): v is string => v !== null))];
    if (!ids.length) return new Map();
    const venues = await this.dataSource.getRepository(Venue).find({ where: { id: In(ids) } });
    return new Map(venues.map((v) => [v.id, { zh: v.nameZh, en: v.nameEn }]));
  }
}

function caveats(targets: TargetReport[]): Caveat[] {
  if (!targets.length) return [{ code: 'no_targets' }];
  const out: Caveat[] = [];
  const missing = targets.filter((t) => !t.projection).map((t) => t.targetId);
  if (missing.length) out.push({ code: 'projection_not_computed', targetIds: missing });
  const stale = targets.filter((t) => t.projection?.stale).map((t) => t.targetId);
  if (stale.length) out.push({ code: 'projection_stale', targetIds: stale });
  return out;
}
