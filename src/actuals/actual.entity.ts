import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../infra/database/column-types.js';
import { SCOPE_CHECK, type Metric, type Scope } from './metric.js';

/**
 * One daily figure (Asia/Shanghai calendar day) of one metric for the city or one venue. The
 * natural key (scope, metric, date) is the primary key: importing the same day again replaces
 * the figure, it never adds a second row.
 */
@Entity('actuals')
@Check('CHK_actuals_metric', `"metric" IN ('visitors', 'revenue')`)
@Check('CHK_actuals_scope', SCOPE_CHECK)
@Check('CHK_actuals_value', `"value" >= 0`)
@Check('CHK_actuals_date', `length("date") = 10`)
@Index('IDX_actuals_venue', ['venueId'])
export class Actual {
  /** `city`, or the venue's id: non-null so that it can be part of the key. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  scopeKey!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  metric!: Metric;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 10 })
  scope!: Scope;

  /** The venue (table `venues`; no relation object, so this feature does not load the planning classes). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  @ForeignKey('venues', { onDelete: 'RESTRICT' })
  venueId!: string | null;

  /** Visitors (人次) or yuan. */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  value!: number;

  /** Where the figure comes from (`bureau-daily-report`, `ticketing-export`, `illustrative-seed`...). */
  @Column({ type: 'varchar', length: 100 })
  source!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: Date })
  updatedAt!: Date;
}
