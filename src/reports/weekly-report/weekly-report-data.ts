import type { Metric } from '../../actuals/metric.js';
import type { ProjectionStatus } from '../../projections/math/projection-math.js';
import type { ReportProjectionView } from '../../projections/read/projection-snapshot-reader.js';

/**
 * Everything one week's report says, as data: assembled from the database by
 * `WeeklyReportDataSource`, frozen per week in `report_editions`, rendered per reader. Plain JSON
 * (no Dates), so an edition reads back exactly as it was written.
 *
 * A figure the data does not support is `null`, never a guess: the renderers say "not available".
 */
export interface WeeklyReportData {
  version: 1;
  week: { key: string; year: number; week: number; start: string; end: string };
  /** When the figures were read (ISO instant). */
  generatedAt: string;
  timeZone: string;
  targets: TargetReport[];
  /** The events and campaigns that contributed most in the week, largest first. */
  topContributors: Contributor[];
  /** Events and campaigns starting in the two weeks after the report week. */
  upcoming: UpcomingItem[];
  /** Events submitted by organizers and waiting for the bureau's decision. */
  awaitingApproval: PendingEvent[];
  capacityWarnings: CapacityWarning[];
  /** Days of the week with no actual figure, per scope and metric followed by a target. */
  missingActuals: MissingActuals[];
  /** The oldest projection `asOf` (a last counted day) among the targets, null when none is computed yet. */
  projectionAsOf: string | null;
  /** What the report could not include, in plain words (e.g. no targets set for the year). */
  caveats: Caveat[];
  /**
   * The accountability scoreboard of the report's year by responsible unit (issue 9), as the
   * scoreboard service ranks it. Absent in editions frozen before it existed.
   */
  scoreboard?: ScoreboardDigest;
}

/** The scoreboard section: ranked by measured yuan per incremental visitor (lower is better). */
export interface ScoreboardDigest {
  year: number;
  /** Responsible units on the scoreboard, ranked or not. */
  units: number;
  /** Units with a measured yuan per visitor (the only ones ranked). */
  rankedUnits: number;
  /** The (up to) three best ranked units, best first. */
  best: ScoreboardUnit[];
  /** The (up to) three weakest ranked units not among the best, weakest first. */
  attention: ScoreboardUnit[];
  /** Units without a measured yuan per visitor: never ranked, never shown as zero. */
  unranked: Array<{ unit: string; because: string | null }>;
  /** Completed items without a measurement, grouped by why. */
  unmeasured: { items: number; reasons: Array<{ reason: string; items: number }> };
}

export interface ScoreboardUnit {
  unit: string;
  /** Competition rank by yuan per measured visitor (1 = cheapest visitor). */
  rank: number;
  yuanPerMeasuredVisitor: number;
  measuredVisitors: number | null;
  /** Spend of the measured campaigns (the denominator). */
  measuredSpendYuan: number;
  measuredRevenuePerYuan: number | null;
}

export type { Metric, ProjectionStatus };

export interface LocalizedName {
  zh: string;
  en: string;
}

/** The scope name of city-wide figures. */
export const CITY_NAME: LocalizedName = { zh: '全市', en: 'City-wide' };

export interface TargetReport {
  targetId: string;
  metric: Metric;
  /** `scopeKey` is `city` or the venue id; the city's name is 全市 / City-wide. */
  scope: { kind: 'city' | 'venue'; scopeKey: string; venueId: string | null; name: LocalizedName };
  year: number;
  baselineYear: number;
  /** 0.30 = +30 %. */
  growthRate: number;
  /** The year's target total (visitors or yuan); null when it cannot be computed. */
  targetTotal: number | null;
  /** The report week (only its days inside the target's year). */
  week: {
    actual: number | null;
    /** What the target path asked of the same days. */
    path: number | null;
    daysWithActuals: number;
    days: number;
  };
  /** From 1 January to the end of the report week. */
  yearToDate: {
    through: string;
    actual: number | null;
    path: number | null;
    daysWithActuals: number;
    days: number;
  };
  /** Still needed per week, for the rest of the year, to reach the target. */
  weeklyRunRateNeeded: number | null;
  weeksLeft: number;
  projection: ProjectionFigures | null;
  /** Revenue targets only: revenue per visitor so far against the baseline year's. */
  revenuePerVisitor: { actual: number | null; baseline: number | null; needed: number | null } | null;
  /** Days of the report week without an actual for this scope and metric. */
  missingDays: string[];
  /** Cumulative series at each week's end, for the chart. */
  chart: ChartPoint[];
}

/**
 * A target's projection as the report shows it: the reader's view without its target id and
 * path. `asOf` is the last day whose actuals it counts: the report week's Sunday, or earlier when
 * the latest actual is older.
 */
export type ProjectionFigures = Omit<ReportProjectionView, 'targetId' | 'path'>;

export interface ChartPoint {
  /** The week's Sunday (or 31 December). */
  date: string;
  path: number | null;
  actual: number | null;
  median: number | null;
  lo80: number | null;
  hi80: number | null;
  lo95: number | null;
  hi95: number | null;
}

export interface Contributor {
  kind: 'event' | 'campaign';
  id: string;
  name: LocalizedName;
  /** Organizer of an event, responsible unit of a campaign. */
  responsible: string;
  /** Visitors attributed to the week (actual when recorded, else expected). */
  visitors: number | null;
  revenue: number | null;
  basis: 'actual' | 'expected';
}

export interface UpcomingItem {
  kind: 'event' | 'campaign';
  id: string;
  name: LocalizedName;
  start: string;
  end: string;
  status: string;
  venue: LocalizedName | null;
  responsible: string;
  expectedVisitors: number | null;
}

export interface PendingEvent {
  id: string;
  name: LocalizedName;
  organizer: string;
  venue: LocalizedName;
  start: string;
  end: string;
  submittedAt: string | null;
  expectedAttendance: number;
}

export interface CapacityWarning {
  eventId: string;
  name: LocalizedName;
  venue: LocalizedName;
  date: string;
  /** Expected visitors at the venue that day (the event's daily share, plus what else is known). */
  expected: number;
  capacity: number;
  /** `over`: above the maximum daily capacity; `near`: above 80 % of it. */
  level: 'over' | 'near';
  status: string;
}

export interface MissingActuals {
  metric: Metric;
  /** `city` or the venue id. */
  scopeKey: string;
  /** 全市 / City-wide, or the venue's names. */
  scope: LocalizedName;
  dates: string[];
}

export interface Caveat {
  code: 'no_targets' | 'projection_not_computed' | 'projection_stale';
  /** Target ids concerned, when any. */
  targetIds?: string[];
}

/** The part of an edition a reader gets: only their targets (the rest is shared). */
export function forAudience(data: WeeklyReportData, targetIds: string[] | null): WeeklyReportData {
  if (!targetIds) return data;
  const keep = new Set(targetIds);
  const targets = data.targets.filter((t) => keep.has(t.targetId));
  const scopes = new Set(targets.map((t) => `${t.metric}:${t.scope.scopeKey}`));
  return {
    ...data,
    targets,
    missingActuals: data.missingActuals.filter((m) => scopes.has(`${m.metric}:${m.scopeKey}`)),
    projectionAsOf: oldest(targets.map((t) => t.projection?.asOf ?? null)),
  };
}

export function oldest(values: Array<string | null>): string | null {
  const present = values.filter((v): v is string => v !== null).sort();
  return present[0] ?? null;
}
