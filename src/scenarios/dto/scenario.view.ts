import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageView } from '../../common/http/pagination.js';
import {
  SCENARIO_ACTIONS,
  type ScenarioAction,
  type ScenarioChangeDetails,
  type ScenarioSubject,
} from '../scenario-change.js';
import type { ScenarioChange } from '../scenario-change.entity.js';
import type { Scenario } from '../scenario.entity.js';

export class ScenarioChangeView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 1 })
  seq!: number;

  @ApiProperty({ enum: SCENARIO_ACTIONS })
  action!: ScenarioAction;

  @ApiPropertyOptional({ enum: ['campaign', 'event'], nullable: true })
  subjectType!: ScenarioSubject | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  subjectId!: string | null;

  @ApiProperty({ example: { name: '张家界国际乡村音乐周', startDate: '2022-10-10', endDate: '2022-10-16' } })
  details!: ScenarioChangeDetails;

  static of(c: ScenarioChange): ScenarioChangeView {
    return {
      id: c.id,
      seq: c.seq,
      action: c.action,
      subjectType: c.subjectType,
      subjectId: c.subjectId,
      details: c.details,
    };
  }
}

export class ScenarioView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  description!: string | null;

  @ApiProperty({ example: 3, description: 'Bumped by every change of the scenario’s contents.' })
  version!: number;

  @ApiProperty({ type: [ScenarioChangeView] })
  changes!: ScenarioChangeView[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(s: Scenario, changes: ScenarioChange[]): ScenarioView {
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      version: s.version,
      changes: changes.map((c) => ScenarioChangeView.of(c)),
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}

export class ScenarioPage extends PageView(ScenarioView) {}
