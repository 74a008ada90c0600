import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AppliedChange } from '../scenario-apply.js';
import type { ProjectionFigures, ScenarioProjection } from '../scenario-projection.entity.js';

export class ProjectionFiguresView implements ProjectionFigures {
  @ApiProperty({ example: 21500000, description: 'Projected year-end total (median).' })
  median!: number;

  @ApiProperty({ example: 20900000 })
  lo80!: number;

  @ApiProperty({ example: 22100000 })
  hi80!: number;

  @ApiProperty({ example: 20500000 })
  lo95!: number;

  @ApiProperty({ example: 22500000 })
  hi95!: number;

  @ApiProperty({ example: 0.41, description: 'Probability of reaching the target.' })
  probability!: number;

  @ApiProperty({ enum: ['on_track', 'at_risk', 'off_track'] })
  status!: 'on_track' | 'at_risk' | 'off_track';

  @ApiProperty({ example: 420000, description: 'What events and campaigns still add.' })
  contributionsTotal!: number;
}

export class AppliedChangeView implements AppliedChange {
  @ApiProperty({ format: 'uuid' })
  changeId!: string;

  @ApiProperty({ enum: ['add_campaign', 'add_event', 'cancel', 'move', 'change'] })
  action!: AppliedChange['action'];

  @ApiPropertyOptional({ enum: ['campaign', 'event'], nullable: true })
  subjectType!: AppliedChange['subjectType'];

  @ApiPropertyOptional({ nullable: true, type: String })
  subjectId!: string | null;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 35000, description: 'Change of what is still to come this year (+ adds).' })
  remainingDelta!: number;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Campaigns count for city targets only' })
  note!: string | null;
}

/** How the scenario moves the official projection. */
export class ProjectionDifferenceView {
  @ApiProperty({ example: 35000, description: 'Change of the projected year-end total (median).' })
  median!: number;

  @ApiProperty({ example: 0.06, description: 'Change of the probability of reaching the target.' })
  probability!: number;
}

export class ScenarioProjectionView {
  @ApiProperty({ format: 'uuid' })
  scenarioId!: string;

  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({ example: 4, description: 'The scenario’s current version.' })
  scenarioVersion!: number;

  @ApiProperty({ example: 12, description: 'The target’s current inputs version.' })
  inputsVersion!: number;

  @ApiProperty({
    description:
      'The figures shown were computed from an older scenario or target version (or there are none yet): a job is on its way.',
  })
  stale!: boolean;

  @ApiProperty({ description: 'A projection job was queued (or joined) by this read.' })
  pending!: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  computedAt!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2022-04-10' })
  asOf!: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  targetTotal!: number | null;

  @ApiPropertyOptional({
    type: ProjectionFiguresView,
    nullable: true,
    description: 'The official projection, same inputs.',
  })
  official!: ProjectionFiguresView | null;

  @ApiPropertyOptional({
    type: ProjectionFiguresView,
    nullable: true,
    description: 'With the scenario applied.',
  })
  withScenario!: ProjectionFiguresView | null;

  @ApiPropertyOptional({
    type: ProjectionDifferenceView,
    nullable: true,
    example: { median: 35000, probability: 0.06 },
    description: 'withScenario − official.',
  })
  difference!: ProjectionDifferenceView | null;

  @ApiProperty({ type: [AppliedChangeView] })
  changes!: AppliedChangeView[];

  @ApiProperty({ type: [String] })
  notes!: string[];

  static of(
    ids: { scenarioId: string; targetId: string; scenarioVersion: number; inputsVersion: number },
    row: ScenarioProjection | null,
    stale: boolean,
    pending: boolean,
  ): ScenarioProjectionView {
    return {
      ...ids,
      stale,
      pending,
      computedAt: row?.computedAt.toISOString() ?? null,
      asOf: row?.asOf ?? null,
      targetTotal: row?.targetTotal ?? null,
      official: row?.official ?? null,
      withScenario: row?.withScenario ?? null,
      difference: row
        ? {
            median: row.withScenario.median - row.official.median,
            probability: row.withScenario.probability - row.official.probability,
          }
        : null,
      changes: row?.changes ?? [],
      notes: row?.notes ?? [],
    };
  }
}
