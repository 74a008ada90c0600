import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Metric, Scope } from '../actuals/metric.js';
import { bigintToNumber } from '../infra/database/column-types.js';
import type { CounterfactualMethod, UpliftVerdict } from './uplift-estimator.js';

export type EffectItemType = 'campaign' | 'event';

/** One item's part of the excess measured over an overlap group's window. */
export interface EffectShare {
  itemType: EffectItemType;
  itemId: string;
  /** Its expected increment for this scope and metric (null: none given). */
  expected: number | null;
  /** Fraction of the group's excess attributed to it. */
  share: number;
}

const bigint = { type: 'bigint', transformer: bigintToNumber, nullable: true } as const;

/**
 * The measured effect of a campaign or event on one scope (the city, or the event's venue) and
 * one metric, computed from one version of its inputs (`inputsHash`: the daily actuals used, the
 * windows and expectations of the overlap group, the estimator's version). One row per inputs
 * version: a job that runs twice stores one row. The typed-in actuals of the item are never
 * touched; this is a separate, measured figure.
 */
@Entity('item_effects')
@Index('UQ_item_effects_version', ['itemType', 'itemId', 'scope', 'metric', 'inputsHash'], { unique: true })
@Index('IDX_item_effects_year', ['year'])
@Check('CHK_item_effects_item_type', `"itemType" IN ('campaign', 'event')`)
@Check('CHK_item_effects_scope', `"scope" IN ('city', 'venue')`)
@Check('CHK_item_effects_metric', `"metric" IN ('visitors', 'revenue')`)
@Check('CHK_item_effects_verdict', `"verdict" IN ('measured', 'no_effect_detectable', 'not_measurable')`)
export class ItemEffect {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  itemType!: EffectItemType;

  /** The campaign's or event's id (no foreign key: it names one of two tables). */
  @Index('IDX_item_effects_item')
  @Column({ type: 'varchar', length: 36 })
  itemId!: string;

  /** Calendar year of the window's first day. */
  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 10 })
  scope!: Scope;

  @Column({ type: 'varchar', length: 36, nullable: true })
  venueId!: string | null;

  @Column({ type: 'varchar', length: 10 })
  metric!: Metric;

  /** sha256 of the inputs the estimate was computed from: the inputs version. */
  @Column({ type: 'varchar', length: 64 })
  inputsHash!: string;

  @Column({ type: Date })
  computedAt!: Date;

  /** 1, 2, ... per (item, scope, metric): the order of the inputs versions measured (latest = highest). */
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'varchar', length: 24 })
  verdict!: UpliftVerdict;

  /** Why the effect is not measurable. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  method!: CounterfactualMethod | null;

  /** The item's effect window: its dates plus the tail. */
  @Column({ type: 'varchar', length: 10 })
  windowStart!: string;

  @Column({ type: 'varchar', length: 10 })
  windowEnd!: string;

  /** The window measured: the union of the overlapping items' windows. */
  @Column({ type: 'varchar', length: 10 })
  groupStart!: string;

  @Column({ type: 'varchar', length: 10 })
  groupEnd!: string;

  /** Sum of the actuals over the measured window. */
  @Column(bigint)
  actual!: number | null;

  /** Sum of the counterfactual forecast over the measured window. */
  @Column(bigint)
  counterfactual!: number | null;

  /** actual - counterfactual over the measured window, before the split. */
  @Column(bigint)
  groupEstimate!: number | null;

  /** The item's share of the group's excess (1 when alone). */
  @Column({ type: 'double precision', nullable: true })
  share!: number | null;

  /** The item's incremental visitors or yuan and its intervals (the group's, times the share). */
  @Column(bigint)
  estimate!: number | null;

  @Column(bigint)
  lo80!: number | null;

  @Column(bigint)
  hi80!: number | null;

  @Column(bigint)
  lo95!: number | null;

  @Column(bigint)
  hi95!: number | null;

  /** How the group's excess was split (every item of the group, this one included). */
  @Column({ type: 'simple-json' })
  split!: EffectShare[];
}
