import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { SCOPE_CHECK, type Metric, type Scope } from '../actuals/metric.js';
import { bigintToNumber } from '../infra/database/column-types.js';

/**
 * A yearly target: at least `growthRate` over the baseline year's total, for the city or one
 * venue. One per (year, metric, scope). The total itself is not stored: it is the baseline
 * year's actuals × (1 + growthRate), or `enteredTotal` when the baseline had no complete actuals
 * (see TargetsService).
 */
@Entity('targets')
@Check('CHK_targets_metric', `"metric" IN ('visitors', 'revenue')`)
@Check('CHK_targets_scope', SCOPE_CHECK)
@Check('CHK_targets_years', `"baselineYear" < "year" AND "year" BETWEEN 2000 AND 2100`)
@Check('CHK_targets_growth', `"growthRate" > -1 AND "growthRate" <= 10`)
@Check('CHK_targets_total', `"enteredTotal" IS NULL OR "enteredTotal" > 0`)
@Check('CHK_targets_versions', `"projectedVersion" <= "inputsVersion"`)
@Index('UQ_targets_year_metric_scope', ['year', 'metric', 'scopeKey'], { unique: true })
@Index('IDX_targets_venue', ['venueId'])
@Index('IDX_targets_dirty', ['dirtySince'])
export class Target {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 10 })
  metric!: Metric;

  @Column({ type: 'varchar', length: 10 })
  scope!: Scope;

  /** The venue of a venue target (table `venues`; no relation object on purpose). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  @ForeignKey('venues', { onDelete: 'RESTRICT' })
  venueId!: string | null;

  /** `city` or the venue id, for the unique (year, metric, scope). */
  @Column({ type: 'varchar', length: 36 })
  scopeKey!: string;

  @Column({ type: 'integer' })
  baselineYear!: number;

  /** 0.30 means +30 % over the baseline year. */
  @Column({ type: 'double precision' })
  growthRate!: number;

  /** The total typed in by a planner when the baseline year has no complete actuals. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  enteredTotal!: number | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Bumped on every edit of the target itself; sent as `ETag`, checked against `If-Match`. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /**
   * Projection bookkeeping. Every change of an input bumps `inputsVersion` and sets
   * `dirtySince` (if not yet set); a rebuild that computed from version v clears `dirtySince`
   * only if `inputsVersion` is still v, and records `projectedVersion = v`.
   */
  @Column({ type: 'integer', default: 1 })
  inputsVersion!: number;

  @Column({ type: Date, nullable: true })
  dirtySince!: Date | null;

  @Column({ type: 'integer', default: 0 })
  projectedVersion!: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  @ForeignKey('users', { onDelete: 'SET NULL' })
  createdById!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
