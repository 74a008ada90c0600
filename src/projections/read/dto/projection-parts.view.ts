import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProjectedIntervalView {
  @ApiProperty({ example: 61_200_000, description: 'Projected year-end total (median).' })
  median!: number;

  @ApiProperty({ example: 58_900_000 })
  lo80!: number;

  @ApiProperty({ example: 63_600_000 })
  hi80!: number;

  @ApiProperty({ example: 57_700_000 })
  lo95!: number;

  @ApiProperty({ example: 64_900_000 })
  hi95!: number;
}

export class RunRateView {
  @ApiProperty({
    example: 190_000,
    description: 'Per day still needed, from `asOf` to 31 December, to reach the target.',
  })
  neededDaily!: number;

  @ApiProperty({ example: 1_330_000 })
  neededWeekly!: number;

  @ApiProperty({
    example: 172_000,
    description: 'Per day the projection expects for the rest of the year (median).',
  })
  expectedDaily!: number;

  @ApiProperty({ example: 1_204_000 })
  expectedWeekly!: number;
}

export class ContributionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['event', 'campaign'], example: 'event' })
  kind!: 'event' | 'campaign';

  @ApiProperty({ example: '环天门山马拉松' })
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Around-Tianmen-Mountain Marathon' })
  nameEn!: string | null;

  @ApiProperty({ example: '2022-10-15', description: 'First day within the target year.' })
  from!: string;

  @ApiProperty({ example: '2022-10-16' })
  to!: string;

  @ApiProperty({ example: 18_000, description: 'Expected increment within the target year.' })
  expected!: number;

  @ApiProperty({
    example: 0,
    description: 'Part already inside the counted actuals (or the recorded actual): not added again.',
  })
  realised!: number;

  @ApiProperty({ example: 18_000, description: 'Part still to come, included in the projection.' })
  remaining!: number;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: null,
    description: 'Recorded actual increment once completed; it replaces the expectation.',
  })
  actual!: number | null;

  @ApiProperty({
    example: '30000 expected attendees × 60 % from outside the city',
    description: 'Where the amount comes from.',
  })
  basis!: string;
}

export class ProjectedDayView {
  @ApiProperty({ example: '2022-04-11' })
  date!: string;

  @ApiProperty({ example: 16_900_000, description: 'Target path, cumulative.' })
  target!: number;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: null,
    description: 'Actuals, cumulative (null after asOf).',
  })
  actual!: number | null;

  @ApiProperty({ example: 15_120_000, description: 'Projected cumulative median.' })
  projected!: number;

  @ApiProperty({ example: 15_080_000 })
  lo80!: number;

  @ApiProperty({ example: 15_160_000 })
  hi80!: number;

  @ApiProperty({ example: 15_060_000 })
  lo95!: number;

  @ApiProperty({ example: 15_180_000 })
  hi95!: number;
}

export class PerVisitorFigureView {
  @ApiProperty({ example: 79_800_000_000 })
  revenue!: number;

  @ApiProperty({ example: 61_200_000 })
  visitors!: number;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 1303.92, description: 'Yuan per visitor.' })
  perVisitor!: number | null;
}

export class BaselinePerVisitorView extends PerVisitorFigureView {
  @ApiProperty({ example: 2021 })
  year!: number;
}

export class RevenuePerVisitorView {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Visitors target of the same year and scope.',
  })
  visitorsTargetId!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: PerVisitorFigureView,
    description: 'Projected revenue ÷ projected visitors (medians); null without a visitors target.',
  })
  projected!: PerVisitorFigureView | null;

  @ApiPropertyOptional({ nullable: true, type: PerVisitorFigureView, description: 'The year so far.' })
  toDate!: PerVisitorFigureView | null;

  @ApiPropertyOptional({ nullable: true, type: BaselinePerVisitorView })
  baseline!: BaselinePerVisitorView | null;

  @ApiPropertyOptional({
    nullable: true,
    type: PerVisitorFigureView,
    description: 'Revenue target ÷ visitors target.',
  })
  targets!: PerVisitorFigureView | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 0.021,
    description: 'projected ÷ baseline − 1.',
  })
  projectedChange!: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 0.0308,
    description: 'targets ÷ baseline − 1: the growth of spend per visitor the targets ask (1.34 / 1.30 − 1).',
  })
  neededChange!: number | null;
}
