import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { METRICS, SCOPES, type Metric, type Scope } from '../../actuals/metric.js';
import { PageView } from '../../common/http/pagination.js';
import type { ResolvedTarget, TotalSource } from '../targets.service.js';

export class TargetProjectionStateView {
  @ApiProperty({
    example: true,
    description: 'An input changed since the last projection: a rebuild is pending.',
  })
  dirty!: boolean;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  dirtySince!: string | null;

  @ApiProperty({ example: 7, description: 'Bumped by every change of an input of this target.' })
  inputsVersion!: number;

  @ApiProperty({ example: 6, description: 'The inputs version of the latest projection (0: none yet).' })
  projectedVersion!: number;
}

export class TargetView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 2022 })
  year!: number;

  @ApiProperty({ enum: METRICS, example: 'visitors' })
  metric!: Metric;

  @ApiProperty({ enum: SCOPES, example: 'city' })
  scope!: Scope;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  venueId!: string | null;

  @ApiProperty({ example: 2021 })
  baselineYear!: number;

  @ApiProperty({ example: 0.3, description: '0.30 means +30 %.' })
  growthRate!: number;

  @ApiPropertyOptional({
    example: 18_000_000,
    nullable: true,
    type: Number,
    description: 'Sum of the baseline year’s daily actuals (null unless every day has a figure).',
  })
  baselineTotal!: number | null;

  @ApiProperty({ example: 365, description: 'Days of the baseline year with a figure.' })
  baselineDaysWithFigures!: number;

  @ApiProperty({ example: 365 })
  baselineDaysInYear!: number;

  @ApiProperty({ example: 23_400_000, description: 'The yearly total to reach.' })
  targetTotal!: number;

  @ApiProperty({
    enum: ['baseline_actuals', 'entered'],
    example: 'baseline_actuals',
    description:
      '`baseline_actuals`: baselineTotal × (1 + growthRate), rounded; `entered`: typed in because the baseline year had no complete actuals.',
  })
  totalSource!: TotalSource;

  @ApiPropertyOptional({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ type: TargetProjectionStateView })
  projection!: TargetProjectionStateView;

  @ApiProperty({
    example: 2,
    description:
      'Bumped on every edit of the target itself (its inputs count in projection.inputsVersion); its ETag for If-Match.',
  })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(r: ResolvedTarget): TargetView {
    const t = r.target;
    return {
      id: t.id,
      year: t.year,
      metric: t.metric,
      scope: t.scope,
      venueId: t.venueId,
      baselineYear: t.baselineYear,
      growthRate: t.growthRate,
      baselineTotal: r.baselineTotal,
      baselineDaysWithFigures: r.baselineDays,
      baselineDaysInYear: r.baselineDaysInYear,
      targetTotal: r.total,
      totalSource: r.totalSource,
      note: t.note,
      projection: {
        dirty: t.dirtySince !== null,
        dirtySince: t.dirtySince?.toISOString() ?? null,
        inputsVersion: t.inputsVersion,
        projectedVersion: t.projectedVersion,
      },
      version: t.version,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    };
  }
}

export class TargetPathDayView {
  @ApiProperty({ example: '2022-02-01' })
  date!: string;

  @ApiProperty({ example: 412_000, description: 'What the day should bring.' })
  expected!: number;

  @ApiProperty({
    example: 3_120_000,
    description: 'What the year should have brought by the end of the day.',
  })
  cumulative!: number;

  @ApiPropertyOptional({
    example: '2021-02-12',
    nullable: true,
    type: String,
    description: 'The baseline day whose figure shapes this day.',
  })
  alignedFrom!: string | null;

  @ApiProperty({
    enum: ['holiday', 'holiday_fallback', 'workday', 'shoulder', 'ordinary', 'mean', 'uniform'],
    example: 'holiday',
    description:
      'holiday: same position in the same holiday; holiday_fallback: a similar holiday (the baseline year lacked it); workday: a swapped working day; shoulder: Spring Festival travel-rush days at the same distance; ordinary: same weekday near the same day of the year; mean: weekday mean (no nearby figure); uniform: no baseline profile.',
  })
  rule!: string;
}

export class TargetPathView {
  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({ example: 2022 })
  year!: number;

  @ApiProperty({ enum: METRICS, example: 'visitors' })
  metric!: Metric;

  @ApiProperty({ example: 23_400_000 })
  targetTotal!: number;

  @ApiProperty({ enum: ['baseline_actuals', 'entered'] })
  totalSource!: TotalSource;

  @ApiProperty({
    enum: ['baseline_profile', 'uniform'],
    example: 'baseline_profile',
    description: '`uniform` when the baseline year has figures for fewer than 80 % of its days.',
  })
  shape!: 'baseline_profile' | 'uniform';

  @ApiProperty({
    example: "Shaped like 2021's daily visitors, with its public holidays moved to their 2022 dates.",
  })
  shapeNote!: string;

  @ApiProperty({ example: { baseline: 'package', target: 'package' } })
  calendars!: { baseline: string; target: string };

  @ApiProperty({ example: '2022-01-01' })
  from!: string;

  @ApiProperty({ example: '2022-02-28' })
  to!: string;

  @ApiProperty({ type: [TargetPathDayView] })
  days!: TargetPathDayView[];
}

export class TargetPage extends PageView(TargetView) {}
