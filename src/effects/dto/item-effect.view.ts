import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { METRICS, SCOPES, type Metric, type Scope } from '../../actuals/metric.js';
import type { EffectShare, ItemEffect } from '../item-effect.entity.js';
import {
  UNMEASURABLE_CODES,
  unmeasurableCodeOf,
  type UnmeasurableCode,
  type UpliftVerdict,
} from '../uplift-estimator.js';

/** What a reader may be shown of an item named in a split. */
export interface ItemTitle {
  title: string;
  titleEn: string | null;
}

export class IntervalView {
  @ApiProperty({ example: 8200 })
  lower!: number;

  @ApiProperty({ example: 31400 })
  upper!: number;
}

export class DateRangeView {
  @ApiProperty({ example: '2021-10-01', description: 'First local day' })
  from!: string;

  @ApiProperty({ example: '2021-10-14', description: 'Last local day, included' })
  to!: string;
}

export class EffectShareView {
  @ApiProperty({ enum: ['campaign', 'event'] })
  itemType!: 'campaign' | 'event';

  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Its expected increment (scope, metric)',
  })
  expected!: number | null;

  @ApiProperty({ example: 0.6, description: "Fraction of the measured window's excess attributed to it" })
  share!: number;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '张家界国际旅游节',
    description:
      "The campaign's name or the event's Chinese title; null for an event the reader may not see (another organization's)",
  })
  title!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: "The event's English title, if any" })
  titleEn!: string | null;

  static of(s: EffectShare, title: ItemTitle | undefined): EffectShareView {
    return Object.assign(new EffectShareView(), s, {
      title: title?.title ?? null,
      titleEn: title?.titleEn ?? null,
    });
  }
}

/** One measured effect: a scope (the city, or the event's venue) and a metric. */
export class MeasuredEffectView {
  @ApiProperty({ enum: SCOPES })
  scope!: Scope;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  venueId!: string | null;

  @ApiProperty({ enum: METRICS })
  metric!: Metric;

  @ApiProperty({
    enum: ['measured', 'no_effect_detectable', 'not_measurable'],
    description: 'measured: the 95 % interval excludes zero; no_effect_detectable: it includes zero',
  })
  verdict!: UpliftVerdict;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'the effect window lacks actuals for 3 of its 10 day(s)',
  })
  reason!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    enum: UNMEASURABLE_CODES,
    description: '`reason` as a stable code, for translation',
    example: 'window_lacks_actuals',
  })
  reasonCode!: UnmeasurableCode | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'yearly-reference-ratio' })
  method!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: "The item's incremental visitors or yuan",
    example: 19800,
  })
  estimate!: number | null;

  @ApiPropertyOptional({ nullable: true, type: IntervalView })
  interval80!: IntervalView | null;

  @ApiPropertyOptional({ nullable: true, type: IntervalView })
  interval95!: IntervalView | null;

  @ApiProperty({ type: DateRangeView, description: 'Item dates plus the tail' })
  window!: DateRangeView;

  @ApiProperty({
    type: DateRangeView,
    description: "The window measured: the union of the overlapping items' windows",
  })
  measuredWindow!: DateRangeView;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Sum of the actuals over the measured window',
  })
  actual!: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Sum of the counterfactual forecast over it',
  })
  counterfactual!: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Excess over the measured window, before the split',
  })
  windowExcess!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 1 })
  share!: number | null;

  @ApiProperty({ type: [EffectShareView] })
  split!: EffectShareView[];

  @ApiProperty({ description: 'sha256 of the inputs measured (the inputs version)' })
  inputsHash!: string;

  @ApiProperty()
  computedAt!: Date;

  /** `titles`: the readable items of the split by `${itemType}:${itemId}`. */
  static of(e: ItemEffect, titles: ReadonlyMap<string, ItemTitle>): MeasuredEffectView {
    const measured = e.verdict !== 'not_measurable';
    return Object.assign(new MeasuredEffectView(), {
      scope: e.scope,
      venueId: e.venueId,
      metric: e.metric,
      verdict: e.verdict,
      reason: e.reason,
      reasonCode: unmeasurableCodeOf(e.reason),
      method: e.method,
      estimate: e.estimate,
      interval80: measured ? { lower: e.lo80, upper: e.hi80 } : null,
      interval95: measured ? { lower: e.lo95, upper: e.hi95 } : null,
      window: { from: e.windowStart, to: e.windowEnd },
      measuredWindow: { from: e.groupStart, to: e.groupEnd },
      actual: e.actual,
      counterfactual: e.counterfactual,
      windowExcess: e.groupEstimate,
      share: e.share,
      split: e.split.map((s) => EffectShareView.of(s, titles.get(`${s.itemType}:${s.itemId}`))),
      inputsHash: e.inputsHash,
      computedAt: e.computedAt,
    });
  }
}

export class ExpectedFiguresView {
  @ApiPropertyOptional({ nullable: true, type: Number })
  visitors!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  revenueYuan!: number | null;
}

export class TypedInActualsView {
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Campaigns: typed-in incremental visitors; events: attendance',
  })
  visitors!: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Campaigns: typed-in incremental revenue; events: revenue',
  })
  revenueYuan!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Campaigns: actual spend' })
  spendYuan!: number | null;
}

/** An item's measured effects beside its expected figures and the actuals typed in at completion. */
export class ItemEffectView {
  @ApiProperty({ enum: ['campaign', 'event'] })
  itemType!: 'campaign' | 'event';

  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @ApiProperty({ example: 'completed' })
  status!: string;

  @ApiProperty({
    enum: ['measured', 'pending', 'not_completed'],
    description:
      'measured: effects below; pending: completed, the measuring job has not stored them yet; not_completed: measured once the item is completed',
  })
  state!: 'measured' | 'pending' | 'not_completed';

  @ApiProperty({ type: ExpectedFiguresView, description: 'Expected increments (for the city)' })
  expected!: ExpectedFiguresView;

  @ApiProperty({ type: TypedInActualsView, description: 'Figures typed in at completion, unchanged' })
  typedIn!: TypedInActualsView;

  @ApiProperty({ type: [MeasuredEffectView] })
  effects!: MeasuredEffectView[];
}
