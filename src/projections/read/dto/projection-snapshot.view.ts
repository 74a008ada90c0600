import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageView } from '../../../common/http/pagination.js';
import { STATUS_THRESHOLDS, type ProjectionStatus } from '../../math/projection-math.js';
import type { ProjectionSnapshot } from '../../rebuild/projection-snapshot.entity.js';
import {
  ContributionView,
  ProjectedDayView,
  ProjectedIntervalView,
  RevenuePerVisitorView,
  RunRateView,
} from './projection-parts.view.js';

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The status rule, for the API docs. */
export const STATUS_RULE =
  `Status from the probability of reaching the target: \`on_track\` at ${pct(STATUS_THRESHOLDS.onTrack)} or more, ` +
  `\`at_risk\` from ${pct(STATUS_THRESHOLDS.offTrack)} up to ${pct(STATUS_THRESHOLDS.onTrack)}, \`off_track\` below ${pct(STATUS_THRESHOLDS.offTrack)}.`;

/** How a projection is made, for the API docs. */
export const PROJECTION_METHOD =
  '`asOf` is the last day of the target year, not after yesterday (Asia/Shanghai), with an actual for the ' +
  'target’s metric and scope; earlier days without one are listed in `missingDates` and filled at the pace of ' +
  'the counted days (actual ÷ target path). The rest of the year: with at least 13 months of history (complete ' +
  'previous years, up to five, then this year’s complete months) the forecasting engine (median of ETS, Theta, ' +
  'seasonal ARIMA and seasonal naive on monthly totals; method `forecast`) forecasts the remaining months, ' +
  'spread over their days like the target path (holidays aligned); with less history the target path continues ' +
  'at the pace so far (method `pace`). The expected increments of approved events and of scheduled or active ' +
  'campaigns still to come are added on top (events: attendance × outside-city share, × spend per attendee for ' +
  'revenue; campaigns: their expected increment spread over their dates); once completed, the recorded actual ' +
  'replaces the expectation and, being inside the actual figures, is not added again. Probability = ' +
  'P(year-end ≥ target) under a normal fitted to the median and the 80 % interval. ' +
  STATUS_RULE;

export class ProjectionHeadlineView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({ example: 7, description: 'The target’s inputs version this snapshot was computed from.' })
  inputsVersion!: number;

  @ApiProperty({ format: 'date-time' })
  computedAt!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2022-04-10',
    description: 'Last counted day (null: no actual of the year yet).',
  })
  asOf!: string | null;

  @ApiProperty({
    example: '5f1c…',
    description: 'sha256 of the canonical inputs: equal hash, equal figures.',
  })
  inputsHash!: string;

  @ApiProperty({ example: 240, description: 'How long the computation took, ms.' })
  durationMs!: number;

  @ApiProperty({ enum: ['forecast', 'pace'], example: 'forecast' })
  method!: 'forecast' | 'pace';

  @ApiProperty({ example: 'Combination (median) of ETS(M,Ad,M), Theta, ARIMA, SNaive' })
  model!: string;

  @ApiProperty({ example: 68_100_000 })
  targetTotal!: number;

  @ApiProperty({ example: 14_900_000, description: 'Recorded actuals up to asOf.' })
  actualToDate!: number;

  @ApiProperty({
    example: 14_900_000,
    description: 'Actual to date with missing days filled at the pace so far.',
  })
  estimatedToDate!: number;

  @ApiProperty({ example: 16_200_000, description: 'What the target path asked by asOf.' })
  pathToDate!: number;

  @ApiProperty({ example: -1_300_000, description: 'estimatedToDate − pathToDate (negative: behind).' })
  gap!: number;

  @ApiProperty({ type: ProjectedIntervalView })
  projected!: ProjectedIntervalView;

  @ApiProperty({ example: 0.12, description: 'Probability of reaching the target, 0-1.' })
  probability!: number;

  @ApiProperty({ enum: ['on_track', 'at_risk', 'off_track'], example: 'off_track', description: STATUS_RULE })
  status!: ProjectionStatus;

  @ApiProperty({ type: RunRateView })
  runRate!: RunRateView;

  @ApiProperty({
    example: 450_000,
    description: 'Event and campaign increments still to come, inside the median.',
  })
  contributionsTotal!: number;

  @ApiProperty({ example: 100 })
  daysCounted!: number;

  @ApiProperty({ example: 265 })
  daysRemaining!: number;

  static of(s: ProjectionSnapshot): ProjectionHeadlineView {
    return {
      id: s.id,
      targetId: s.targetId,
      inputsVersion: s.inputsVersion,
      computedAt: s.computedAt.toISOString(),
      asOf: s.asOf,
      inputsHash: s.inputsHash,
      durationMs: s.durationMs,
      method: s.method,
      model: s.model,
      targetTotal: s.targetTotal,
      actualToDate: s.actualToDate,
      estimatedToDate: s.estimatedToDate,
      pathToDate: s.pathToDate,
      gap: s.gap,
      projected: { median: s.median, lo80: s.lo80, hi80: s.hi80, lo95: s.lo95, hi95: s.hi95 },
      probability: s.probability,
      status: s.status,
      runRate: {
        neededDaily: s.neededDaily,
        neededWeekly: s.neededWeekly,
        expectedDaily: s.expectedDaily,
        expectedWeekly: s.expectedWeekly,
      },
      contributionsTotal: s.contributionsTotal,
      daysCounted: s.daysCounted,
      daysRemaining: s.daysRemaining,
    };
  }
}

export class ProjectionSnapshotView extends ProjectionHeadlineView {
  @ApiProperty({ type: [ContributionView], description: 'Each counted event and campaign, in date order.' })
  contributions!: ContributionView[];

  @ApiProperty({ type: [ProjectedDayView], description: 'Every day of the year, cumulative, for charts.' })
  daily!: ProjectedDayView[];

  @ApiProperty({ type: [String], example: ['2022-03-02'], description: 'Days up to asOf without an actual.' })
  missingDates!: string[];

  @ApiPropertyOptional({ nullable: true, type: RevenuePerVisitorView, description: 'Revenue targets only.' })
  revenuePerVisitor!: RevenuePerVisitorView | null;

  @ApiProperty({
    type: [String],
    description: 'Remarks on the inputs (path shape, history used, actuals lag).',
  })
  notes!: string[];

  static override of(s: ProjectionSnapshot): ProjectionSnapshotView {
    return {
      ...ProjectionHeadlineView.of(s),
      contributions: s.contributions,
      daily: s.daily,
      missingDates: s.missingDates,
      revenuePerVisitor: s.revenuePerVisitor,
      notes: s.notes,
    };
  }
}

export class ProjectionHeadlinePage extends PageView(ProjectionHeadlineView) {}
