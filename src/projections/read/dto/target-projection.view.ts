import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { METRICS, SCOPES, type Metric, type Scope } from '../../../actuals/metric.js';
import type { ProjectionStatus } from '../../math/projection-math.js';
import type { ProjectionSnapshot } from '../../rebuild/projection-snapshot.entity.js';
import type { ResolvedTarget } from '../../../targets/targets.service.js';
import type { TargetHead } from '../target-read-head.js';
import { ProjectedIntervalView, RevenuePerVisitorView, RunRateView } from './projection-parts.view.js';
import { ProjectionSnapshotView, STATUS_RULE } from './projection-snapshot.view.js';

/** Whether the snapshot shown is the latest data's, shared by the projection reads. */
export class FreshnessView {
  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({
    example: false,
    description: 'An input changed since this snapshot (or there is none yet): a rebuild is pending.',
  })
  stale!: boolean;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  dirtySince!: string | null;

  @ApiProperty({ example: 8, description: 'The target’s current inputs version.' })
  inputsVersion!: number;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2022-04-10',
    description: 'The snapshot’s last counted day.',
  })
  asOf!: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  computedAt!: string | null;
}

export class TargetProjectionView extends FreshnessView {
  @ApiPropertyOptional({
    nullable: true,
    type: ProjectionSnapshotView,
    description: 'The latest snapshot; null until the first rebuild has run.',
  })
  snapshot!: ProjectionSnapshotView | null;

  static of(
    resolved: Pick<ResolvedTarget, 'target'>,
    snapshot: ProjectionSnapshot | null,
  ): TargetProjectionView {
    return {
      ...freshness(resolved, snapshot),
      snapshot: snapshot ? ProjectionSnapshotView.of(snapshot) : null,
    };
  }
}

export class ProjectionProgressView extends FreshnessView {
  @ApiProperty({ example: 2022 })
  year!: number;

  @ApiProperty({ enum: METRICS, example: 'visitors' })
  metric!: Metric;

  @ApiProperty({ enum: SCOPES, example: 'city' })
  scope!: Scope;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  venueId!: string | null;

  @ApiProperty({ example: 68_100_000 })
  targetTotal!: number;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 14_900_000 })
  actualToDate!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 16_200_000 })
  pathToDate!: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: -1_300_000,
    description: 'Ahead (+) or behind (−) the path.',
  })
  gap!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: -0.08, description: 'gap ÷ pathToDate.' })
  gapShare!: number | null;

  @ApiPropertyOptional({ nullable: true, type: ProjectedIntervalView })
  projected!: ProjectedIntervalView | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 0.12 })
  probability!: number | null;

  @ApiPropertyOptional({
    nullable: true,
    enum: ['on_track', 'at_risk', 'off_track'],
    example: 'off_track',
    description: STATUS_RULE,
  })
  status!: ProjectionStatus | null;

  @ApiPropertyOptional({ nullable: true, type: RunRateView })
  runRate!: RunRateView | null;

  @ApiPropertyOptional({ nullable: true, type: RevenuePerVisitorView, description: 'Revenue targets only.' })
  revenuePerVisitor!: RevenuePerVisitorView | null;

  /** `resolved.total` counts only without a snapshot; `full`: the snapshot's view when already made. */
  static of(
    resolved: { target: TargetHead; total: ResolvedTarget['total'] },
    s: ProjectionSnapshot | null,
    full: ProjectionSnapshotView | null = s ? ProjectionSnapshotView.of(s) : null,
  ): ProjectionProgressView {
    const t = resolved.target;
    return {
      ...freshness(resolved, s),
      year: t.year,
      metric: t.metric,
      scope: t.scope,
      venueId: t.venueId,
      targetTotal: s?.targetTotal ?? resolved.total,
      actualToDate: s?.actualToDate ?? null,
      pathToDate: s?.pathToDate ?? null,
      gap: s?.gap ?? null,
      gapShare: s && s.pathToDate > 0 ? Math.round((s.gap / s.pathToDate) * 10_000) / 10_000 : null,
      projected: full?.projected ?? null,
      probability: s?.probability ?? null,
      status: s?.status ?? null,
      runRate: full?.runRate ?? null,
      revenuePerVisitor: s?.revenuePerVisitor ?? null,
    };
  }
}

export function freshness(
  resolved: { target: TargetHead },
  snapshot: ProjectionSnapshot | null,
): FreshnessView {
  const t = resolved.target;
  return {
    targetId: t.id,
    stale: !snapshot || t.dirtySince !== null || snapshot.inputsVersion < t.inputsVersion,
    dirtySince: t.dirtySince?.toISOString() ?? null,
    inputsVersion: t.inputsVersion,
    asOf: snapshot?.asOf ?? null,
    computedAt: snapshot?.computedAt.toISOString() ?? null,
  };
}
