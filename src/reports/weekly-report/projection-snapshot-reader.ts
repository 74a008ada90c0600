import type { ProjectionFigures } from './weekly-report-data.js';

/**
 * One target's latest projection, as the weekly report needs it. `asOf` is when it was computed
 * (ISO instant, e.g. a snapshot's `computedAt`); `actualsThrough` the last day of actuals it
 * counts (a snapshot's `asOf` date); intervals and path values are cumulative year totals.
 */
export interface ProjectionSnapshotView extends ProjectionFigures {
  targetId: string;
  /**
   * The projected cumulative path for the rest of the year, at least at each week's end
   * (date = local date, values cumulative from 1 January): median and interval bounds.
   */
  path: Array<{ date: string; median: number; lo80: number; hi80: number; lo95: number; hi95: number }>;
}

/**
 * THE SEAM FOR THE PROJECTIONS WORK. The weekly report reads projections only through this
 * interface. Until a provider is registered under {@link PROJECTION_SNAPSHOT_READER}, the report
 * says "projection not computed yet" for every target instead of inventing figures.
 *
 * To plug in: implement it in `src/projections/` and provide it from a global module, e.g.
 * `{ provide: PROJECTION_SNAPSHOT_READER, useClass: ProjectionSnapshotStore }` exported by a
 * `@Global()` module in FEATURE_MODULES. Return only targets that have a snapshot.
 */
export interface ProjectionSnapshotReader {
  /**
   * Each target's projection as of the end of `through` (a local date, the report week's
   * Sunday): counting the actuals through that day and no later. The stored snapshot when it
   * is current and counts exactly those days, else one computed for that date (not stored).
   */
  asOf(targetIds: string[], through: string): Promise<Map<string, ProjectionSnapshotView>>;
}

export const PROJECTION_SNAPSHOT_READER = Symbol('PROJECTION_SNAPSHOT_READER');
