import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../infra/database/column-types.js';
import type { ContributionResult, ProjectedDay, ProjectionStatus } from '../math/projection-math.js';
import type { RevenuePerVisitor } from '../math/revenue-per-visitor.js';

/** An event's or campaign's part in the projection (see ContributionResult), rounded. */
export type SnapshotContribution = ContributionResult & {
  /** English title of an event, when it has one. */
  nameEn: string | null;
  /** Its first and last day within the target year. */
  from: string;
  to: string;
  /** Where its expectation comes from, for people. */
  basis: string;
};

const bigint = { type: 'bigint', transformer: bigintToNumber } as const;

/**
 * A projection of one target computed from one version of its inputs: one row per
 * (targetId, inputsVersion), so a rebuild that runs twice cannot store it twice. The headline
 * figures are columns (lists, filters); the details are JSON. A bounded history is kept per
 * target (see ProjectionSnapshotStore).
 */
@Entity('projection_snapshots')
@Index('UQ_projection_snapshots_target_version', ['targetId', 'inputsVersion'], { unique: true })
@Check('CHK_projection_snapshots_status', `"status" IN ('on_track', 'at_risk', 'off_track')`)
@Check('CHK_projection_snapshots_method', `"method" IN ('forecast', 'pace')`)
@Check('CHK_projection_snapshots_probability', `"probability" >= 0 AND "probability" <= 1`)
@Check('CHK_projection_snapshots_version', `"inputsVersion" >= 1 AND "durationMs" >= 0`)
export class ProjectionSnapshot {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey('targets', { onDelete: 'CASCADE' })
  targetId!: string;

  /** The target's `inputsVersion` the rebuild read before computing. */
  @Column({ type: 'integer' })
  inputsVersion!: number;

  @Column({ type: Date })
  computedAt!: Date;

  /** The last day whose actuals count (null: none of the year yet). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  asOf!: string | null;

  /** sha256 of the canonical projection inputs (series, path, contributions, method version). */
  @Column({ type: 'varchar', length: 64 })
  inputsHash!: string;

  @Column({ type: 'integer' })
  durationMs!: number;

  @Column({ type: 'varchar', length: 10 })
  method!: 'forecast' | 'pace';

  @Column({ type: 'varchar', length: 200 })
  model!: string;

  @Column(bigint)
  targetTotal!: number;

  @Column(bigint)
  actualToDate!: number;

  /** Actual to date with missing days filled at the pace of the counted days. */
  @Column(bigint)
  estimatedToDate!: number;

  @Column(bigint)
  pathToDate!: number;

  /** estimatedToDate − pathToDate: ahead (+) or behind (−) the target path. */
  @Column(bigint)
  gap!: number;

  @Column(bigint)
  median!: number;

  @Column(bigint)
  lo80!: number;

  @Column(bigint)
  hi80!: number;

  @Column(bigint)
  lo95!: number;

  @Column(bigint)
  hi95!: number;

  @Column({ type: 'double precision' })
  probability!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: ProjectionStatus;

  @Column(bigint)
  neededDaily!: number;

  @Column(bigint)
  neededWeekly!: number;

  @Column(bigint)
  expectedDaily!: number;

  @Column(bigint)
  expectedWeekly!: number;

  /** Expected increments of events and campaigns still to come, included in the median. */
  @Column(bigint)
  contributionsTotal!: number;

  @Column({ type: 'integer' })
  daysCounted!: number;

  @Column({ type: 'integer' })
  daysRemaining!: number;

  @Column({ type: 'simple-json' })
  contributions!: SnapshotContribution[];

  @Column({ type: 'simple-json' })
  daily!: ProjectedDay[];

  /** Days up to `asOf` without an actual (filled at the pace of the others). */
  @Column({ type: 'simple-json' })
  missingDates!: string[];

  /** Revenue targets: implied revenue per visitor against the baseline's. */
  @Column({ type: 'simple-json', nullable: true })
  revenuePerVisitor!: RevenuePerVisitor | null;

  /** Plain-language remarks on the inputs (history used, actuals lag...). */
  @Column({ type: 'simple-json' })
  notes!: string[];
}
