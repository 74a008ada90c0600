import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actual } from '../actual.entity.js';
import { METRICS, SCOPES, type Metric, type Scope } from '../metric.js';
import { GRANULARITIES, type Granularity } from './read-actuals.query.js';

export class ActualView {
  @ApiProperty({ example: '2022-04-01' })
  date!: string;

  @ApiProperty({ enum: METRICS, example: 'visitors' })
  metric!: Metric;

  @ApiProperty({ enum: SCOPES, example: 'city' })
  scope!: Scope;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  venueId!: string | null;

  @ApiProperty({ example: 41250 })
  value!: number;

  @ApiProperty({ example: 'bureau-daily-report' })
  source!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(a: Actual): ActualView {
    return {
      date: a.date,
      metric: a.metric,
      scope: a.scope,
      venueId: a.venueId,
      value: a.value,
      source: a.source,
      note: a.note,
      updatedAt: a.updatedAt.toISOString(),
    };
  }
}

export class PutActualResultView extends ActualView {
  @ApiProperty({ example: false, description: 'True when a figure for that day and scope was replaced.' })
  replaced!: boolean;
}

export class ImportResultView {
  @ApiProperty({
    example: 1826,
    description: 'Rows written (a later row for the same day and scope replaces an earlier one).',
  })
  rows!: number;

  @ApiPropertyOptional({ example: '2022-01-01', nullable: true, type: String })
  firstDate!: string | null;

  @ApiPropertyOptional({ example: '2022-04-10', nullable: true, type: String })
  lastDate!: string | null;

  @ApiProperty({ example: [2022], type: [Number] })
  years!: number[];

  @ApiProperty({ example: [], type: [String], description: 'Venues with rows (empty: city rows only).' })
  venueIds!: string[];

  @ApiProperty({ example: 412 })
  durationMs!: number;
}

export class ActualPointView {
  @ApiProperty({ example: '2022-W05', description: 'The day, ISO week or month.' })
  period!: string;

  @ApiProperty({ example: '2022-01-31' })
  from!: string;

  @ApiProperty({ example: '2022-02-06' })
  to!: string;

  @ApiPropertyOptional({
    example: 412000,
    nullable: true,
    type: Number,
    description: 'Sum of the figures recorded in the period (null when none is).',
  })
  value!: number | null;

  @ApiProperty({ example: 7, description: 'Days of the period with a figure.' })
  daysWithFigures!: number;

  @ApiProperty({ example: 7, description: 'Days of the period within from/to.' })
  days!: number;

  @ApiProperty({ example: true, description: 'Every day of the period has a figure.' })
  complete!: boolean;

  @ApiPropertyOptional({ example: 'bureau-daily-report', description: 'Day granularity only.' })
  source?: string;
}

export class ActualSeriesView {
  @ApiProperty({ enum: METRICS, example: 'visitors' })
  metric!: Metric;

  @ApiProperty({ enum: SCOPES, example: 'city' })
  scope!: Scope;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  venueId!: string | null;

  @ApiProperty({ example: '2022-01-01' })
  from!: string;

  @ApiProperty({ example: '2022-04-10' })
  to!: string;

  @ApiProperty({ enum: GRANULARITIES, example: 'week' })
  granularity!: Granularity;

  @ApiProperty({ example: 4250000, description: 'Sum of every figure in the range.' })
  total!: number;

  @ApiPropertyOptional({
    example: '2022-04-10',
    nullable: true,
    type: String,
    description: 'Latest day with a figure.',
  })
  lastDate!: string | null;

  @ApiProperty({
    example: ['2022-03-05'],
    type: [String],
    description: 'Days from `from` up to `to` or today (whichever is first) without a figure.',
  })
  missingDays!: string[];

  @ApiProperty({ type: [ActualPointView] })
  points!: ActualPointView[];
}
