import type { ProjectionStatus } from '../math/projection-math.js';

/**
 * One target's projection as of a week's end, as the weekly report needs it. `asOf` is the last
 * day of actuals it counts (`YYYY-MM-DD`; 31 December of the previous year when the year has no
 * actual yet); intervals and path values are cumulative year totals.
 */
export interface ReportProjectionView {
  targetId: string;
  asOf: string;
  /** The target's inputs changed after the snapshot used: a rebuild is pending. */
  stale: boolean;
  median: number;
  interval80: [number, number];
  interval95: [number, number];
  /** Probability of reaching the target, 0..1. */
  probability: number;
  status: ProjectionStatus;
  /** The weekly run-rate the forecast expects for the rest of the year. */
  expectedWeeklyRunRate: number | null;
  /**
   * The projected cumulative path from `asOf` to 31 December (date = local date, values
   * cumulative from 1 January): median and interval bounds.
   */
  path: Array<{ date: string; median: number; lo80: number; hi80: number; lo95: number; hi95: number }>;
}

/**
 * How other features read projections (the weekly report does): a small interface provided by
 * ProjectionsModule under {@link PROJECTION_SNAPSHOT_READER} (implemented by
 * ReportProjectionReader), so that a reader depends on projections and never the reverse.
 */
export interface ProjectionSnapshotReader {
  /**
   * Each target's projection as of the end of `through` (a local date, the report week's
   * Sunday): counting the actuals through that day and no later. The stored snapshot when it
   * is current and counts exactly those days, else one computed for that date (not stored).
   * Targets that no longer exist are left out.
   */
  asOf(targetIds: string[], through: string): Promise<Map<string, ReportProjectionView>>;
}

export const PROJECTION_SNAPSHOT_READER = Symbol('PROJECTION_SNAPSHOT_READER');
